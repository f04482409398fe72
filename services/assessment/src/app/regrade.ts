import { AppError, type Tx } from '@tessera/platform';
import type { ItemContent } from '@tessera/catalog/contract';
import type { RegradeResult } from '../contract/analysis.js';
import type { SlotOutcome } from '../contract/attempts.js';
import { AssessmentEvents } from '../contract/events.js';
import type { ExamSettings } from '../contract/exams.js';
import { latestItemContents } from '../db/analysis.repository.js';
import { savedAnswers } from '../db/answer.repository.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { findExam } from '../db/exam.repository.js';
import { lockSubmissionsWithItem, updateRegradedSubmission, type SubmissionRecord, type SubmissionWithAnswers } from '../db/submission.repository.js';
import { finalAnswers } from '../domain/score-attempt.js';
import { totalsFor } from './attempt-totals.js';
import { gradeItem } from '../grading/index.js';
import type { ItemResponse } from '../grading/responses.js';
import { analysisShardOf, recordInAnalysis } from './analysis-updates.js';
import type { AssessmentDeps } from './deps.js';
import { assessmentErrors } from './errors.js';
import { examVersion } from './exam-versions.js';
import { gradedData } from './grade-submission.js';
import { announceResult } from './live-results.js';

/** Submissions looked at per transaction: a regrade of a large exam holds its locks a bounded time. */
export const REGRADE_BATCH = 200;

const itemNotFound = (itemId: string) => new AppError('not_found', 'ASSESSMENT.ITEM_NOT_FOUND', `No item ${itemId}`);

/** The item version submissions are scored with after the correction. */
interface Correction {
  itemId: string;
  version: number;
  content: ItemContent;
}

/**
 * After an item correction (catalog published a new version), re-scores every submission of the exam that
 * holds the item with an older version: its slots are graded again with the latest version and the answers
 * the submission was graded with, its totals recomputed (other slots, essays scored by a person included,
 * keep their scores), its grading round raised, the item analysis adjusted and
 * `assessment.submission.regraded` emitted, in one transaction per batch; students are told live after each
 * commit. Submissions already at the latest version are left alone, so repeating the request (a retry, a
 * timeout) changes nothing twice.
 */
export async function regradeItem(deps: AssessmentDeps, tenantId: string, examId: string, itemId: string): Promise<RegradeResult> {
  const correction = await deps.db.withTenant<AssessmentDatabase, Correction>(tenantId, async (tx) => {
    if (!await findExam(tx, tenantId, examId)) throw assessmentErrors.examNotFound(examId);
    const latest = (await latestItemContents(tx, tenantId, [itemId])).get(itemId);
    if (!latest) throw itemNotFound(itemId);
    return { itemId, version: latest.version, content: latest.content as unknown as ItemContent };
  });
  let regraded = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await deps.db.withTenant<AssessmentDatabase, Batch>(tenantId, (tx) => regradeBatch(deps, tx, tenantId, examId, correction, after));
    regraded += batch.regraded.length;
    for (const record of batch.regraded) await announceResult(deps, record);
    if (batch.last === undefined) break;
    after = batch.last;
  }
  return { itemId, itemVersion: correction.version, regraded };
}

interface Batch {
  regraded: Array<Omit<SubmissionRecord, 'gradingRound'>>;
  /** The last submission id looked at, when there may be more. */
  last: string | undefined;
}

async function regradeBatch(deps: AssessmentDeps, tx: Tx<AssessmentDatabase>, tenantId: string, examId: string, correction: Correction, after: string | undefined): Promise<Batch> {
  const page = await lockSubmissionsWithItem(tx, tenantId, examId, correction.itemId, REGRADE_BATCH, after);
  const stale = page.filter(({ record }) => record.items.some((item) => item.itemId === correction.itemId && item.itemVersion !== correction.version));
  // Each submission's analysis shard stays locked until the commit: taking them in ascending order keeps two
  // regrades of one exam from waiting on each other in a circle.
  stale.sort((a, b) => analysisShardOf(a.record.id) - analysisShardOf(b.record.id) || (a.record.id < b.record.id ? -1 : 1));
  const regraded: Batch['regraded'] = [];
  for (const submission of stale) regraded.push(await regradeSubmission(deps, tx, tenantId, submission, correction));
  return { regraded, last: page.length === REGRADE_BATCH ? page[page.length - 1]!.record.id : undefined };
}

async function regradeSubmission(deps: AssessmentDeps, tx: Tx<AssessmentDatabase>, tenantId: string, submission: SubmissionWithAnswers, correction: Correction): Promise<Omit<SubmissionRecord, 'gradingRound'>> {
  const previous = submission.record;
  const exam = await examVersion(deps, tenantId, previous.examId, previous.examVersion, tx);
  if (!exam) throw new Error(`Exam version ${previous.examId}@${previous.examVersion} is unknown`);
  const answers = submission.answers ?? Object.fromEntries(finalAnswers(await savedAnswers(tx, tenantId, previous.attemptId), []));
  const items = previous.items.map((outcome) => outcome.itemId === correction.itemId
    ? rescored(outcome, correction, (answers[outcome.slot] ?? null) as ItemResponse | null, exam.settings)
    : outcome);
  const totals = await totalsFor(deps, tx, tenantId, exam, items, penaltyPercentOf(previous, exam.settings));
  const record: Omit<SubmissionRecord, 'gradingRound'> = { ...previous, items, ...totals, gradedAt: new Date() };
  const gradingRound = await updateRegradedSubmission(tx, record);
  await recordInAnalysis(tx, tenantId, record, exam, previous);
  await deps.outbox.emit(tx, tenantId, [{ name: AssessmentEvents.regraded, subject: record.id, data: { ...gradedData(record, exam.title), gradingRound } }]);
  return record;
}

/**
 * A slot graded again with the corrected version. An item a person or the code runner scores keeps the
 * score it has (the correction names the new version all the same): re-judging it is theirs to do.
 */
function rescored(outcome: SlotOutcome, correction: Correction, answer: ItemResponse | null, settings: Pick<ExamSettings, 'partialCredit' | 'negativeMarking'>): SlotOutcome {
  const graded = gradeItem(correction.content, answer, outcome.maxScore, { partialCredit: settings.partialCredit, negativeMarking: settings.negativeMarking });
  if (graded.status !== 'graded') return { ...outcome, itemVersion: correction.version };
  return {
    slot: outcome.slot, itemId: outcome.itemId, itemVersion: correction.version, status: 'graded', score: graded.score, maxScore: graded.maxScore,
    correct: graded.correct, selected: graded.selected, feedback: graded.feedback,
  };
}

/**
 * The late penalty the submission was graded with: the percentage is not stored, but it is the late policy
 * of the exam version the attempt was taken under, which never changes, and applies exactly when it was late.
 */
function penaltyPercentOf(record: Pick<SubmissionRecord, 'late'>, settings: Pick<ExamSettings, 'latePolicy'>): number {
  return record.late && settings.latePolicy.mode === 'accept' ? settings.latePolicy.penaltyPercent : 0;
}
