import { Type } from '@sinclair/typebox';
import { PUBLIC, personOf, type HttpApp } from '@tessera/platform';
import type { NotifyDeps } from '../app/deps.js';
import { unsubscribe } from '../app/unsubscribe.js';
import { NotifyPermissions } from '../contract/permissions.js';
import { Delivery, DeliveryQuery, Unsubscribed, UnsubscribeQuery } from '../contract/schemas.js';
import { deliveryLog } from '../db/delivery.repository.js';
import type { NotifyDatabase } from '../db/notify.table.js';
import { decodeTimeId, timeIdPage } from '../app/time-cursor.js';

const tags = ['notifications'];
const DeliveryPage = Type.Object({ items: Type.Array(Delivery), nextCursor: Type.Union([Type.String(), Type.Null()]) });

/** One-click unsubscribe (no sign-in) and the tenant admins' delivery log. */
export async function deliveryRoutes(app: HttpApp, deps: NotifyDeps): Promise<void> {
  // RFC 8058 POSTs `List-Unsubscribe=One-Click` form-encoded; the token in the URL is all that matters.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1_024 }, (_request, body, done) => done(null, body));

  app.post('/notifications/unsubscribe', {
    config: { permission: PUBLIC, optionalBody: true },
    schema: {
      tags, summary: 'One-click unsubscribe from an email\'s category (RFC 8058; the signed token comes from the email\'s List-Unsubscribe link)',
      querystring: UnsubscribeQuery, response: { 200: Unsubscribed },
    },
  }, async (request) => unsubscribe(deps, request.query.token));

  app.get('/admin/notifications/deliveries', {
    config: { permission: NotifyPermissions.deliveries },
    schema: {
      tags, summary: 'The tenant\'s delivery log, newest first: each notification\'s email per recipient, with tries and the last error',
      querystring: DeliveryQuery, response: { 200: DeliveryPage },
    },
  }, async (request) => {
    const { tenantId } = personOf(request);
    const { limit, cursor, status } = request.query;
    const before = cursor ? decodeTimeId(cursor) : undefined;
    const rows = await deps.db.withTenant<NotifyDatabase, Awaited<ReturnType<typeof deliveryLog>>>(tenantId, (tx) => deliveryLog(tx, tenantId, { limit: limit + 1, status, before }));
    return timeIdPage(rows.map((d) => ({
      ...d, notBefore: d.notBefore?.toISOString() ?? null, createdAt: d.createdAt.toISOString(), sentAt: d.sentAt?.toISOString() ?? null,
    })), limit);
  });
}
