import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../api/use-resource';
import { BarChart, Card, EmptyState, PageHeader, ResourceView } from '../../ui';
import { useFormat } from './components/format';
import { CourseGradesCard } from './grades/CourseGradesCard';
import { loadGrades, type CourseGrades } from './grades/load';
import './student.css';

/** Grades and progress: a dashboard over every course, then each course's gradebook row. */
export default function Grades() {
  const { t } = useTranslation('student');
  const grades = useResource(loadGrades, []);
  return (
    <>
      <PageHeader title={t('grades.title')} description={t('grades.description')} />
      <ResourceView resource={grades}>
        {({ courses, more }) => courses.length === 0 ? (
          <EmptyState action={<Link to="/learn/catalog">{t('home.browse')}</Link>}>{t('grades.empty')}</EmptyState>
        ) : (
          <div className="stack">
            <Dashboard courses={courses} />
            {courses.map((entry) => <CourseGradesCard key={entry.course.enrollmentId} entry={entry} />)}
            {more ? <p className="muted">{t('grades.more')}</p> : null}
          </div>
        )}
      </ResourceView>
    </>
  );
}

function Dashboard({ courses }: { courses: CourseGrades[] }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  const progress = courses.flatMap(({ course, progress: p }) => ('error' in p ? [] : [{ label: course.title, value: p.percent }]));
  const graded = courses.flatMap(({ course, gradebook }) => ('error' in gradebook || gradebook.row.percent === null ? [] : [{ label: course.title, value: gradebook.row.percent }]));
  return (
    <Card title={t('grades.dashboard')}>
      <div className="student-columns">
        {progress.length > 0 ? <BarChart title={t('grades.progressChart')} bars={progress} max={100} format={(value) => format.percent(value)} /> : null}
        {graded.length > 0 ? <BarChart title={t('grades.gradeChart')} bars={graded} max={100} format={(value) => format.percent(value)} /> : <p className="muted">{t('grades.noGradesYet')}</p>}
      </div>
    </Card>
  );
}
