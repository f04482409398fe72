import type { Delivery, Tx } from '@tessera/platform';
import type { ItemContent } from '@tessera/catalog/contract';
import { AssessmentEvents, type SubmissionGradedData, type SubmittedData } from '../contract/events.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { savedAnswers } from '../db/answer.repository.js';
import { findAttempt, markSubmitted, type AttemptRecord } from '../db/attempt.repository.js';
import { queueManualGrading } from '../db/manual-grade.repository.js';
import { insertSubmission, type SubmissionRecord } from '../db/submission.repository.js';
import { finalAnswers, scoreAttempt } from '../domain/score-attempt.js';
import { recordInAnalysis } from './analysis-updates.js';
import { totalsFor } from './attempt-totals.js';
import type { AssessmentDeps } from './deps.js';
import { examVersion, itemContent } from './exam-versions.js';
import { announceResult } from './live-results.js';

/** How many deliveries grading waits for autosaves the submit says were sent, before grading with what arrived. */
const WAIT_FOR_AUTOSAVES = 3;

/** Thrown to have the queue redeliver later: autosaves the submit counts on are still on their way. */
export class AutosavesPending extends Error {}

/**
 * Grades one submission, exactly once: the attempt row is locked and the result is written keyed by the
 * submission id, so a redelivery (a worker killed after its commit, a duplicate submit past the queue's
 * deduplication window) finds it there and changes nothing. In the same transaction the attempt closes,
 * essays join the manual grading queue, the item analysis counts the result (once wholly scored), and
 * `assessment.submission.graded` goes to the outbox; after the commit the student is told live.
 */
export async function gradeSubmission(deps: AssessmentDeps, tenantId: string, data: SubmittedData, delivery: Pick<Delivery, 'attempt'>): Promise<SubmissionRecord | null> {
  const graded = await deps.db.withTenant<AssessmentDatabase, SubmissionRecord | null>(tenantId, async (tx) => {
    const attempt = await findAttempt(tx, tenantId, data.attemptId, true);
    if (!attempt) throw new Error(`Submission ${data.submissionId} names attempt ${data.attemptId}, which tenant ${tenantId} does not have`);
    if (attempt.submissionId !== null) return null;
    const saved = await savedAnswers(tx, tenantId, attempt.id);
    const newestSaved = Math.max(0, ...saved.map((a) => a.seq));
    if (data.lastSeq !== null && newestSaved < data.lastSeq && delivery.attempt < WAIT_FOR_AUTOSAVES) throw new AutosavesPending(`attempt ${attempt.id} has autosaves up to ${newestSaved} of ${data.lastSeq}`);
    const exam = await examVersion(deps, tenantId, attempt.examId, attempt.examVersion, tx);
    if (!exam) throw new Error(`Exam version ${attempt.examId}@${attempt.examVersion} is unknown`);
    const answers = finalAnswers(saved, data.answers);
    const { items } = scoreAttempt(attempt.slots, await contentsOf(deps, attempt, tx), answers, exam.settings, data.penaltyPercent);
    // An adaptive attempt's item left unanswered when time ran out counts as a blank, like any exam's.
    const totals = await totalsFor(deps, tx, tenantId, exam, items, data.penaltyPercent);
    const record: Omit<SubmissionRecord, 'gradingRound'> = {
      id: data.submissionId, tenantId, attemptId: attempt.id, examId: attempt.examId, examVersion: attempt.examVersion, courseId: attempt.courseId,
      userId: attempt.userId, submittedAt: new Date(data.submittedAt), late: data.late, auto: data.auto, gradedAt: new Date(), items, ...totals,
    };
    if (!await insertSubmission(tx, record, Object.fromEntries(answers))) return null;
    await markSubmitted(tx, tenantId, attempt.id, { status: totals.status === 'graded' ? 'graded' : 'submitted', submittedAt: record.submittedAt, submissionId: record.id });
    await queueManualGrading(tx, tenantId, record);
    await recordInAnalysis(tx, tenantId, record, exam, null);
    await deps.outbox.emit(tx, tenantId, [{ name: AssessmentEvents.graded, subject: record.id, data: gradedData(record, exam.title) }]);
    return { ...record, gradingRound: 1 };
  });
  if (graded) await announceResult(deps, graded);
  return graded;
}

/** The item versions an attempt was drawn with, answers included. */
export async function contentsOf(deps: Pick<AssessmentDeps, 'db' | 'cache'>, attempt: Pick<AttemptRecord, 'tenantId' | 'slots'>, within?: Tx<AssessmentDatabase>): Promise<Map<string, ItemContent>> {
  const contents = new Map<string, ItemContent>();
  for (const slot of attempt.slots) {
    const key = `${slot.itemId}@${slot.version}`;
    if (contents.has(key)) continue;
    const content = await itemContent(deps, attempt.tenantId, slot.itemId, slot.version, within);
    if (content) contents.set(key, content as unknown as ItemContent);
  }
  return contents;
}

export function gradedData(record: Omit<SubmissionRecord, 'gradingRound'>, examTitle: string): SubmissionGradedData {
  return {
    submissionId: record.id, examTitle, attemptId: record.attemptId, examId: record.examId, examVersion: record.examVersion, courseId: record.courseId,
    userId: record.userId, status: record.status, score: record.score, maxScore: record.maxScore, passed: record.passed, gradedAt: record.gradedAt.toISOString(),
    items: record.items.map((i) => ({ itemId: i.itemId, itemVersion: i.itemVersion, score: i.score, maxScore: i.maxScore, correct: i.correct })),
  };
}
