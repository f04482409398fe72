import { etagOf, personOf, versionFromIfMatch, type HttpApp } from '@tessera/platform';
import type { NotifyDeps } from '../app/deps.js';
import { changeSettings, settingsOf } from '../app/settings.js';
import { NotifyPermissions } from '../contract/permissions.js';
import { NotifySettings, NotifySettingsInput } from '../contract/schemas.js';

const tags = ['notifications'];

/** The tenant admins' settings for what the tenant sends: the emails' brand and the send-rate limit. */
export async function settingsRoutes(app: HttpApp, deps: NotifyDeps): Promise<void> {
  app.get('/admin/notifications/settings', {
    config: { permission: NotifyPermissions.settings },
    schema: { tags, summary: 'The tenant\'s email brand and send-rate limit, with their ETag', response: { 200: NotifySettings } },
  }, async (request, reply) => {
    const settings = await settingsOf(deps, personOf(request).tenantId);
    return reply.header('etag', etagOf(settings.version)).send(settings);
  });

  app.put('/admin/notifications/settings', {
    config: { permission: NotifyPermissions.settings },
    schema: {
      tags, summary: 'Change the tenant\'s email brand or send-rate limit (If-Match: the ETag read); only what the body names changes',
      description: '412 when they changed since you read them.',
      body: NotifySettingsInput, response: { 200: NotifySettings },
    },
  }, async (request, reply) => {
    const settings = await changeSettings(deps, personOf(request).tenantId, versionFromIfMatch(request), request.body);
    return reply.header('etag', etagOf(settings.version)).send(settings);
  });
}
