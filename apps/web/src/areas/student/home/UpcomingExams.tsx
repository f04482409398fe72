import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../ui';
import type { Home } from '../api-types';
import { useFormat } from '../components/format';
import { examPath } from '../components/status';

type UpcomingExam = Extract<Home['upcomingExams'], { items: unknown }>['items'][number];

export function UpcomingExams({ exams }: { exams: UpcomingExam[] }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  if (exams.length === 0) return <EmptyState>{t('home.noExams')}</EmptyState>;
  return (
    <ul className="plain-list">
      {exams.map((exam) => {
        const used = exam.attemptsSubmitted;
        const left = used === null ? null : Math.max(0, exam.attemptsAllowed - used);
        return (
          <li key={exam.examId}>
            <strong>{exam.title}</strong> <span className="muted">· {exam.courseTitle}</span>
            <ul className="facts">
              <li>{t(`category.${exam.category}`)}</li>
              {exam.timeLimitMinutes ? <li>{t('exam.timeLimit', { count: exam.timeLimitMinutes })}</li> : null}
              {exam.opensAt ? <li>{t('exam.opensAt', { when: format.dateTime(exam.opensAt) })}</li> : null}
              {exam.closesAt ? <li>{t('exam.closesAt', { when: format.dateTime(exam.closesAt) })}</li> : null}
              {left !== null ? <li>{t('exam.attemptsLeft', { count: left })}</li> : null}
            </ul>
            {exam.openNow && left !== 0 ? (
              <Link className="btn small" to={examPath(exam.examId, exam.courseId)} aria-label={t('exam.takeNamed', { title: exam.title })}>{t('exam.take')}</Link>
            ) : (
              <span className="muted small">{exam.openNow ? t('exam.noAttemptsLeft') : t('exam.notOpenYet')}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
