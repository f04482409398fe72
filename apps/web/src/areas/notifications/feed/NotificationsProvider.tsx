import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { openNotificationFeed, type FeedEvent } from './notification-feed';

export interface NotificationsFeed {
  /** Unread notifications; null until the stream said (and for users who have no notifications). */
  unread: number | null;
  /** Records the count an action of this tab (mark read) was answered with. */
  setUnread(count: number): void;
  /**
   * Calls `listener` with this tab's live events until the returned function is called. `unread` events come
   * through only when the count differs from what this tab knows: a change made elsewhere.
   */
  subscribe(listener: (event: FeedEvent) => void): () => void;
}

const idle: NotificationsFeed = { unread: null, setUnread: () => undefined, subscribe: () => () => undefined };
const FeedContext = createContext<NotificationsFeed>(idle);

/**
 * Holds the tab's one connection to the notification stream while `active` (signed in with a role that has
 * notifications); unmounting or deactivating it (sign-out) closes the connection.
 */
export function NotificationsProvider({ active, children, openFeed = openNotificationFeed }: {
  active: boolean;
  children: ReactNode;
  openFeed?: typeof openNotificationFeed;
}) {
  const [unread, setUnreadState] = useState<number | null>(null);
  const known = useRef<number | null>(null);
  const listeners = useRef(new Set<(event: FeedEvent) => void>());

  const setUnread = useCallback((count: number) => {
    known.current = count;
    setUnreadState(count);
  }, []);

  useEffect(() => {
    if (!active) return undefined;
    const feed = openFeed((event) => {
      const changedElsewhere = event.type !== 'unread' || event.unread !== known.current;
      setUnread(event.unread);
      if (changedElsewhere) for (const listener of listeners.current) listener(event);
    });
    return () => {
      feed.close();
      known.current = null;
      setUnreadState(null);
    };
  }, [active, openFeed, setUnread]);

  const subscribe = useCallback((listener: (event: FeedEvent) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const value = useMemo<NotificationsFeed>(() => ({ unread, setUnread, subscribe }), [unread, setUnread, subscribe]);
  return <FeedContext.Provider value={active ? value : idle}>{children}</FeedContext.Provider>;
}

/** The tab's notification feed (count, live events). */
export function useNotificationsFeed(): NotificationsFeed {
  return useContext(FeedContext);
}

/** Runs `onEvent` for each live event while the component is shown; the latest `onEvent` is always the one called. */
export function useFeedEvents(onEvent: (event: FeedEvent) => void): void {
  const { subscribe } = useNotificationsFeed();
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => subscribe((event) => latest.current(event)), [subscribe]);
}
