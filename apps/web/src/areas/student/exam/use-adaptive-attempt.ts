import { useCallback, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../../../api/problem';
import type { Attempt, AttemptSlot, ItemResponse } from '../api-types';
import { answerAdaptiveItem, currentSlotOf, movedOn, reloadAttempt } from './adaptive-attempt';

export interface AdaptiveSession {
  attempt: Attempt;
  /** The question waiting for an answer; null once the test needs no more. */
  current: AttemptSlot | null;
  /** What the student has chosen for the current question so far (nothing is sent until they answer). */
  response: ItemResponse | null;
  choose(response: ItemResponse | null): void;
  sending: 'answer' | 'skip' | null;
  error: ApiError | null;
  /** A question arrived because the student answered here (not on opening the page): it takes the focus. */
  advanced: boolean;
  /** Sends the current question's answer (or none: skipped) and shows what the server gives next. */
  send(kind: 'answer' | 'skip'): Promise<void>;
  /** At the deadline: sends an answer chosen but not sent yet, so it still counts if the grace period allows. */
  sendChosen(): Promise<void>;
}

/**
 * An adaptive attempt as it goes: the server picks each next question from the answers so far, so nothing
 * is saved ahead (no autosave) and each answer is final once sent.
 */
export function useAdaptiveAttempt(initial: Attempt): AdaptiveSession {
  const [attempt, setAttempt] = useState(initial);
  const [draft, setDraft] = useState<{ slot: string; response: ItemResponse | null } | null>(null);
  const [sending, setSending] = useState<'answer' | 'skip' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [advanced, setAdvanced] = useState(false);
  const current = currentSlotOf(attempt);
  const response = draft && draft.slot === current?.slot ? draft.response : null;
  // The countdown calls sendChosen from a timer: it reads the newest state, not the render it was made in.
  const latest = useRef({ attempt, current, response, busy: false });
  latest.current = { ...latest.current, attempt, current, response };

  const post = useCallback(async (slot: string, answer: ItemResponse | null): Promise<void> => {
    const attemptId = latest.current.attempt.id;
    try {
      setAttempt(await answerAdaptiveItem(attemptId, slot, answer));
      setAdvanced(true);
    } catch (caught) {
      const problem = asApiError(caught);
      setError(problem);
      // Answered meanwhile (another tab, or a lost reply to this one): show the question the test waits for now.
      if (movedOn(problem)) setAttempt(await reloadAttempt(attemptId).catch(() => latest.current.attempt));
    }
  }, []);

  const send = useCallback(async (kind: 'answer' | 'skip') => {
    const { current: slot, response: chosen, busy } = latest.current;
    if (!slot || busy) return;
    latest.current.busy = true;
    setSending(kind);
    setError(null);
    await post(slot.slot, kind === 'skip' ? null : chosen);
    latest.current.busy = false;
    setSending(null);
  }, [post]);

  const sendChosen = useCallback(async () => {
    const { current: slot, response: chosen, busy } = latest.current;
    if (slot && chosen !== null && !busy) await post(slot.slot, chosen);
  }, [post]);

  const choose = useCallback((next: ItemResponse | null) => {
    const slot = latest.current.current?.slot;
    if (slot) setDraft({ slot, response: next });
  }, []);

  return { attempt, current, response, choose, sending, error, advanced, send, sendChosen };
}
