import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../auth/use-session';
import { Button } from '../../../ui';
import type { Notification } from '../api';
import { appPathOf } from '../links';
import { absoluteTime, relativeTime } from '../relative-time';

/**
 * One notification: its title leads where it is about and marks it read (one about nothing in particular is
 * marked read by clicking its title). Unread ones stand out in weight and a dot, and say so to screen
 * readers. `onMarkRead` adds a button that only marks it read.
 */
export function NotificationItem({ notification, onOpen, onMarkRead, busy }: {
  notification: Notification;
  onOpen: (notification: Notification) => void;
  onMarkRead?: (notification: Notification) => void;
  busy?: boolean;
}) {
  const { t, i18n } = useTranslation('notifications');
  const session = useSession();
  const path = appPathOf(notification.link, session?.roles ?? []);
  const unread = notification.readAt === null;
  return (
    <li className={unread ? 'notification unread' : 'notification'} data-testid="notification">
      <span className="notification-dot" aria-hidden="true" />
      <div className="notification-text">
        {unread ? <span className="sr-only">{t('item.unread')} </span> : null}
        <Title notification={notification} path={path} onOpen={onOpen} />
        <p className="notification-body">{notification.body}</p>
        <p className="notification-meta">
          <span>{t(`category.${notification.category}`)}</span>
          {' · '}
          <time dateTime={notification.createdAt} title={absoluteTime(notification.createdAt, i18n.language)}>{relativeTime(notification.createdAt, i18n.language)}</time>
        </p>
      </div>
      {onMarkRead && unread ? (
        <Button variant="secondary" small busy={busy} onClick={() => onMarkRead(notification)} aria-label={t('item.markReadNamed', { title: notification.title })}>
          {t('item.markRead')}
        </Button>
      ) : null}
    </li>
  );
}

function Title({ notification, path, onOpen }: { notification: Notification; path: string | null; onOpen: (notification: Notification) => void }) {
  if (path) return <Link className="notification-title" to={path} onClick={() => onOpen(notification)}>{notification.title}</Link>;
  if (notification.readAt === null) return <button type="button" className="link notification-title" onClick={() => onOpen(notification)}>{notification.title}</button>;
  return <span className="notification-title">{notification.title}</span>;
}
