import { randomInt, randomUUID } from 'node:crypto';
import type { Attempt } from '../contract/attempts.js';
import type { ExamVersion } from '../contract/exams.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { insertAttempt, type AttemptRecord } from '../db/attempt.repository.js';
import { takerContext, type TakerContext } from '../db/taker.repository.js';
import { deadlineOf } from '../domain/deadline.js';
import { optionCount } from '../domain/delivery.js';
import { nextStep, stopRulesOf, type PoolItem } from '../domain/adaptive-exam.js';
import { drawSlots } from '../domain/draw.js';
import { adaptivePoolOf } from './adaptive-pool.js';
import { refreshGate } from './attempt-gate.js';
import { attemptView, viewOf } from './attempt-view.js';
import type { AssessmentDeps } from './deps.js';
import { assessmentErrors } from './errors.js';
import { examHead } from './exam-heads.js';
import { examVersion, itemContent } from './exam-versions.js';

export interface StartCommand {
  tenantId: string;
  examId: string;
  userId: string;
  /** Staff may try an exam without being enrolled (a preview). */
  mayPreview: boolean;
  now?: Date;
}

/**
 * Starts an attempt, or resumes the one in progress (the deadline stays where it was: it survives reloads
 * and devices). Cheap on purpose, for the minute everyone presses start: the published exam version comes
 * from memory, the student's enrollment, attempts and accommodation from one query, the items are drawn from
 * a seed stored with the attempt, and one row is written.
 */
export async function startAttempt(deps: AssessmentDeps, command: StartCommand): Promise<{ attempt: Attempt; resumed: boolean }> {
  const { tenantId, examId, userId } = command;
  const now = command.now ?? new Date();
  const exam = await takeableVersion(deps, tenantId, examId);
  assertOpen(exam, now);
  const optionCounts = await optionCountsOf(deps, tenantId, exam);
  const pool = exam.settings.adaptive ? await adaptivePoolOf(deps, tenantId, exam) : null;
  const started = await deps.db.withTenant<AssessmentDatabase, { record: AttemptRecord; resumed: boolean }>(tenantId, async (tx) => {
    const taker = await takerContext(tx, tenantId, examId, exam.courseId, userId);
    if (taker.inProgressId) return { record: { id: taker.inProgressId } as AttemptRecord, resumed: true };
    if (!taker.enrolled && !command.mayPreview) throw assessmentErrors.notEnrolled(exam.courseId);
    const allowed = exam.settings.attemptsAllowed + taker.extraAttempts;
    if (taker.attemptsUsed >= allowed) throw assessmentErrors.noAttemptsLeft(allowed);
    const record = newAttempt(tenantId, exam, userId, taker, optionCounts, now, pool);
    await insertAttempt(tx, record);
    return { record, resumed: false };
  });
  if (!started.resumed) await refreshGate(deps, started.record);
  const attempt = started.resumed ? await attemptView(deps, tenantId, started.record.id, userId) : await viewOf(deps, started.record, []);
  return { attempt, resumed: started.resumed };
}

async function takeableVersion(deps: AssessmentDeps, tenantId: string, examId: string): Promise<ExamVersion> {
  const head = await examHead(deps, tenantId, examId);
  if (!head) throw assessmentErrors.examNotFound(examId);
  if (head.publishedVersion === null || head.status === 'archived') throw assessmentErrors.notPublished(examId);
  const exam = await examVersion(deps, tenantId, examId, head.publishedVersion);
  if (!exam) throw assessmentErrors.notPublished(examId);
  return exam;
}

function assertOpen(exam: ExamVersion, now: Date): void {
  const { opensAt, closesAt } = exam.settings;
  if (opensAt && now.getTime() < Date.parse(opensAt)) throw assessmentErrors.notOpen(exam.examId, `opens at ${opensAt}`);
  if (closesAt && now.getTime() >= Date.parse(closesAt)) throw assessmentErrors.notOpen(exam.examId, `closed at ${closesAt}`);
}

/** How many options each item a draw may pick has, when the exam shuffles options (read before the transaction). */
async function optionCountsOf(deps: AssessmentDeps, tenantId: string, exam: ExamVersion): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!exam.settings.shuffleOptions) return counts;
  for (const item of exam.sections.flatMap((s) => (s.kind === 'fixed' ? [s.item] : s.candidates))) {
    const content = await itemContent(deps, tenantId, item.itemId, item.version);
    counts.set(`${item.itemId}@${item.version}`, content ? optionCount(content) : 0);
  }
  return counts;
}

/** A new attempt: its items drawn from the seed, or, for an adaptive exam, its first item chosen at the prior ability. */
function newAttempt(tenantId: string, exam: ExamVersion, userId: string, taker: TakerContext, counts: ReadonlyMap<string, number>, now: Date,
  pool: readonly PoolItem[] | null): AttemptRecord {
  const seed = randomInt(0, 2 ** 31 - 1);
  const first = pool ? nextStep(pool, stopRulesOf(exam.settings), [], seed) : null;
  const slots = first ? (first.next ? [first.next] : []) : drawSlots(exam, seed, (item) => counts.get(`${item.itemId}@${item.version}`) ?? 0);
  return {
    id: randomUUID(), tenantId, examId: exam.examId, examVersion: exam.version, courseId: exam.courseId, userId, number: taker.attemptsUsed + 1, seed, slots,
    status: 'in_progress', startedAt: now, deadlineAt: deadlineOf(exam.settings, now, taker), submittedAt: null, submissionId: null, adaptive: first?.state ?? null,
  };
}
