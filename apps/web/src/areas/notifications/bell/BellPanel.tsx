import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, EmptyState, ProblemAlert, ResourceView } from '../../../ui';
import { useNotificationsFeed } from '../feed/NotificationsProvider';
import { NotificationItem } from '../list/NotificationItem';
import { useNotificationList } from '../list/use-notification-list';
import '../notifications.css';

/** How many notifications the bell shows; the notifications page has them all. */
const LATEST = 8;

/** The bell's panel: the latest notifications, "Mark all read", and the way to all of them and the settings. */
export default function BellPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('notifications');
  const { unread } = useNotificationsFeed();
  const { list, action, markRead, markAllRead } = useNotificationList({ limit: LATEST });
  return (
    <div className="stack">
      <div className="bell-panel-head">
        <h2>{t('panel.title')}</h2>
        <Button variant="secondary" small busy={action.running === 'all'} disabled={!unread} onClick={() => void markAllRead()}>{t('list.markAllRead')}</Button>
      </div>
      <ProblemAlert error={action.error} />
      <ResourceView resource={list}>
        {(page) => page.items.length === 0 ? <EmptyState>{t('list.empty')}</EmptyState> : (
          <ul className="notification-list">
            {page.items.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} onOpen={(opened) => void markRead(opened)} />
            ))}
          </ul>
        )}
      </ResourceView>
      <div className="bell-panel-foot">
        <Link to="/notifications" onClick={onClose}>{t('panel.seeAll')}</Link>
        <Link to="/account/notifications" onClick={onClose}>{t('panel.settings')}</Link>
      </div>
    </div>
  );
}
