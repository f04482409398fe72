import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, ProblemAlert, ProgressBar } from '../../../ui';
import type { Gradebook } from '../api-types';
import { formatDuration, useFormat } from '../components/format';
import { coursePath } from '../components/status';
import type { CourseGrades } from './load';

/** One course: progress, the course grade so far, and each exam's result. */
export function CourseGradesCard({ entry }: { entry: CourseGrades }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  const { course, gradebook, progress } = entry;
  const headingId = `grades-${course.enrollmentId}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}><Link to={coursePath(course.courseId)}>{course.title}</Link></h2>
      {'error' in progress ? <ProblemAlert error={progress.error} /> : (
        <>
          <ProgressBar value={progress.percent / 100} label={t('course.progressOf', { title: course.title })} />
          <p className="muted">
            {t('course.lessonsDone', { done: progress.completedLessons, total: progress.totalLessons })}
            {progress.secondsSpent > 0 ? ` · ${t('course.timeSpent', { time: formatDuration(progress.secondsSpent, t) })}` : ''}
          </p>
        </>
      )}
      {'error' in gradebook ? <ProblemAlert error={gradebook.error} /> : (
        <>
          <p><strong>{t('grades.courseGrade')}</strong> {gradebook.row.percent === null ? t('grades.noGradeYet') : format.percent(gradebook.row.percent)}</p>
          <ExamTable gradebook={gradebook} />
        </>
      )}
    </section>
  );
}

function ExamTable({ gradebook }: { gradebook: Gradebook }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  if (gradebook.exams.length === 0) return <p className="muted">{t('grades.noExams')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{t('grades.examsCaption')}</caption>
        <thead>
          <tr><th scope="col">{t('grades.exam')}</th><th scope="col">{t('grades.category')}</th><th scope="col">{t('grades.result')}</th><th scope="col">{t('grades.attempts')}</th></tr>
        </thead>
        <tbody>
          {gradebook.exams.map((exam, index) => {
            const cell = gradebook.row.exams[index];
            return (
              <tr key={exam.id}>
                <th scope="row">{exam.title}</th>
                <td>{t(`category.${exam.category}`)}</td>
                <td>
                  {cell?.percent !== null && cell?.percent !== undefined ? format.percent(cell.percent) : '–'}{' '}
                  {cell?.pending ? <Badge tone="warning">{t('grades.pending')}</Badge> : null}
                  {cell && !cell.released && cell.attempts > 0 ? <Badge>{t('result.notReleased')}</Badge> : null}
                </td>
                <td>{cell?.attempts ?? 0}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
