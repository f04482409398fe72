import type { AnswerInput } from '../contract/attempts.js';
import type { SubmittedData } from '../contract/events.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { findAttempt, type AttemptRecord } from '../db/attempt.repository.js';
import { findSubmission, type SubmissionRecord } from '../db/submission.repository.js';
import { timelinessOf } from '../domain/deadline.js';
import { submissionIdOf } from '../domain/submission-id.js';
import type { AssessmentDeps } from './deps.js';
import { assessmentErrors } from './errors.js';
import { examVersion } from './exam-versions.js';
import { gradeSubmission } from './grade-submission.js';

/** What the synchronous path answers: the result, graded before the response. */
export interface SynchronousGrade {
  submissionId: string;
  status: SubmissionRecord['status'];
  score: number;
  maxScore: number;
}

/**
 * Grades a submit inside the request: the synchronous REST-to-database path the exam-day design exists to
 * avoid. Only the exam-day benchmark uses it, as the baseline its queued path is measured against; no route
 * of the service calls it.
 *
 * It does the checks the queued path does (the attempt is the user's, still open, within its deadline and
 * grace, every answer fits its slot), reading the attempt from the database instead of the cached gate, and
 * then runs the grading worker's own transaction (see gradeSubmission: lock, grade every slot, write the
 * result, close the attempt, emit `assessment.submission.graded` through the outbox) before answering, so the
 * baseline pays exactly what a grade costs and the two paths cannot drift apart. A second call for the same
 * attempt returns the stored result. The attempt gate in the cache is left alone: nothing the benchmark does
 * afterwards reads it.
 */
export async function gradeSynchronously(deps: AssessmentDeps, tenantId: string, attemptId: string, answers: readonly AnswerInput[], userId?: string): Promise<SynchronousGrade> {
  const at = new Date();
  const attempt = await deps.db.withTenant<AssessmentDatabase, AttemptRecord | undefined>(tenantId, (tx) => findAttempt(tx, tenantId, attemptId));
  // Another student's attempt is "not found", like another tenant's.
  if (!attempt || (userId !== undefined && attempt.userId !== userId)) throw assessmentErrors.attemptNotFound(attemptId);
  if (attempt.submissionId !== null) return storedGrade(deps, tenantId, attempt.submissionId);
  const exam = await examVersion(deps, tenantId, attempt.examId, attempt.examVersion);
  if (!exam) throw new Error(`Attempt ${attempt.id} names exam version ${attempt.examId}@${attempt.examVersion}, which does not exist`);
  const timeliness = timelinessOf(exam.settings, attempt.deadlineAt, at);
  if (timeliness.kind === 'too_late') throw assessmentErrors.tooLate(attempt.id, timeliness.deadline);
  assertAnswersFit(attempt, answers);
  const data: SubmittedData = {
    submissionId: submissionIdOf(attempt.id), attemptId: attempt.id, userId: attempt.userId, answers: [...answers], lastSeq: null,
    submittedAt: at.toISOString(), late: timeliness.kind === 'late', penaltyPercent: timeliness.kind === 'late' ? timeliness.penaltyPercent : 0, auto: false,
  };
  const graded = await gradeSubmission(deps, tenantId, data, { attempt: 1 });
  // Null when another request graded the attempt first: answer with what that one stored.
  if (!graded) return storedGrade(deps, tenantId, data.submissionId);
  return { submissionId: graded.id, status: graded.status, score: graded.score, maxScore: graded.maxScore };
}

async function storedGrade(deps: Pick<AssessmentDeps, 'db'>, tenantId: string, submissionId: string): Promise<SynchronousGrade> {
  const stored = await deps.db.withTenant<AssessmentDatabase, SubmissionRecord | undefined>(tenantId, (tx) => findSubmission(tx, tenantId, submissionId));
  if (!stored) throw assessmentErrors.submissionNotFound(submissionId);
  return { submissionId: stored.id, status: stored.status, score: stored.score, maxScore: stored.maxScore };
}

function assertAnswersFit(attempt: Pick<AttemptRecord, 'slots'>, answers: readonly AnswerInput[]): void {
  const types = new Map(attempt.slots.map((slot) => [slot.slot, slot.type]));
  const problems = answers.flatMap((answer) => {
    const type = types.get(answer.slot);
    if (type === undefined) return [{ slot: answer.slot, detail: 'the attempt has no such slot' }];
    if (answer.response && answer.response.type !== type) return [{ slot: answer.slot, detail: `a ${type} item cannot take a ${answer.response.type} answer` }];
    return [];
  });
  if (problems.length > 0) throw assessmentErrors.badAnswers(problems);
}
