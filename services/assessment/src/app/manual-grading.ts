import { AppError } from '@tessera/platform';
import type { SlotOutcome } from '../contract/attempts.js';
import { AssessmentEvents } from '../contract/events.js';
import type { ExamSettings } from '../contract/exams.js';
import type { EssayGrade, GradeInput, QueuedEssay } from '../contract/grading.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { markSubmitted } from '../db/attempt.repository.js';
import { findExam } from '../db/exam.repository.js';
import { findManualGrade, saveManualGrade, waitingEssays, type QueuePosition, type WaitingEssay } from '../db/grading-queue.repository.js';
import { lockSubmission, updateRegradedSubmission, type SubmissionRecord } from '../db/submission.repository.js';
import { effectiveRubric, rubricProblems, rubricScore } from '../domain/rubric-score.js';
import { totalsOf } from '../domain/score-attempt.js';
import { recordInAnalysis } from './analysis-updates.js';
import type { AssessmentDeps } from './deps.js';
import { assessmentErrors } from './errors.js';
import { examVersion, itemContent } from './exam-versions.js';
import { gradedData } from './grade-submission.js';
import { announceResult } from './live-results.js';

export const manualGradingErrors = {
  notInQueue: (submissionId: string, slot: string) =>
    new AppError('not_found', 'ASSESSMENT.ESSAY_NOT_FOUND', `Submission ${submissionId} has no essay to grade by hand in slot ${slot}`),
  badRubric: (problems: Array<{ path: string; detail: string }>) =>
    new AppError('unprocessable', 'ASSESSMENT.RUBRIC_SCORES_INVALID', `The rubric scores cannot be taken (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.map((p) => p.detail).join('; ')}`, { problems }),
} as const;

/** A page of an exam's essays waiting for a person, oldest submission first; `next` continues after the last one. */
export async function gradingQueue(deps: Pick<AssessmentDeps, 'db' | 'cache'>, tenantId: string, examId: string, limit: number, after?: QueuePosition): Promise<{ items: QueuedEssay[]; next: QueuePosition | null }> {
  return deps.db.withTenant<AssessmentDatabase, { items: QueuedEssay[]; next: QueuePosition | null }>(tenantId, async (tx) => {
    if (!await findExam(tx, tenantId, examId)) throw assessmentErrors.examNotFound(examId);
    const rows = await waitingEssays(tx, tenantId, examId, limit + 1, after);
    const page = rows.slice(0, limit);
    const items: QueuedEssay[] = [];
    for (const row of page) {
      // Every queued essay is a slot of its submission; a row without one (never written so) is left out.
      if (!row.outcome) continue;
      items.push(queued(row, row.outcome, await itemContent(deps, tenantId, row.outcome.itemId, row.outcome.itemVersion, tx)));
    }
    const last = page[page.length - 1];
    return { items, next: rows.length > limit && last ? { submittedAt: last.submittedAt, submissionId: last.submissionId, slot: last.slot } : null };
  });
}

function queued(row: WaitingEssay, outcome: SlotOutcome, content: Record<string, unknown> | undefined): QueuedEssay {
  const text = row.response && typeof row.response.text === 'string' ? row.response.text : null;
  return {
    submissionId: row.submissionId, attemptId: row.attemptId, userId: row.userId, slot: row.slot, submittedAt: row.submittedAt.toISOString(), maxScore: row.maxScore,
    item: {
      id: outcome.itemId, version: outcome.itemVersion,
      title: typeof content?.title === 'string' ? content.title : null, stem: typeof content?.stem === 'string' ? content.stem : null,
      rubric: effectiveRubric(content?.rubric, row.maxScore), expectedWords: typeof content?.expectedWords === 'number' ? content.expectedWords : null,
    },
    answer: text,
  };
}

/** Who grades: the tenant, and the person (null for an API key). */
export interface Grader {
  tenantId: string;
  userId: string | null;
}

/**
 * A person grades an essay with the item's rubric (see rubricScore for how rubric points become the slot's
 * score). One transaction: the submission row is locked (two graders of the same submission take turns),
 * the grade replaces any earlier one, the slot's outcome and the totals are recomputed with the late
 * penalty kept, the item analysis trades the old result for the new, and the outbox gets
 * `assessment.submission.graded` when the submission became wholly graded (`.regraded` when it was
 * already and the essay's score changed). The student is told live after the commit whenever an event went out.
 */
export async function gradeEssay(deps: AssessmentDeps, grader: Grader, submissionId: string, slot: string, input: GradeInput): Promise<EssayGrade> {
  const { grade, record, announce } = await deps.db.withTenant<AssessmentDatabase, { grade: EssayGrade; record: SubmissionRecord; announce: boolean }>(grader.tenantId, async (tx) => {
    const locked = await lockSubmission(tx, grader.tenantId, submissionId);
    if (!locked) throw assessmentErrors.submissionNotFound(submissionId);
    const previous = locked.record;
    const queuedGrade = await findManualGrade(tx, grader.tenantId, submissionId, slot);
    const outcome = previous.items.find((i) => i.slot === slot);
    if (!queuedGrade || !outcome) throw manualGradingErrors.notInQueue(submissionId, slot);
    const content = await itemContent(deps, grader.tenantId, outcome.itemId, outcome.itemVersion, tx);
    const rubric = effectiveRubric(content?.rubric, outcome.maxScore);
    const problems = rubricProblems(rubric, input.rubric);
    if (problems.length > 0) throw manualGradingErrors.badRubric(problems);
    const exam = await examVersion(deps, grader.tenantId, previous.examId, previous.examVersion, tx);
    if (!exam) throw new Error(`Exam version ${previous.examId}@${previous.examVersion} is unknown`);

    const score = rubricScore(rubric, input.rubric, outcome.maxScore);
    const { gradingRound: _round, ...before } = previous;
    const next = withEssayScore(before, slot, score, exam.settings);
    const gradedAt = next.gradedAt;
    const rubricScores = [...input.rubric].sort((a, b) => a.criterion - b.criterion);
    await saveManualGrade(tx, grader.tenantId, { ...queuedGrade, score, rubricScores, comment: input.comment ?? null, gradedBy: grader.userId, gradedAt });
    const gradingRound = await updateRegradedSubmission(tx, next);
    if (next.status === 'graded') await markSubmitted(tx, grader.tenantId, previous.attemptId, { status: 'graded', submittedAt: previous.submittedAt, submissionId });
    await recordInAnalysis(tx, grader.tenantId, next, exam, before);
    // A grade given again unchanged (a retried request) tells no one anything new.
    const event = next.status !== 'graded' ? null : previous.status !== 'graded' ? AssessmentEvents.graded : outcome.score !== score ? AssessmentEvents.regraded : null;
    if (event) await deps.outbox.emit(tx, grader.tenantId, [{ name: event, subject: submissionId, data: { ...gradedData(next, exam.title), gradingRound } }]);
    return {
      record: { ...next, gradingRound }, announce: event !== null,
      grade: {
        submissionId, slot, score, maxScore: outcome.maxScore, rubric: rubricScores, comment: input.comment ?? null, gradedBy: grader.userId,
        gradedAt: gradedAt.toISOString(),
        submission: { status: next.status, score: next.score, maxScore: next.maxScore, penalty: next.penalty, passed: next.passed, gradingRound },
      },
    };
  });
  if (announce) await announceResult(deps, record);
  return grade;
}

/** The submission with one essay scored: its outcome graded (correct when full marks) and the totals recomputed. */
function withEssayScore(previous: Omit<SubmissionRecord, 'gradingRound'>, slot: string, score: number, settings: ExamSettings): Omit<SubmissionRecord, 'gradingRound'> {
  const items = previous.items.map((item): SlotOutcome => (item.slot === slot ? { ...item, status: 'graded', score, correct: score === item.maxScore } : item));
  return { ...previous, items, ...totalsOf(items, settings, penaltyPercentOf(previous, settings)), gradedAt: new Date() };
}

/**
 * The late penalty percent the submission was graded with. A late submission took its exam version's
 * (frozen) late policy's percent; that is exact even when nothing had been scored yet (an essay-only exam,
 * where the stored penalty is 0 points and the percent cannot be read back from it).
 */
export function penaltyPercentOf(record: Pick<SubmissionRecord, 'late' | 'score' | 'penalty'>, settings: Pick<ExamSettings, 'latePolicy'>): number {
  if (!record.late) return 0;
  if (settings.latePolicy.mode === 'accept') return settings.latePolicy.penaltyPercent;
  const raw = record.score + record.penalty;
  return raw > 0 ? (record.penalty / raw) * 100 : 0;
}
