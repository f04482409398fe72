import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, EmptyState } from '../../../ui';
import type { CourseStructure, Progress } from '../api-types';
import { lessonPath } from '../components/status';

/** Modules and their lessons; once enrolled, each lesson opens and shows whether it is done. */
export function Outline({ structure, progress }: { structure: CourseStructure; progress: Progress | null }) {
  const { t } = useTranslation('student');
  const done = new Set(progress?.lessons.filter((lesson) => lesson.completedAt).map((lesson) => lesson.lessonId));
  return (
    <section className="card" aria-labelledby="outline-heading">
      <h2 id="outline-heading">{t('course.outline')}</h2>
      {structure.modules.length === 0 ? <EmptyState>{t('course.noLessons')}</EmptyState> : null}
      {structure.modules.map((module, moduleIndex) => (
        <div key={module.id} className="outline-module">
          <h3>{t('course.module', { number: moduleIndex + 1, title: module.title })}</h3>
          <ol className="outline-lessons">
            {module.lessons.map((lesson) => (
              <li key={lesson.id}>
                {progress ? <Link to={lessonPath(structure.courseId, lesson.id)}>{lesson.title}</Link> : <span>{lesson.title}</span>}
                {done.has(lesson.id) ? <> <Badge tone="success">{t('lesson.done')}</Badge></> : null}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
