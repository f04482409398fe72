import type { AdaptiveProgress, Attempt } from '../contract/attempts.js';
import type { AdaptiveState, AssessmentDatabase } from '../db/assessment.table.js';
import { savedAnswers, type SavedAnswer } from '../db/answer.repository.js';
import { findAttempt, type AttemptRecord } from '../db/attempt.repository.js';
import { examView } from '../domain/delivery.js';
import type { AssessmentDeps } from './deps.js';
import { assessmentErrors } from './errors.js';
import { itemContent } from './exam-versions.js';

/**
 * An attempt as its student sees it: the items of its slots (no answers), the answers saved so far, and the
 * deadline beside the server's clock (the client counts down from those two, not from its own clock).
 * Another user's attempt is "not found" unless `viewer` is null (staff).
 */
export async function attemptView(deps: Pick<AssessmentDeps, 'db' | 'cache'>, tenantId: string, attemptId: string, viewer: string | null): Promise<Attempt> {
  const { attempt, answers } = await deps.db.withTenant<AssessmentDatabase, { attempt: AttemptRecord | undefined; answers: Awaited<ReturnType<typeof savedAnswers>> }>(tenantId, async (tx) => ({
    attempt: await findAttempt(tx, tenantId, attemptId),
    answers: await savedAnswers(tx, tenantId, attemptId),
  }));
  if (!attempt || (viewer !== null && attempt.userId !== viewer)) throw assessmentErrors.attemptNotFound(attemptId);
  return viewOf(deps, attempt, answers);
}

/** The student's view of an attempt already loaded (a new one has no answers: no second read after the insert). */
export async function viewOf(deps: Pick<AssessmentDeps, 'db' | 'cache'>, attempt: AttemptRecord, answers: readonly SavedAnswer[]): Promise<Attempt> {
  const { tenantId, id: attemptId } = attempt;
  const byslot = new Map(answers.map((answer) => [answer.slot, answer]));
  const slots = await Promise.all(attempt.slots.map(async (slot) => {
    const content = await itemContent(deps, tenantId, slot.itemId, slot.version);
    if (!content) throw new Error(`Item version ${slot.itemId}@${slot.version} of attempt ${attemptId} is unknown`);
    const answer = byslot.get(slot.slot);
    return {
      slot: slot.slot, points: slot.points, item: examView(slot, content) as { id: string; type: string; version: number },
      answer: answer ? { seq: answer.seq, response: answer.response as never, savedAt: answer.savedAt.toISOString() } : null,
    };
  }));
  return {
    id: attempt.id, examId: attempt.examId, examVersion: attempt.examVersion, userId: attempt.userId, number: attempt.number, status: attempt.status,
    startedAt: attempt.startedAt.toISOString(), deadlineAt: attempt.deadlineAt?.toISOString() ?? null, serverTime: new Date().toISOString(),
    submittedAt: attempt.submittedAt?.toISOString() ?? null, submissionId: attempt.submissionId, slots,
    adaptive: attempt.adaptive ? progressOf(attempt.adaptive, answers.length) : null,
  };
}

/** An adaptive attempt's progress as its student sees it: no ability estimate until the result. */
function progressOf(state: AdaptiveState, answered: number): AdaptiveProgress {
  return { answered, maxItems: state.maxItems, finished: state.finished, stopReason: state.stopReason };
}
