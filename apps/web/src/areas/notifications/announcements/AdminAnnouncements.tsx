import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui';
import { AdminNav } from '../admin/AdminNav';
import { AnnouncementComposer } from './AnnouncementComposer';
import { AnnouncementList } from './AnnouncementList';

/** `/admin/notifications/announcements`: announce to everyone holding a role; every announcement of the tenant. */
export default function AdminAnnouncements() {
  const { t } = useTranslation('notifications');
  const [refresh, setRefresh] = useState(0);
  return (
    <>
      <PageHeader title={t('announcements.adminTitle')} description={t('announcements.adminDescription')} />
      <AdminNav />
      <div className="stack">
        <AnnouncementComposer onCreated={() => setRefresh((n) => n + 1)} />
        <AnnouncementList refresh={refresh} />
      </div>
    </>
  );
}
