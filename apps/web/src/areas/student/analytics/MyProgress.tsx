import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchMyAnalytics, type MyAnalytics } from '../../../analytics/analytics-api';
import { useAnalyticsFormat } from '../../../analytics/format';
import { lastDays } from '../../../analytics/summary';
import { useResource } from '../../../api/use-resource';
import { BarChart, Card, DataTable, EmptyState, PageHeader, ResourceView } from '../../../ui';
import { coursePath } from '../components/status';
import '../../../analytics/analytics.css';

const CHART_DAYS = 14;

/** `/learn/progress`: the student's streak, time studied per day over two weeks, and each course's figures. */
export default function MyProgress() {
  const { t } = useTranslation('analytics');
  const mine = useResource(fetchMyAnalytics, []);
  return (
    <>
      <PageHeader title={t('me.title')} description={t('me.description')} actions={<Link to="/learn">{t('me.backHome')}</Link>} />
      <ResourceView resource={mine}>{(data) => <Progress data={data} />}</ResourceView>
    </>
  );
}

function Progress({ data }: { data: MyAnalytics }) {
  const { t } = useTranslation('analytics');
  const format = useAnalyticsFormat();
  const days = lastDays(data.days, CHART_DAYS, new Date());
  return (
    <div className="stack">
      <Card title={t('me.summaryHeading')}>
        <div className="stack">
          <dl className="analytics-figures">
            <div data-testid="figure-streak"><dt>{t('me.streak')}</dt><dd>{t('me.days', { count: data.streakDays })}</dd></div>
            <div data-testid="figure-total-time"><dt>{t('me.totalTime')}</dt><dd>{format.duration(data.totalTimeOnTaskMs)}</dd></div>
          </dl>
          <BarChart title={t('me.chart', { count: CHART_DAYS })} format={format.duration}
            bars={days.map((day) => ({ label: format.day(day.day), value: day.timeOnTaskMs }))} />
        </div>
      </Card>
      <Card title={t('me.coursesHeading')}>
        <CourseFigures courses={data.courses} />
      </Card>
    </div>
  );
}

function CourseFigures({ courses }: { courses: MyAnalytics['courses'] }) {
  const { t } = useTranslation('analytics');
  const format = useAnalyticsFormat();
  if (courses.length === 0) return <EmptyState>{t('me.noCourses')}</EmptyState>;
  return (
    <DataTable caption={t('me.coursesHeading')} columns={[t('me.column.course'), t('me.column.attempts'), t('me.column.correctRate'), t('me.column.time'), t('me.column.lessons'), t('me.column.lastSeen')]}>
      {courses.map((course) => (
        <tr key={course.courseId} data-testid="my-course">
          <th scope="row"><Link to={coursePath(course.courseId)}>{course.title ?? t('me.untitledCourse')}</Link></th>
          <td>{format.count(course.attempts)}</td>
          <td>{format.share(course.correctRate)}</td>
          <td>{format.duration(course.timeOnTaskMs)}</td>
          <td>{format.count(course.lessonsCompleted)}</td>
          <td>{format.dateTime(course.lastSeen)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
