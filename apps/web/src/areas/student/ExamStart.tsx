import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { asApiError, type ApiError } from '../../api/problem';
import { useResource } from '../../api/use-resource';
import { Alert, Button, PageHeader, ProblemAlert, ResourceView } from '../../ui';
import type { Attempt, ExamSummary } from './api-types';
import { useFormat } from './components/format';
import { attemptPath, coursePath } from './components/status';
import './student.css';

const ENROLLMENT_SETTLE_TRIES = 5;
const ENROLLMENT_SETTLE_MS = 1_000;

async function loadExam(courseId: string | null, examId: string): Promise<ExamSummary | null> {
  if (!courseId) return null;
  const exams = await unwrap(api.GET('/api/v1/courses/{courseId}/exams', { params: { path: { courseId } } }));
  return exams.items.find((exam) => exam.id === examId) ?? null;
}

/**
 * Starts an attempt, or resumes the one in progress. Assessment learns of a new enrollment from an event,
 * so right after enrolling it may not know it yet: "not enrolled" is retried for a few seconds.
 */
async function startOrResume(examId: string): Promise<Attempt> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await unwrap(api.POST('/api/v1/exams/{examId}/attempts', { params: { path: { examId } } }));
    } catch (error) {
      const problem = asApiError(error);
      if (problem.code !== 'ASSESSMENT.NOT_ENROLLED' || attempt >= ENROLLMENT_SETTLE_TRIES) throw problem;
      await new Promise((resolve) => setTimeout(resolve, ENROLLMENT_SETTLE_MS));
    }
  }
}

/** An exam's rules before starting it: the timer starts only when the student says so. */
export default function ExamStart() {
  const { t } = useTranslation('student');
  const { examId = '' } = useParams();
  const [params] = useSearchParams();
  const courseId = params.get('course');
  const exam = useResource(() => loadExam(courseId, examId), [courseId, examId]);
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const title = exam.state.data?.title ?? t('exam.title');

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const attempt = await startOrResume(examId);
      navigate(attemptPath(attempt.id), { state: { title, courseId } });
    } catch (caught) {
      setError(asApiError(caught));
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={title} actions={courseId ? <Link to={coursePath(courseId)}>{t('lesson.backToCourse')}</Link> : undefined} />
      <ResourceView resource={exam}>{(summary) => (summary ? <Rules exam={summary} /> : null)}</ResourceView>
      <section className="card" aria-labelledby="start-heading">
        <h2 id="start-heading">{t('exam.ready')}</h2>
        <p>{t('exam.resumeHint')}</p>
        <ProblemAlert error={error} />
        <Button busy={busy} onClick={start}>{t('exam.start')}</Button>
      </section>
    </>
  );
}

function Rules({ exam }: { exam: ExamSummary }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  const { settings } = exam;
  return (
    <section className="card" aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t('exam.rules')}</h2>
      <ul>
        <li>{t(`category.${exam.category}`)}</li>
        <li>{settings.timeLimitMinutes ? t('exam.timeLimitRule', { count: settings.timeLimitMinutes }) : t('exam.untimed')}</li>
        <li>{t('exam.attemptsAllowed', { count: settings.attemptsAllowed })}</li>
        {settings.adaptive ? <li>{t('exam.adaptiveRule')}</li> : null}
        {settings.passingPercent !== null ? <li>{t('exam.passing', { percent: format.percent(settings.passingPercent) })}</li> : null}
        {settings.opensAt ? <li>{t('exam.opensAt', { when: format.dateTime(settings.opensAt) })}</li> : null}
        {settings.closesAt ? <li>{t('exam.closesAt', { when: format.dateTime(settings.closesAt) })}</li> : null}
        <li>{t(`exam.release.${settings.resultsRelease}`)}</li>
      </ul>
      {settings.timeLimitMinutes ? <Alert tone="info">{t('exam.timerWarning')}</Alert> : null}
    </section>
  );
}
