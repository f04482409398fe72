import type { Notification } from '../contract/schemas.js';
import type { NotifyDeps } from './deps.js';

/** The live topic of a user's notifications: every open tab and device of theirs listens to it. */
export function notificationsTopic(tenantId: string, userId: string): string {
  return `notify.${tenantId}.${userId}`;
}

/** What a user's streams are told: a new notification, or that the unread count changed (read elsewhere). */
export type LiveNotice = { type: 'notification'; notification: Notification; unread: number } | { type: 'unread'; unread: number };

/** Best effort: the notification is stored already, and clients read the list when they (re)connect. */
export async function tellUser(deps: Pick<NotifyDeps, 'live' | 'logger'>, tenantId: string, userId: string, notice: LiveNotice): Promise<void> {
  await deps.live.publish(notificationsTopic(tenantId, userId), notice).catch((error: unknown) =>
    deps.logger.warn({ err: error, userId }, 'could not tell the user live'));
}
