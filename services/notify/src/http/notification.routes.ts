import { Type } from '@sinclair/typebox';
import { openEventStream, personOf, type HttpApp } from '@tessera/platform';
import type { NotifyDeps } from '../app/deps.js';
import { notificationsTopic, type LiveNotice } from '../app/live.js';
import { countUnread, listNotifications, readAll, readNotification } from '../app/notifications.js';
import { Marked, Notification, NotificationQuery, UnreadCount } from '../contract/schemas.js';
import { NotifyPermissions } from '../contract/permissions.js';

const tags = ['notifications'];
const NotificationParams = Type.Object({ notificationId: Type.String({ format: 'uuid' }) });
const NotificationPage = Type.Object({ items: Type.Array(Notification), nextCursor: Type.Union([Type.String(), Type.Null()]) });

/** The signed-in user's own notifications: list, unread count, mark read, and the live stream. */
export async function notificationRoutes(app: HttpApp, deps: NotifyDeps): Promise<void> {
  const readerOf = (request: Parameters<typeof personOf>[0]) => {
    const person = personOf(request);
    return { tenantId: person.tenantId, userId: person.subject };
  };

  app.get('/notifications', {
    config: { permission: NotifyPermissions.self },
    schema: { tags, summary: 'Your notifications, newest first (unread=true: only the unread ones)', querystring: NotificationQuery, response: { 200: NotificationPage } },
  }, async (request) => listNotifications(deps, readerOf(request), request.query));

  app.get('/notifications/unread-count', {
    config: { permission: NotifyPermissions.self },
    schema: { tags, summary: 'How many of your notifications are unread (the bell)', response: { 200: UnreadCount } },
  }, async (request) => ({ unread: await countUnread(deps, readerOf(request)) }));

  app.post('/notifications/:notificationId/read', {
    config: { permission: NotifyPermissions.self, optionalBody: true },
    schema: { tags, summary: 'Mark one of your notifications read (again: no change)', params: NotificationParams, response: { 200: Marked } },
  }, async (request) => readNotification(deps, readerOf(request), request.params.notificationId));

  app.post('/notifications/read-all', {
    config: { permission: NotifyPermissions.self, optionalBody: true },
    schema: { tags, summary: 'Mark all your notifications read', response: { 200: Marked } },
  }, async (request) => readAll(deps, readerOf(request)));

  app.get('/notifications/stream', {
    config: { permission: NotifyPermissions.self },
    schema: {
      tags, summary: 'Server-Sent Events: `notification` for each new one and `unread` when the count changes elsewhere',
      description: 'Every open tab and device of yours gets each event. Nothing is replayed: on (re)connecting, `ready` carries the unread count; read the list then.',
    },
  }, async (request, reply) => {
    const reader = readerOf(request);
    const unread = await countUnread(deps, reader);
    const stream = openEventStream(request, reply, { retryMs: 3_000 });
    const stop = deps.live.subscribe(notificationsTopic(reader.tenantId, reader.userId), (notice) => {
      const live = notice as LiveNotice;
      stream.send(live.type, live);
    });
    stream.onClose(stop);
    stream.send('ready', { unread });
  });
}
