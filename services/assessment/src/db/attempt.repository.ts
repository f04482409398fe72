import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { DrawnSlot } from '../domain/draw.js';
import type { AdaptiveState, AssessmentDatabase, AttemptsTable } from './assessment.table.js';

type Db = Tx<AssessmentDatabase>;

/** An attempt as stored. */
export interface AttemptRecord {
  id: string;
  tenantId: string;
  examId: string;
  examVersion: number;
  courseId: string;
  userId: string;
  number: number;
  seed: number;
  slots: DrawnSlot[];
  status: AttemptsTable['status'];
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  submissionId: string | null;
  /** Adaptive attempts only: where the test stands. */
  adaptive: AdaptiveState | null;
}

export async function insertAttempt(tx: Db, attempt: AttemptRecord): Promise<void> {
  await tx.insertInto('assessment.attempts').values({
    id: attempt.id, tenant_id: attempt.tenantId, exam_id: attempt.examId, exam_version: attempt.examVersion, course_id: attempt.courseId,
    user_id: attempt.userId, number: attempt.number, seed: attempt.seed, slots: JSON.stringify(attempt.slots) as never, status: attempt.status,
    started_at: attempt.startedAt, deadline_at: attempt.deadlineAt, submitted_at: null, submission_id: null,
    adaptive: attempt.adaptive ? JSON.stringify(attempt.adaptive) : null,
  }).execute();
}

/** An adaptive attempt after an answer: its slots (the next item added, unless it finished) and where it stands. */
export async function updateAdaptiveAttempt(tx: Db, tenantId: string, attemptId: string, slots: readonly DrawnSlot[], adaptive: AdaptiveState): Promise<void> {
  await tx.updateTable('assessment.attempts').set({ slots: JSON.stringify(slots) as never, adaptive: JSON.stringify(adaptive) })
    .where('tenant_id', '=', tenantId).where('id', '=', attemptId).execute();
}

export async function findAttempt(tx: Db, tenantId: string, attemptId: string, lock = false): Promise<AttemptRecord | undefined> {
  let query = tx.selectFrom('assessment.attempts').selectAll().where('tenant_id', '=', tenantId).where('id', '=', attemptId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toAttempt(row) : undefined;
}

/** The user's attempts of an exam, oldest first. */
export async function attemptsOf(tx: Db, tenantId: string, examId: string, userId: string): Promise<AttemptRecord[]> {
  const rows = await tx.selectFrom('assessment.attempts').selectAll().where('tenant_id', '=', tenantId).where('exam_id', '=', examId)
    .where('user_id', '=', userId).orderBy('number').execute();
  return rows.map(toAttempt);
}

export async function setDeadline(tx: Db, tenantId: string, attemptId: string, deadline: Date | null): Promise<void> {
  await tx.updateTable('assessment.attempts').set({ deadline_at: deadline }).where('tenant_id', '=', tenantId).where('id', '=', attemptId).execute();
}

export async function markSubmitted(tx: Db, tenantId: string, attemptId: string, change: { status: AttemptsTable['status']; submittedAt: Date; submissionId: string }): Promise<void> {
  await tx.updateTable('assessment.attempts').set({ status: change.status, submitted_at: change.submittedAt, submission_id: change.submissionId })
    .where('tenant_id', '=', tenantId).where('id', '=', attemptId).execute();
}

/** In-progress attempts past `cutoff` across the tenants of one database (a system read, for the deadline job). */
export async function overdueAttempts(tx: Db, cutoff: Date, limit: number): Promise<Array<{ id: string; tenant_id: string; user_id: string }>> {
  const { rows } = await sql<{ id: string; tenant_id: string; user_id: string }>`
    select id, tenant_id, user_id from assessment.attempts
    where status = 'in_progress' and deadline_at is not null and deadline_at < ${cutoff}
    order by deadline_at limit ${limit}`.execute(tx);
  return rows;
}

function toAttempt(row: { id: string; tenant_id: string; exam_id: string; exam_version: number; course_id: string; user_id: string; number: number; seed: string | number; slots: unknown[]; status: AttemptsTable['status']; started_at: Date; deadline_at: Date | null; submitted_at: Date | null; submission_id: string | null; adaptive: AdaptiveState | null }): AttemptRecord {
  return {
    id: row.id, tenantId: row.tenant_id, examId: row.exam_id, examVersion: row.exam_version, courseId: row.course_id, userId: row.user_id,
    number: row.number, seed: Number(row.seed), slots: row.slots as DrawnSlot[], status: row.status, startedAt: new Date(row.started_at),
    deadlineAt: row.deadline_at ? new Date(row.deadline_at) : null, submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
    submissionId: row.submission_id, adaptive: row.adaptive ?? null,
  };
}
