import type { AdaptiveAnswerInput, Attempt } from '../contract/attempts.js';
import type { ExamVersion } from '../contract/exams.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { applyAnswers, savedAnswers, type SavedAnswer } from '../db/answer.repository.js';
import { findAttempt, updateAdaptiveAttempt, type AttemptRecord } from '../db/attempt.repository.js';
import { nextStep, stopRulesOf, type AnsweredItem } from '../domain/adaptive-exam.js';
import { timelinessOf } from '../domain/deadline.js';
import type { DrawnSlot } from '../domain/draw.js';
import { gradeItem } from '../grading/index.js';
import type { ItemResponse } from '../grading/responses.js';
import type { ItemContent } from '@tessera/catalog/contract';
import type { Tx } from '@tessera/platform';
import { adaptivePoolOf } from './adaptive-pool.js';
import type { Taker } from './answer-intake.js';
import { attemptGate, refreshGate } from './attempt-gate.js';
import { viewOf } from './attempt-view.js';
import type { AssessmentDeps } from './deps.js';
import { assessmentErrors } from './errors.js';
import { examVersion, itemContent } from './exam-versions.js';

type Db = Tx<AssessmentDatabase>;

/**
 * Takes the answer to the current item of an adaptive attempt and, in the same transaction (the attempt row
 * locked, so two tabs cannot both answer it), grades it, re-estimates the ability from every answer so far and
 * adds the next item, or marks the test finished. The answer is stored like an autosave, so the submission
 * grades exactly what was answered; no feedback is given before the result.
 */
export async function answerAdaptiveItem(deps: AssessmentDeps, taker: Taker, attemptId: string, input: AdaptiveAnswerInput): Promise<Attempt> {
  const at = new Date();
  const { tenantId } = taker;
  // A submit is queued before the worker closes the attempt row: the gate knows of it first. Another
  // student's attempt is "not found" before anything is said of its state.
  const gate = await attemptGate(deps, tenantId, attemptId, { fresh: true });
  if (gate.userId !== taker.userId) throw assessmentErrors.attemptNotFound(attemptId);
  if (gate.submitted) throw assessmentErrors.notInProgress(attemptId);
  const changed = await deps.db.withTenant<AssessmentDatabase, { attempt: AttemptRecord; answers: SavedAnswer[] }>(tenantId, async (tx) => {
    const attempt = await findAttempt(tx, tenantId, attemptId, true);
    if (!attempt || attempt.userId !== taker.userId) throw assessmentErrors.attemptNotFound(attemptId);
    if (!attempt.adaptive) throw assessmentErrors.notAdaptive(attemptId);
    if (attempt.status !== 'in_progress') throw assessmentErrors.notInProgress(attemptId);
    const exam = await examVersion(deps, tenantId, attempt.examId, attempt.examVersion, tx);
    if (!exam) throw new Error(`Attempt ${attemptId} names exam version ${attempt.examId}@${attempt.examVersion}, which does not exist`);
    const timeliness = timelinessOf(exam.settings, attempt.deadlineAt, at);
    if (timeliness.kind === 'too_late') throw assessmentErrors.tooLate(attemptId, timeliness.deadline);
    const saved = await savedAnswers(tx, tenantId, attemptId);
    const current = currentSlot(attempt, saved);
    if (!current || current.slot !== input.slot) throw assessmentErrors.notCurrentItem(attemptId, input.slot, current?.slot ?? null);
    if (input.response && input.response.type !== current.type) {
      throw assessmentErrors.badAnswers([{ slot: input.slot, detail: `a ${current.type} item cannot take a ${input.response.type} answer` }]);
    }
    const answer = { slot: current.slot, seq: attempt.slots.length, response: input.response };
    await applyAnswers(tx, tenantId, attemptId, [answer], at);
    const answers = [...saved, { ...answer, response: input.response as Record<string, unknown> | null, savedAt: at }];
    const pool = await adaptivePoolOf(deps, tenantId, exam, tx);
    const step = nextStep(pool, stopRulesOf(exam.settings), await answeredItems(deps, tx, attempt, answers, exam), attempt.seed);
    const slots = step.next ? [...attempt.slots, step.next] : attempt.slots;
    await updateAdaptiveAttempt(tx, tenantId, attemptId, slots, step.state);
    return { attempt: { ...attempt, slots, adaptive: step.state }, answers };
  });
  await refreshGate(deps, changed.attempt);
  return viewOf(deps, changed.attempt, changed.answers);
}

/** The item the attempt waits for: its last slot, unless answered (then the test is over). */
function currentSlot(attempt: AttemptRecord, saved: readonly SavedAnswer[]): DrawnSlot | null {
  if (attempt.adaptive?.finished) return null;
  const last = attempt.slots.at(-1);
  return last && !saved.some((answer) => answer.slot === last.slot) ? last : null;
}

/** Each answered item and whether it was right, graded by the exam's rules with the version it was given in. */
async function answeredItems(deps: AssessmentDeps, tx: Db, attempt: AttemptRecord, answers: readonly SavedAnswer[], exam: ExamVersion): Promise<AnsweredItem[]> {
  const rules = { partialCredit: exam.settings.partialCredit, negativeMarking: exam.settings.negativeMarking };
  const bySlot = new Map(answers.map((answer) => [answer.slot, answer.response]));
  const answered: AnsweredItem[] = [];
  for (const slot of attempt.slots) {
    if (!bySlot.has(slot.slot)) continue;
    const content = await itemContent(deps, attempt.tenantId, slot.itemId, slot.version, tx);
    if (!content) throw new Error(`Item version ${slot.itemId}@${slot.version} of attempt ${attempt.id} is unknown`);
    const outcome = gradeItem(content as unknown as ItemContent, (bySlot.get(slot.slot) ?? null) as ItemResponse | null, slot.points, rules);
    answered.push({ itemId: slot.itemId, correct: outcome.status === 'graded' && outcome.correct === true });
  }
  return answered;
}
