import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { downloadActivityCsv, fetchCourseActivity, fetchHardestItems, fetchStruggling, lastHour } from '../../../analytics/analytics-api';
import { useEvery } from '../../../analytics/use-every';
import { useAction } from '../../../api/use-action';
import { useResource, type ResourceHandle } from '../../../api/use-resource';
import { Alert, Button, Card, PageHeader, ProblemAlert, ResourceView } from '../../../ui';
import { studentNames } from '../adaptive/student-names';
import { shortId } from '../lib/dates';
import { ActivityPanel } from './ActivityPanel';
import { HardestItemsTable, StrugglingTable } from './RankedTables';
import { useItemTitles } from './item-titles';
import '../../../analytics/analytics.css';

/** How often the screen asks again: events reach the one-minute windows within seconds. */
export const REFRESH_MS = 5_000;
const RANKED = 10;

/**
 * `/teach/courses/:courseId/analytics`: the course's learning activity of the last hour per minute (chart and
 * figures, refreshed every five seconds while shown), the students who may be struggling, the hardest
 * questions, and the activity as a CSV file.
 */
export default function CourseAnalytics() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation('analytics');
  const activity = useResource(() => fetchCourseActivity(courseId, lastHour(new Date())), [courseId]);
  const struggling = useResource(() => fetchStruggling(courseId, RANKED), [courseId]);
  const hardest = useResource(() => fetchHardestItems(courseId, RANKED), [courseId]);
  const names = useResource(() => studentNames(courseId), [courseId]);
  const titles = useItemTitles(hardest.state.data?.map((item) => item.itemId) ?? []);
  const download = useAction();
  useEvery(REFRESH_MS, () => {
    activity.reload();
    struggling.reload();
    hardest.reload();
  });
  const nameOf = (userId: string) => names.state.data?.get(userId) ?? t('course.student', { id: shortId(userId) });
  const titleOf = (itemId: string) => titles.get(itemId) ?? t('course.item', { id: shortId(itemId) });
  const downloadCsv = () => void download.run(() => downloadActivityCsv(courseId, lastHour(new Date())));
  return (
    <>
      <PageHeader title={t('course.title')} description={t('course.description')}
        actions={(
          <>
            <nav aria-label={t('course.related')} className="row"><Link to={`/teach/courses/${courseId}`}>{t('course.backToCourse')}</Link></nav>
            <Button variant="secondary" busy={download.busy} onClick={downloadCsv}>{t('course.download')}</Button>
          </>
        )} />
      <ProblemAlert error={download.error} />
      {notPublished(activity) ? <Alert tone="info">{t('course.notPublished')}</Alert> : (
        <div className="stack">
          <Card title={t('course.activityHeading')}>
            <ResourceView resource={activity}>{(data) => <ActivityPanel buckets={data.buckets} />}</ResourceView>
          </Card>
          <Card title={t('course.strugglingHeading')}>
            <ResourceView resource={struggling}>{(items) => <StrugglingTable items={items} nameOf={nameOf} />}</ResourceView>
          </Card>
          <Card title={t('course.hardestHeading')}>
            <ResourceView resource={hardest}>{(items) => <HardestItemsTable items={items} titleOf={titleOf} />}</ResourceView>
          </Card>
        </div>
      )}
    </>
  );
}

/** Analytics learns of a course when it is published; before that it has nothing to say about it. */
function notPublished(resource: ResourceHandle<unknown>): boolean {
  return resource.state.status === 'error' && resource.state.error.code === 'ANALYTICS.COURSE_NOT_FOUND';
}
