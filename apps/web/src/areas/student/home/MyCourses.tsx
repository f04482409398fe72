import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, EmptyState, ProgressBar } from '../../../ui';
import type { Home } from '../api-types';
import { coursePath, enrollmentTone } from '../components/status';

type Courses = Exclude<Home['courses'], { error: unknown }>;

export function MyCourses({ courses }: { courses: Courses }) {
  const { t } = useTranslation('student');
  if (courses.items.length === 0) {
    return <EmptyState action={<Link to="/learn/catalog">{t('home.browse')}</Link>}>{t('home.noCourses')}</EmptyState>;
  }
  return (
    <>
      <ul className="plain-list course-list">
        {courses.items.map((course) => (
          <li key={course.enrollmentId}>
            <div className="row spread">
              <Link to={coursePath(course.courseId)}>{course.title}</Link>
              {course.status === 'active' ? null : <Badge tone={enrollmentTone(course.status)}>{t(`status.${course.status}`)}</Badge>}
            </div>
            <ProgressBar value={course.percent / 100} label={t('course.progressOf', { title: course.title })} />
            <span className="muted small">{t('course.lessonsDone', { done: course.completedLessons, total: course.totalLessons })}</span>
          </li>
        ))}
      </ul>
      {courses.more ? <p><Link to="/learn/grades">{t('home.allCourses')}</Link></p> : null}
    </>
  );
}
