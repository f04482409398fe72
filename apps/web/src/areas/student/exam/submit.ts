import { api, unwrap } from '../../../api/client';
import { asApiError, type ApiError } from '../../../api/problem';
import type { Acceptance } from '../api-types';
import { verdictOf, type AnswerInput } from './autosave';

const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000] as const;

export type SubmitOutcome =
  | { kind: 'accepted'; acceptance: Acceptance }
  /** The attempt was closed already: submitted before (another tab) or by the server at the deadline. */
  | { kind: 'closed'; error: ApiError }
  | { kind: 'failed'; error: ApiError };

/**
 * Submits with the final answers. A submit is idempotent on the server (a second one names the same
 * submission), so network failures and busy servers are simply retried a few times.
 */
export async function submitAttempt(attemptId: string, answers: AnswerInput[], lastSeq: number, sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): Promise<SubmitOutcome> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const acceptance = await unwrap(api.POST('/api/v1/attempts/{attemptId}/submit', { params: { path: { attemptId } }, body: { answers, lastSeq } }));
      return { kind: 'accepted', acceptance };
    } catch (caught) {
      const error = asApiError(caught);
      const verdict = verdictOf(error);
      if (verdict === 'closed') return { kind: 'closed', error };
      const delay = RETRY_DELAYS_MS[attempt];
      if (verdict !== 'retry' || delay === undefined) return { kind: 'failed', error };
      await sleep(delay);
    }
  }
}
