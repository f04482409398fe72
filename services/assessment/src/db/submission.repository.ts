import type { Tx } from '@tessera/platform';
import type { SlotOutcome } from '../contract/attempts.js';
import type { AssessmentDatabase, SubmissionsTable } from './assessment.table.js';

type Db = Tx<AssessmentDatabase>;

/** A graded submission as the results read model keeps it. */
export interface SubmissionRecord {
  id: string;
  tenantId: string;
  attemptId: string;
  examId: string;
  examVersion: number;
  courseId: string;
  userId: string;
  submittedAt: Date;
  late: boolean;
  auto: boolean;
  status: SubmissionsTable['status'];
  score: number;
  maxScore: number;
  penalty: number;
  passed: boolean | null;
  items: SlotOutcome[];
  gradedAt: Date;
  gradingRound: number;
}

/** Writes a result keyed by its submission id; false when it exists already (a redelivery: nothing changes). */
export async function insertSubmission(tx: Db, record: Omit<SubmissionRecord, 'gradingRound'>): Promise<boolean> {
  const rows = await tx.insertInto('assessment.submissions').values({
    id: record.id, tenant_id: record.tenantId, attempt_id: record.attemptId, exam_id: record.examId, exam_version: record.examVersion,
    course_id: record.courseId, user_id: record.userId, submitted_at: record.submittedAt, late: record.late, auto: record.auto, status: record.status,
    score: record.score, max_score: record.maxScore, penalty: record.penalty, passed: record.passed, items: JSON.stringify(record.items), graded_at: record.gradedAt,
  }).onConflict((oc) => oc.column('id').doNothing()).returning('id').execute();
  return rows.length === 1;
}

export async function findSubmission(tx: Db, tenantId: string, id: string): Promise<SubmissionRecord | undefined> {
  const row = await tx.selectFrom('assessment.submissions').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toSubmission(row) : undefined;
}

export async function submissionsOfExam(tx: Db, tenantId: string, examId: string, limit: number, after?: string): Promise<SubmissionRecord[]> {
  let query = tx.selectFrom('assessment.submissions').selectAll().where('tenant_id', '=', tenantId).where('exam_id', '=', examId).orderBy('id').limit(limit);
  if (after) query = query.where('id', '>', after);
  return (await query.execute()).map(toSubmission);
}

export async function submissionsOfUser(tx: Db, tenantId: string, userId: string, limit: number): Promise<SubmissionRecord[]> {
  const rows = await tx.selectFrom('assessment.submissions').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId)
    .orderBy('submitted_at', 'desc').limit(limit).execute();
  return rows.map(toSubmission);
}

type Row = { [K in keyof SubmissionsTable]: SubmissionsTable[K] extends { __select__: infer S } ? S : SubmissionsTable[K] };

function toSubmission(row: Row | Record<string, unknown>): SubmissionRecord {
  const r = row as Record<string, unknown>;
  return {
    id: r.id as string, tenantId: r.tenant_id as string, attemptId: r.attempt_id as string, examId: r.exam_id as string, examVersion: r.exam_version as number,
    courseId: r.course_id as string, userId: r.user_id as string, submittedAt: new Date(r.submitted_at as string), late: r.late as boolean, auto: r.auto as boolean,
    status: r.status as SubmissionRecord['status'], score: Number(r.score), maxScore: Number(r.max_score), penalty: Number(r.penalty),
    passed: r.passed as boolean | null, items: r.items as SlotOutcome[], gradedAt: new Date(r.graded_at as string), gradingRound: Number(r.grading_round),
  };
}
