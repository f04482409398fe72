import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, CheckboxField, EmptyState, PageHeader, ProblemAlert, ResourceView } from '../../ui';
import { useNotificationsFeed } from './feed/NotificationsProvider';
import { NotificationItem } from './list/NotificationItem';
import { useNotificationList } from './list/use-notification-list';
import './notifications.css';

const PAGE_SIZE = 20;

/** All of the user's notifications, newest first: "Load more", only the unread ones, mark read. */
export default function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const { unread } = useNotificationsFeed();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { list, action, loadMore, markRead, markAllRead } = useNotificationList({ limit: PAGE_SIZE, unreadOnly });
  const actions = (
    <>
      <Button variant="secondary" disabled={!unread} busy={action.running === 'all'} onClick={() => void markAllRead()}>{t('list.markAllRead')}</Button>
      <Link className="btn secondary" to="/account/notifications">{t('panel.settings')}</Link>
    </>
  );
  return (
    <div className="notifications-page stack">
      <PageHeader title={t('page.title')} description={t('page.description')} actions={actions} />
      <div className="row">
        <CheckboxField label={t('page.unreadOnly')} checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} />
        {unread === null ? null : <span className="muted" data-testid="unread-summary">{t('page.unread', { count: unread })}</span>}
      </div>
      <ProblemAlert error={action.error} />
      <ResourceView resource={list}>
        {(page) => page.items.length === 0 ? <EmptyState>{t(unreadOnly ? 'page.noneUnread' : 'list.empty')}</EmptyState> : (
          <>
            <ul className="notification-list" aria-label={t('page.title')}>
              {page.items.map((notification) => (
                <NotificationItem key={notification.id} notification={notification} busy={action.running === `read:${notification.id}`}
                  onOpen={(opened) => void markRead(opened)} onMarkRead={(marked) => void markRead(marked)} />
              ))}
            </ul>
            {page.nextCursor ? (
              <div><Button variant="secondary" busy={action.running === 'more'} onClick={() => void loadMore()}>{t('page.loadMore')}</Button></div>
            ) : null}
          </>
        )}
      </ResourceView>
    </div>
  );
}
