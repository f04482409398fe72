import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../ui';
import { AnnouncementComposer } from './AnnouncementComposer';
import { AnnouncementList } from './AnnouncementList';

/** `/teach/courses/:courseId/announcements`: write to the course's students, now or later, and see what was sent. */
export default function CourseAnnouncements() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation('notifications');
  const [refresh, setRefresh] = useState(0);
  return (
    <>
      <PageHeader title={t('announcements.courseTitle')} description={t('announcements.courseDescription')} actions={<Link to={`/teach/courses/${courseId}`}>{t('announcements.backToCourse')}</Link>} />
      <div className="stack">
        <AnnouncementComposer course={courseId} onCreated={() => setRefresh((n) => n + 1)} />
        <AnnouncementList audience={{ courseId }} refresh={refresh} />
      </div>
    </>
  );
}
