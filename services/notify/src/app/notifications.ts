import type { Notification } from '../contract/schemas.js';
import type { NotifyDatabase } from '../db/notify.table.js';
import { markAllRead, markRead, notificationsOf, unreadCount } from '../db/notification.repository.js';
import type { NotifyDeps } from './deps.js';
import { notifyErrors } from './errors.js';
import { tellUser } from './live.js';
import { decodeTimeId, timeIdPage } from './time-cursor.js';

/** The user reading their own notifications (nobody reads anyone else's). */
export interface Reader {
  tenantId: string;
  userId: string;
}

/** A page of the reader's notifications, newest first. */
export async function listNotifications(deps: NotifyDeps, reader: Reader, query: { limit: number; cursor?: string | undefined; unread?: boolean | undefined }): Promise<{ items: Notification[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeTimeId(query.cursor) : undefined;
  const rows = await deps.db.withTenant<NotifyDatabase, Notification[]>(reader.tenantId, (tx) =>
    notificationsOf(tx, reader.tenantId, reader.userId, { limit: query.limit + 1, unreadOnly: query.unread === true, ...(after ? { after } : {}) }));
  return timeIdPage(rows, query.limit);
}

export async function countUnread(deps: NotifyDeps, reader: Reader): Promise<number> {
  return deps.db.withTenant<NotifyDatabase, number>(reader.tenantId, (tx) => unreadCount(tx, reader.tenantId, reader.userId));
}

/** Marks one notification read; the user's other tabs learn the new unread count. */
export async function readNotification(deps: NotifyDeps, reader: Reader, id: string): Promise<{ marked: number; unread: number }> {
  const unread = await deps.db.withTenant<NotifyDatabase, number>(reader.tenantId, async (tx) => {
    if (!await markRead(tx, reader.tenantId, reader.userId, id, new Date())) throw notifyErrors.notificationNotFound(id);
    return unreadCount(tx, reader.tenantId, reader.userId);
  });
  await tellUser(deps, reader.tenantId, reader.userId, { type: 'unread', unread });
  return { marked: 1, unread };
}

export async function readAll(deps: NotifyDeps, reader: Reader): Promise<{ marked: number; unread: number }> {
  const marked = await deps.db.withTenant<NotifyDatabase, number>(reader.tenantId, (tx) => markAllRead(tx, reader.tenantId, reader.userId, new Date()));
  await tellUser(deps, reader.tenantId, reader.userId, { type: 'unread', unread: 0 });
  return { marked, unread: 0 };
}
