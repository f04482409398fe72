import { Type } from '@sinclair/typebox';
import { Page, PageQuery, principalOf, type HttpApp } from '@tessera/platform';
import type { IdentityDeps } from '../app/deps.js';
import { listSentMail, readSentMail } from '../app/sent-mail.js';
import { IdentityPermissions } from '../contract/permissions.js';
import { MailIdParams, SentMail } from '../contract/users.js';

const tags = ['mail'];
const readMail = { permission: IdentityPermissions.readMail };

/** What the embedded mailer kept: a tenant admin reads their tenant's messages, a platform admin all. */
export async function mailRoutes(app: HttpApp, deps: IdentityDeps): Promise<void> {
  app.get('/admin/mail', {
    config: readMail,
    schema: {
      tags,
      summary: 'List sent messages, newest first (embedded mode; 404 MAIL.NOT_KEPT over SMTP)',
      querystring: PageQuery,
      response: { 200: Page(SentMail) },
    },
  }, async (request) => listSentMail(deps, principalOf(request), request.query));

  app.get('/admin/mail/:id', {
    config: readMail,
    schema: {
      tags,
      summary: 'A sent message as message/rfc822',
      params: MailIdParams,
      response: { 200: { description: 'The raw message', content: { 'message/rfc822': { schema: Type.String() } } } },
    },
  }, async (request, reply) => {
    const raw = await readSentMail(deps, principalOf(request), request.params.id);
    // The message may hold one-time links: nothing on the way may keep a copy.
    return reply.type('message/rfc822').header('cache-control', 'no-store').send(raw);
  });
}
