import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/problem';
import { ProblemAlert, useLeaveWarning } from '../../../ui';
import type { Attempt, ItemResponse } from '../api-types';
import type { AnswerInput } from './autosave';
import { AutosaveIndicator } from './AutosaveIndicator';
import { forgetJournal, restoreAnswers } from './journal';
import { QuestionCard } from './QuestionCard';
import { SubmissionView, type Received } from './SubmissionView';
import { SubmitPanel } from './SubmitPanel';
import { TakeAdaptiveAttempt } from './TakeAdaptiveAttempt';
import { submitAttempt } from './submit';
import { Timer } from './Timer';
import { useAutosave } from './use-autosave';
import { useCountdown } from './use-countdown';

interface TakeProps {
  attempt: Attempt;
  offsetMs: number;
  courseId: string | null;
}

/** Taking an attempt — of an adaptive exam one question at a time, otherwise all at once — then its result. */
export function TakeAttempt(props: TakeProps) {
  return props.attempt.adaptive ? <TakeAdaptiveAttempt {...props} /> : <TakeFixedAttempt {...props} />;
}

/** All the questions at once, countdown, autosave, submit — then the submission and its result. */
function TakeFixedAttempt({ attempt, offsetMs, courseId }: TakeProps) {
  const { t } = useTranslation('student');
  const restored = useMemo(() => restoreAnswers(attempt.id, attempt.slots), [attempt]);
  const [responses, setResponses] = useState(restored.responses);
  const latest = useRef(new Map<string, AnswerInput>(initialAnswers(attempt, restored.unconfirmed)));
  const autosave = useAutosave(attempt.id, restored);
  const [received, setReceived] = useState<Received | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const started = useRef(false);

  const submit = useCallback(async (auto: boolean) => {
    if (started.current) return;
    started.current = true;
    setSubmitting(true);
    setError(null);
    await autosave.queue.flush();
    autosave.queue.stop();
    const outcome = await submitAttempt(attempt.id, [...latest.current.values()], autosave.queue.lastSeq());
    setSubmitting(false);
    if (outcome.kind === 'failed') {
      started.current = false;
      autosave.queue.resume();
      setError(outcome.error);
      return;
    }
    forgetJournal(attempt.id);
    setReceived({ acceptance: outcome.kind === 'accepted' ? outcome.acceptance : null, auto });
  }, [attempt.id, autosave.queue]);

  const countdown = useCountdown(attempt.deadlineAt, offsetMs, () => void submit(true));
  useLeaveWarning(!received && ['pending', 'saving', 'retrying'].includes(autosave.status.kind));

  const change = (slot: string, response: ItemResponse | null) => {
    setResponses((held) => ({ ...held, [slot]: response }));
    latest.current.set(slot, autosave.change(slot, response));
  };

  if (received) return <SubmissionView attemptId={attempt.id} received={received} courseId={courseId} />;
  const answered = attempt.slots.filter((slot) => responses[slot.slot] !== null && responses[slot.slot] !== undefined).length;
  return (
    <div className="stack">
      <div className="exam-bar" aria-label={t('timer.bar')} role="region">
        <Timer remainingMs={countdown.remainingMs} announcedMinutes={countdown.announcedMinutes} />
        <AutosaveIndicator status={autosave.status} />
      </div>
      {attempt.slots.map((slot, index) => (
        <QuestionCard key={slot.slot} slot={slot} number={index + 1} total={attempt.slots.length} response={responses[slot.slot] ?? null} onChange={(response) => change(slot.slot, response)} />
      ))}
      <ProblemAlert error={error} />
      <SubmitPanel answered={answered} total={attempt.slots.length} busy={submitting} onSubmit={() => void submit(false)} />
    </div>
  );
}

function initialAnswers(attempt: Attempt, unconfirmed: AnswerInput[]): [string, AnswerInput][] {
  const entries = new Map<string, AnswerInput>();
  for (const { slot, answer } of attempt.slots) if (answer) entries.set(slot, { slot, seq: answer.seq, response: answer.response });
  for (const answer of unconfirmed) entries.set(answer.slot, answer);
  return [...entries];
}
