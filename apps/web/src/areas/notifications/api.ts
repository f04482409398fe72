import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/openapi';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type NotificationPage = Json<paths['/api/v1/notifications']['get']['responses'][200]>;
export type Notification = NotificationPage['items'][number];
export type Category = Notification['category'];
export type Preferences = Json<paths['/api/v1/notifications/preferences']['get']['responses'][200]>;
export type PreferencesChange = NonNullable<paths['/api/v1/notifications/preferences']['put']['requestBody']>['content']['application/json'];
export type Channel = keyof Preferences['categories'][Category];
export type Digest = Preferences['digest'];

/** The categories in the order people think of them: their studies first, offers last. */
export const CATEGORIES: readonly Category[] = ['results', 'grading', 'reminders', 'course_updates', 'billing', 'marketing'];
export const CHANNELS: readonly Channel[] = ['inApp', 'email', 'push', 'sms'];
export const DIGESTS: readonly Digest[] = ['immediate', 'daily', 'weekly'];

/** Roles the notify service serves (`notify.self`); a platform operator has no notifications. */
export const NOTIFICATION_ROLES = ['student', 'instructor', 'tutor', 'tenant_admin'];

/** One page of the signed-in user's notifications, newest first. */
export function fetchNotifications(options: { limit: number; cursor?: string | undefined; unreadOnly?: boolean }): Promise<NotificationPage> {
  const query = { limit: options.limit, ...(options.cursor ? { cursor: options.cursor } : {}), ...(options.unreadOnly ? { unread: true } : {}) };
  return unwrap(api.GET('/api/v1/notifications', { params: { query } }));
}

/** Marks one notification read; answers the unread count left. */
export async function markNotificationRead(id: string): Promise<number> {
  const marked = await unwrap(api.POST('/api/v1/notifications/{notificationId}/read', { params: { path: { notificationId: id } } }));
  return marked.unread;
}

/** Marks every notification read; answers the unread count left (0). */
export async function markAllNotificationsRead(): Promise<number> {
  return (await unwrap(api.POST('/api/v1/notifications/read-all'))).unread;
}
