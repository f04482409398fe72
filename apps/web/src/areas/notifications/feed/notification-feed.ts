import { openLiveStream, type StreamEvent } from '../../../api/event-stream';
import type { Notification } from '../api';

/** What the stream of `GET /notifications/stream` says, once parsed. */
export type FeedEvent =
  /** (Re)connected: nothing before this moment is replayed, so lists read themselves again. */
  | { type: 'ready'; unread: number }
  | { type: 'notification'; notification: Notification; unread: number }
  /** The count changed elsewhere: read in another tab or on another device. */
  | { type: 'unread'; unread: number };

export const NOTIFICATION_STREAM_PATH = '/api/v1/notifications/stream';

/** Follows the signed-in user's notifications live, reconnecting with backoff; `close` ends it for good. */
export function openNotificationFeed(onEvent: (event: FeedEvent) => void, openStream = openLiveStream): { close(): void } {
  return openStream({
    path: NOTIFICATION_STREAM_PATH,
    onEvent: (raw) => {
      const event = parseFeedEvent(raw);
      if (event) onEvent(event);
    },
  });
}

/** A stream event as a feed event, or null for anything unknown or malformed (a newer server's, say). */
export function parseFeedEvent(raw: StreamEvent): FeedEvent | null {
  let data: unknown;
  try {
    data = JSON.parse(raw.data);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { unread, notification } = data as { unread?: unknown; notification?: unknown };
  if (typeof unread !== 'number') return null;
  if (raw.event === 'ready' || raw.event === 'unread') return { type: raw.event, unread };
  if (raw.event === 'notification' && isNotification(notification)) return { type: 'notification', notification, unread };
  return null;
}

function isNotification(value: unknown): value is Notification {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.id === 'string' && typeof record.title === 'string' && typeof record.createdAt === 'string';
}
