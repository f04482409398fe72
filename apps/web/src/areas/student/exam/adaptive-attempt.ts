import { api, unwrap } from '../../../api/client';
import type { ApiError } from '../../../api/problem';
import type { Attempt, AttemptSlot, ItemResponse } from '../api-types';

/**
 * The question an adaptive attempt waits for: its last slot while that has no answer. The server adds the
 * next slot only once the one before is answered, and answered slots cannot change, so there is at most one.
 */
export function currentSlotOf(attempt: Attempt): AttemptSlot | null {
  if (!attempt.adaptive || attempt.adaptive.finished) return null;
  const last = attempt.slots.at(-1);
  return last && !last.answer ? last : null;
}

/** Sends the answer to the current question; the server answers with the whole attempt (the next question, or finished). */
export function answerAdaptiveItem(attemptId: string, slot: string, response: ItemResponse | null): Promise<Attempt> {
  return unwrap(api.POST('/api/v1/attempts/{attemptId}/adaptive-answers', { params: { path: { attemptId } }, body: { slot, response } }));
}

/** Reads the attempt again (after the server said the question moved on, e.g. answered in another tab). */
export function reloadAttempt(attemptId: string): Promise<Attempt> {
  return unwrap(api.GET('/api/v1/attempts/{attemptId}', { params: { path: { attemptId } } }));
}

/** The server's word that the question was answered already: the test goes on with the one it waits for now. */
export const movedOn = (error: ApiError) => error.code === 'ASSESSMENT.NOT_CURRENT_ITEM';

/** The attempt takes no more answers (its time is up, or it was submitted): all that is left is the submission. */
export const attemptOver = (error: ApiError) => error.code === 'ASSESSMENT.DEADLINE_PASSED' || error.code === 'ASSESSMENT.ATTEMPT_CLOSED';
