import { randomUUID } from 'node:crypto';
import type { Notification } from '../contract/schemas.js';
import type { NotifyDatabase } from '../db/notify.table.js';
import { insertNotification, unreadCount, type NewNotification } from '../db/notification.repository.js';
import type { NotifyDeps } from './deps.js';
import { channelSenders } from './channel-senders.js';
import { planDeliveries, preferencesIn } from './deliveries.js';
import { tellUser } from './live.js';

/** A notice for one user, and what caused it (an event id and the kind of notice: the idempotency key). */
export type Notice = Omit<NewNotification, 'id' | 'createdAt' | 'inApp'> & { at?: Date };

/**
 * Stores the notice for the user, listed in the app if their preferences want it for the category, and plans
 * its email, push and SMS (sent now, or held for quiet hours or a digest) in the same transaction; then tells their open
 * tabs and devices at once. Keyed by its cause, so a duplicated or redelivered event stores, sends and tells
 * nothing twice. Returns the notification when it was stored now.
 */
export async function notifyUser(deps: NotifyDeps, tenantId: string, notice: Notice): Promise<Notification | undefined> {
  const at = notice.at ?? new Date();
  const senders = await channelSenders(deps);
  const stored = await deps.db.withTenant<NotifyDatabase, { notification: Notification; unread: number; inApp: boolean } | undefined>(tenantId, async (tx) => {
    const preferences = await preferencesIn(tx, tenantId, notice.userId);
    const channels = preferences.categories[notice.category];
    if (!channels.inApp && !channels.email && !channels.push && !channels.sms) return undefined;
    const notification = await insertNotification(tx, tenantId, { ...notice, id: randomUUID(), createdAt: at, inApp: channels.inApp });
    if (!notification) return undefined;
    await planDeliveries(deps, senders, tx, tenantId, { ...notification, userId: notice.userId }, preferences, at);
    return { notification, unread: await unreadCount(tx, tenantId, notice.userId), inApp: channels.inApp };
  });
  if (!stored?.inApp) return undefined;
  await tellUser(deps, tenantId, notice.userId, { type: 'notification', notification: stored.notification, unread: stored.unread });
  return stored.notification;
}
