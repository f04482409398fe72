import { useCallback } from 'react';
import { useAction, type ActionHandle } from '../../../api/use-action';
import { useResource, type ResourceHandle } from '../../../api/use-resource';
import { fetchNotifications, markAllNotificationsRead, markNotificationRead, type Notification, type NotificationPage } from '../api';
import { useFeedEvents, useNotificationsFeed } from '../feed/NotificationsProvider';

export interface NotificationList {
  /** The pages read so far, newest first, with the cursor of the next page (null at the end). */
  list: ResourceHandle<NotificationPage>;
  /** Loading more, marking read: busy and the last problem. */
  action: ActionHandle;
  loadMore(): Promise<boolean>;
  markRead(notification: Notification): Promise<boolean>;
  markAllRead(): Promise<boolean>;
}

/**
 * A list of the user's notifications that stays current: new ones arrive on top from the tab's stream, and
 * the list reads itself again when the stream reconnects (nothing is replayed) or the count changed in
 * another tab. Marking read shows at once and sets the bell's count from the server's answer.
 */
export function useNotificationList({ limit, unreadOnly = false }: { limit: number; unreadOnly?: boolean }): NotificationList {
  const feed = useNotificationsFeed();
  const list = useResource(() => fetchNotifications({ limit, unreadOnly }), [limit, unreadOnly]);
  const action = useAction();
  const { update, reload } = list;

  useFeedEvents((event) => {
    if (event.type === 'notification') update((page) => ({ ...page, items: [event.notification, ...page.items.filter((item) => item.id !== event.notification.id)] }));
    else reload();
  });

  const markShown = useCallback((read: (item: Notification) => boolean) => {
    const at = new Date().toISOString();
    update((page) => ({ ...page, items: page.items.map((item) => (read(item) && !item.readAt ? { ...item, readAt: at } : item)) }));
  }, [update]);

  const nextCursor = list.state.data?.nextCursor ?? null;
  return {
    list,
    action,
    loadMore: () => action.run('more', async () => {
      if (!nextCursor) return;
      const more = await fetchNotifications({ limit, unreadOnly, cursor: nextCursor });
      update((page) => ({ items: [...page.items, ...more.items.filter((item) => !page.items.some((shown) => shown.id === item.id))], nextCursor: more.nextCursor }));
    }),
    markRead: (notification) => action.run(`read:${notification.id}`, async () => {
      if (notification.readAt) return;
      markShown((item) => item.id === notification.id);
      feed.setUnread(await undoneOnFailure(markNotificationRead(notification.id), reload));
    }),
    markAllRead: () => action.run('all', async () => {
      markShown(() => true);
      feed.setUnread(await undoneOnFailure(markAllNotificationsRead(), reload));
    }),
  };
}

/** A refused mark-read leaves the list as the server has it: read it again, then report the problem. */
async function undoneOnFailure<T>(work: Promise<T>, reload: () => void): Promise<T> {
  try {
    return await work;
  } catch (error) {
    reload();
    throw error;
  }
}
