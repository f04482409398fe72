import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { isSectionError } from '../../api/section-error';
import { useResource } from '../../api/use-resource';
import { PageHeader, ResourceView, Section } from '../../ui';
import type { Home as HomeData } from './api-types';
import { ContinueCard } from './home/ContinueCard';
import { Recommended } from './home/Recommended';
import { useFocusRefresh } from './home/use-focus-refresh';
import { MyCourses } from './home/MyCourses';
import { LaterSections } from './home/LaterSections';
import { RecentResults } from './home/RecentResults';
import { UpcomingExams } from './home/UpcomingExams';
import './student.css';

/**
 * The student home: everything comes from one request to the student BFF (`GET /me/home`). Coming back to
 * the tab refreshes the recommendations alone, which change with every answer practised elsewhere.
 */
export default function Home() {
  const { t } = useTranslation('student');
  const home = useResource(() => unwrap(api.GET('/api/v1/me/home')), []);
  useFocusRefresh(() => {
    // A failed refresh keeps what is shown: the next return to the tab tries again.
    unwrap(api.GET('/api/v1/adaptive/recommendations')).then((recommendations) => home.update((data) => ({ ...data, recommendations })), () => undefined);
  });
  const name = home.state.data && !isSectionError(home.state.data.profile) ? home.state.data.profile.name : null;
  return (
    <>
      <PageHeader title={t('home.title')} description={name ? t('home.greeting', { name }) : undefined} actions={<Link to="/learn/progress">{t('home.progress')}</Link>} />
      <ResourceView resource={home}>{(data) => <HomeSections home={data} />}</ResourceView>
    </>
  );
}

function HomeSections({ home }: { home: HomeData }) {
  const { t } = useTranslation('student');
  return (
    <div className="stack student-home">
      {!isSectionError(home.courses) && home.courses.continue ? <ContinueCard course={home.courses.continue} /> : null}
      <Section title={t('home.recommendations')} section={home.recommendations}>{(recommendations) => <Recommended recommendations={recommendations} />}</Section>
      <Section title={t('home.courses')} section={home.courses}>{(courses) => <MyCourses courses={courses} />}</Section>
      <div className="student-columns">
        <Section title={t('home.exams')} section={home.upcomingExams}>{(exams) => <UpcomingExams exams={exams.items} />}</Section>
        <Section title={t('home.results')} section={home.recentResults}>{(results) => <RecentResults results={results.items} />}</Section>
      </div>
      <LaterSections home={home} />
    </div>
  );
}
