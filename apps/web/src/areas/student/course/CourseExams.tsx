import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiError } from '../../../api/problem';
import { EmptyState, ProblemAlert } from '../../../ui';
import type { ExamSummary } from '../api-types';
import { useFormat } from '../components/format';
import { examPath } from '../components/status';

export function CourseExams({ courseId, exams }: { courseId: string; exams: { items: ExamSummary[] } | { error: ApiError } }) {
  const { t } = useTranslation('student');
  return (
    <section className="card" aria-labelledby="exams-heading">
      <h2 id="exams-heading">{t('course.exams')}</h2>
      {'error' in exams ? <ProblemAlert error={exams.error} /> : exams.items.length === 0 ? (
        <EmptyState>{t('course.noExams')}</EmptyState>
      ) : (
        <ul className="plain-list">{exams.items.map((exam) => <ExamLine key={exam.id} exam={exam} courseId={courseId} />)}</ul>
      )}
    </section>
  );
}

function ExamLine({ exam, courseId }: { exam: ExamSummary; courseId: string }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  const { settings } = exam;
  const now = Date.now();
  const notYet = settings.opensAt !== null && Date.parse(settings.opensAt) > now;
  const closed = settings.closesAt !== null && Date.parse(settings.closesAt) <= now;
  return (
    <li>
      <strong>{exam.title}</strong>
      <ul className="facts">
        <li>{t(`category.${exam.category}`)}</li>
        <li>{settings.timeLimitMinutes ? t('exam.timeLimit', { count: settings.timeLimitMinutes }) : t('exam.untimed')}</li>
        {settings.opensAt ? <li>{t('exam.opensAt', { when: format.dateTime(settings.opensAt) })}</li> : null}
        {settings.closesAt ? <li>{t('exam.closesAt', { when: format.dateTime(settings.closesAt) })}</li> : null}
        <li>{t('exam.attemptsAllowed', { count: settings.attemptsAllowed })}</li>
      </ul>
      {closed ? <span className="muted small">{t('exam.closed')}</span> : notYet ? <span className="muted small">{t('exam.notOpenYet')}</span> : (
        <Link className="btn small" to={examPath(exam.id, courseId)} aria-label={t('exam.takeNamed', { title: exam.title })}>{t('exam.take')}</Link>
      )}
    </li>
  );
}
