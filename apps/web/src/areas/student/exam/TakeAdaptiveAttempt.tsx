import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/problem';
import { Button, ProblemAlert, useLeaveWarning } from '../../../ui';
import type { Attempt } from '../api-types';
import { attemptOver } from './adaptive-attempt';
import { AdaptiveFinished } from './AdaptiveFinished';
import { QuestionCard } from './QuestionCard';
import { SubmissionView, type Received } from './SubmissionView';
import { SubmitPanel } from './SubmitPanel';
import { submitAttempt } from './submit';
import { Timer } from './Timer';
import { useAdaptiveAttempt, type AdaptiveSession } from './use-adaptive-attempt';
import { useCountdown } from './use-countdown';

/**
 * Taking an adaptive attempt: one question at a time, each chosen by the server from the answers so far,
 * with the countdown; once the test needs no more answers, submit (with no answers: the server has them all).
 */
export function TakeAdaptiveAttempt({ attempt: initial, offsetMs, courseId }: { attempt: Attempt; offsetMs: number; courseId: string | null }) {
  const { t } = useTranslation('student');
  const session = useAdaptiveAttempt(initial);
  const { attempt, current, error, sendChosen } = session;
  const [received, setReceived] = useState<Received | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const started = useRef(false);

  const submit = useCallback(async (auto: boolean) => {
    if (started.current) return;
    started.current = true;
    setSubmitting(true);
    setSubmitError(null);
    // At the deadline an answer chosen but not sent yet still goes (the grace period may take it).
    if (auto) await sendChosen();
    const outcome = await submitAttempt(attempt.id, [], 0);
    setSubmitting(false);
    if (outcome.kind === 'failed') {
      started.current = false;
      setSubmitError(outcome.error);
      return;
    }
    setReceived({ acceptance: outcome.kind === 'accepted' ? outcome.acceptance : null, auto });
  }, [attempt.id, sendChosen]);

  const countdown = useCountdown(attempt.deadlineAt, offsetMs, () => void submit(true));
  useLeaveWarning(!received && session.response !== null);

  if (received) return <SubmissionView attemptId={attempt.id} received={received} courseId={courseId} />;
  const answered = attempt.adaptive?.answered ?? 0;
  // Past the deadline or submitted elsewhere, the question cannot be answered: what is left is the submission.
  const asking = current !== null && !(error && attemptOver(error));
  return (
    <div className="stack">
      <div className="exam-bar" aria-label={t('adaptiveExam.bar')} role="region">
        <Timer remainingMs={countdown.remainingMs} announcedMinutes={countdown.announcedMinutes} />
        <p role="status" aria-live="polite" data-testid="adaptive-progress">
          {current ? t('adaptiveExam.progress', { number: attempt.slots.length, max: attempt.adaptive?.maxItems ?? attempt.slots.length }) : t('adaptiveExam.progressDone', { count: answered })}
        </p>
      </div>
      {asking ? <CurrentQuestion session={session} /> : (
        <>
          <AnswerProblem error={error} />
          {current ? null : <AdaptiveFinished focus={session.advanced} />}
          <ProblemAlert error={submitError} />
          {/* Of the questions given so far: when the time ran out on one, it is the one left unanswered. */}
          <SubmitPanel answered={answered} total={attempt.slots.length} busy={submitting} onSubmit={() => void submit(false)} />
        </>
      )}
    </div>
  );
}

/** The question waiting for an answer and the buttons that send it: an answer is final once sent. */
function CurrentQuestion({ session }: { session: AdaptiveSession }) {
  const { t } = useTranslation('student');
  const slot = session.current!;
  const busy = session.sending !== null;
  return (
    <>
      <QuestionCard key={slot.slot} slot={slot} number={session.attempt.slots.length} response={session.response} onChange={session.choose} focusOnMount={session.advanced} />
      <p className="muted small">{t('adaptiveExam.final')}</p>
      <AnswerProblem error={session.error} />
      <div className="row">
        <Button busy={session.sending === 'answer'} disabled={session.response === null || busy} onClick={() => void session.send('answer')}>{t('adaptiveExam.answer')}</Button>
        <Button variant="secondary" busy={session.sending === 'skip'} disabled={busy} onClick={() => void session.send('skip')}>{t('adaptiveExam.skip')}</Button>
      </div>
    </>
  );
}

const PROBLEM_KEYS: Partial<Record<string, 'notCurrent' | 'deadlinePassed' | 'closed'>> = {
  'ASSESSMENT.NOT_CURRENT_ITEM': 'notCurrent',
  'ASSESSMENT.DEADLINE_PASSED': 'deadlinePassed',
  'ASSESSMENT.ATTEMPT_CLOSED': 'closed',
};

/** A refused answer: the conflicts this screen knows are said in the student's words, the rest as the server says. */
function AnswerProblem({ error }: { error: ApiError | null }) {
  const { t } = useTranslation('student');
  const known = error?.code ? PROBLEM_KEYS[error.code] : undefined;
  return <ProblemAlert error={error} message={known ? t(`adaptiveExam.problem.${known}`) : undefined} />;
}
