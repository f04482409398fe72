import { sql } from 'kysely';
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
  /** Adaptive exams: the ability estimate the score comes from. */
  ability?: { theta: number; standardError: number } | null;
}

/**
 * Writes a result keyed by its submission id; false when it exists already (a redelivery: nothing changes).
 * `answers` (per slot, what was graded) is kept for regrades.
 */
export async function insertSubmission(tx: Db, record: Omit<SubmissionRecord, 'gradingRound'>, answers?: Readonly<Record<string, unknown>>): Promise<boolean> {
  const rows = await tx.insertInto('assessment.submissions').values({
    id: record.id, tenant_id: record.tenantId, attempt_id: record.attemptId, exam_id: record.examId, exam_version: record.examVersion,
    course_id: record.courseId, user_id: record.userId, submitted_at: record.submittedAt, late: record.late, auto: record.auto, status: record.status,
    score: record.score, max_score: record.maxScore, penalty: record.penalty, passed: record.passed, items: JSON.stringify(record.items), graded_at: record.gradedAt,
    answers: answers === undefined ? null : JSON.stringify(answers), ability: record.ability ? JSON.stringify(record.ability) : null,
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

/** A submission with the answers it was graded with (null when they were not kept). */
export interface SubmissionWithAnswers {
  record: SubmissionRecord;
  answers: Record<string, unknown> | null;
}

/**
 * A page (by id) of an exam's submissions that have a slot with `itemId`, locked for a regrade. The page
 * is the submissions' ids in order, so the caller's cursor moves on whatever it decides about each.
 */
export async function lockSubmissionsWithItem(tx: Db, tenantId: string, examId: string, itemId: string, limit: number, after?: string): Promise<SubmissionWithAnswers[]> {
  let query = tx.selectFrom('assessment.submissions').selectAll().where('tenant_id', '=', tenantId).where('exam_id', '=', examId)
    .where(sql<boolean>`items @> ${JSON.stringify([{ itemId }])}::jsonb`).orderBy('id').limit(limit).forUpdate();
  if (after) query = query.where('id', '>', after);
  const rows = await query.execute();
  return rows.map((row) => ({ record: toSubmission(row), answers: row.answers }));
}

/** Stores a regraded result: the outcomes, totals and grading time, with the grading round raised by one. */
export async function updateRegradedSubmission(tx: Db, record: Omit<SubmissionRecord, 'gradingRound'>): Promise<number> {
  const row = await tx.updateTable('assessment.submissions').set((eb) => ({
    status: record.status, score: record.score, max_score: record.maxScore, penalty: record.penalty, passed: record.passed,
    items: JSON.stringify(record.items), graded_at: record.gradedAt, grading_round: eb('grading_round', '+', 1),
    ...(record.ability ? { ability: JSON.stringify(record.ability) } : {}),
  })).where('tenant_id', '=', record.tenantId).where('id', '=', record.id).returning('grading_round').executeTakeFirstOrThrow();
  return Number(row.grading_round);
}

/** A submission locked for a change by hand (a person grading an essay), with the answers it was graded with. */
export async function lockSubmission(tx: Db, tenantId: string, id: string): Promise<{ record: SubmissionRecord; answers: Record<string, unknown> | null } | undefined> {
  const row = await tx.selectFrom('assessment.submissions').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
  return row ? { record: toSubmission(row), answers: row.answers } : undefined;
}

type Row = { [K in keyof SubmissionsTable]: SubmissionsTable[K] extends { __select__: infer S } ? S : SubmissionsTable[K] };

function toSubmission(row: Row | Record<string, unknown>): SubmissionRecord {
  const r = row as Record<string, unknown>;
  return {
    id: r.id as string, tenantId: r.tenant_id as string, attemptId: r.attempt_id as string, examId: r.exam_id as string, examVersion: r.exam_version as number,
    courseId: r.course_id as string, userId: r.user_id as string, submittedAt: new Date(r.submitted_at as string), late: r.late as boolean, auto: r.auto as boolean,
    status: r.status as SubmissionRecord['status'], score: Number(r.score), maxScore: Number(r.max_score), penalty: Number(r.penalty),
    passed: r.passed as boolean | null, items: r.items as SlotOutcome[], gradedAt: new Date(r.graded_at as string), gradingRound: Number(r.grading_round),
    ability: (r.ability as SubmissionRecord['ability']) ?? null,
  };
}
