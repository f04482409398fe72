import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProgressBar } from '../../../ui';
import type { Home } from '../api-types';
import { coursePath, lessonPath } from '../components/status';

type HomeCourse = NonNullable<Extract<Home['courses'], { continue: unknown }>['continue']>;

/** "Continue where you left off": the course touched last, straight to the lesson. */
export function ContinueCard({ course }: { course: HomeCourse }) {
  const { t } = useTranslation('student');
  const target = course.resumeLessonId ? lessonPath(course.courseId, course.resumeLessonId) : coursePath(course.courseId);
  return (
    <section className="card continue-card" aria-labelledby="continue-heading">
      <h2 id="continue-heading">{t('home.continue')}</h2>
      <p className="continue-title">{course.title}</p>
      <ProgressBar value={course.percent / 100} label={t('course.progressOf', { title: course.title })} />
      <p className="muted">{t('course.lessonsDone', { done: course.completedLessons, total: course.totalLessons })}</p>
      <Link className="btn" to={target}>{course.resumeLessonId ? t('home.resume') : t('home.open')}</Link>
    </section>
  );
}
