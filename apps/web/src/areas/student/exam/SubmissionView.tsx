import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Badge, Loading } from '../../../ui';
import type { Acceptance, Submission } from '../api-types';
import { useFormat } from '../components/format';
import { coursePath } from '../components/status';
import { useSubmission } from './use-submission';

export interface Received {
  acceptance: Acceptance | null;
  /** Submitted by the countdown reaching zero (or by the server at the deadline). */
  auto: boolean;
}

/** "Submission received" at once, then the result as soon as it is graded (live, no reload). */
export function SubmissionView({ attemptId, received, courseId }: { attemptId: string; received: Received | null; courseId: string | null }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  const submission = useSubmission(attemptId, true);
  return (
    <div className="stack">
      {received ? (
        <Alert tone="success">
          <strong>{t('submission.received')}</strong>{' '}
          {received.auto ? t('submission.autoSubmitted') : null}{' '}
          {received.acceptance ? t('submission.receivedAt', { when: format.dateTime(received.acceptance.acceptedAt) }) : null}
        </Alert>
      ) : null}
      <section className="card" aria-labelledby="result-heading" aria-live="polite" aria-busy={!submission || submission.status === 'accepted'}>
        <h2 id="result-heading">{t('result.heading')}</h2>
        {!submission || submission.status === 'accepted' ? <Loading label={t('result.grading')} /> : <ResultBody submission={submission} />}
      </section>
      <div className="row">
        {courseId ? <Link to={coursePath(courseId)}>{t('lesson.backToCourse')}</Link> : null}
        <Link to="/learn">{t('result.home')}</Link>
        <Link to="/learn/grades">{t('result.grades')}</Link>
      </div>
    </div>
  );
}

function ResultBody({ submission }: { submission: Submission }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  if (submission.status === 'pending_manual' || submission.status === 'awaiting_code_grader') return <p>{t(`submission.${submission.status}`)}</p>;
  if (!submission.released || submission.score === null) return <p>{t('result.notReleasedLong')}</p>;
  return (
    <div className="stack">
      <p className="result-score" data-testid="result-score">
        {t('result.score', { score: format.number(submission.score), max: format.number(submission.maxScore ?? 0), percent: format.percent(submission.percent) })}{' '}
        {submission.passed === null ? null : <Badge tone={submission.passed ? 'success' : 'danger'}>{t(submission.passed ? 'result.passed' : 'result.failed')}</Badge>}
      </p>
      {submission.ability ? (
        <p data-testid="result-ability">
          {t('result.ability', { theta: format.number(submission.ability.theta), se: format.number(submission.ability.standardError) })}{' '}
          <span className="muted small">{t('result.abilityHint')}</span>
        </p>
      ) : null}
      {submission.late ? <p>{t('result.latePenalty', { penalty: format.percent(submission.penalty ?? 0) })}</p> : null}
      {submission.items ? (
        <div className="table-wrap">
          <table>
            <caption>{t('result.perQuestion')}</caption>
            <thead><tr><th scope="col">{t('result.question')}</th><th scope="col">{t('result.points')}</th><th scope="col">{t('result.outcome')}</th></tr></thead>
            <tbody>
              {submission.items.map((item, index) => (
                <tr key={item.slot}>
                  <th scope="row">{t('question.numbered', { number: index + 1 })}</th>
                  <td>{item.score === null ? '–' : `${format.number(item.score)} / ${format.number(item.maxScore)}`}</td>
                  <td>{item.status !== 'graded' ? t(`result.item.${item.status}`) : item.correct === null ? t('result.item.partial') : t(item.correct ? 'result.item.correct' : 'result.item.wrong')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
