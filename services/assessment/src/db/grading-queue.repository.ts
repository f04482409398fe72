import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { SlotOutcome } from '../contract/attempts.js';
import type { AssessmentDatabase } from './assessment.table.js';

type Db = Tx<AssessmentDatabase>;

/** Where a page of the grading queue ends: the next page continues after this essay. */
export interface QueuePosition {
  submittedAt: Date;
  submissionId: string;
  slot: string;
}

/** An essay waiting for a person, with what the grader needs of its submission. */
export interface WaitingEssay extends QueuePosition {
  attemptId: string;
  userId: string;
  maxScore: number;
  outcome: SlotOutcome | undefined;
  /** The response graded (kept with the submission), else the slot's last autosave (older submissions), else null. */
  response: Record<string, unknown> | null;
}

/** An exam's essays not graded yet, oldest submission first. */
export async function waitingEssays(tx: Db, tenantId: string, examId: string, limit: number, after?: QueuePosition): Promise<WaitingEssay[]> {
  let query = tx.selectFrom('assessment.manual_grades as mg')
    .innerJoin('assessment.submissions as s', (join) => join.onRef('s.id', '=', 'mg.submission_id').onRef('s.tenant_id', '=', 'mg.tenant_id'))
    .leftJoin('assessment.answers as a', (join) => join.onRef('a.attempt_id', '=', 's.attempt_id').onRef('a.slot', '=', 'mg.slot').onRef('a.tenant_id', '=', 's.tenant_id'))
    .select(['mg.submission_id', 'mg.slot', 'mg.max_score', 's.attempt_id', 's.user_id', 's.submitted_at', 's.items', 's.answers', 'a.response as saved'])
    .where('mg.tenant_id', '=', tenantId).where('mg.exam_id', '=', examId).where('mg.graded_at', 'is', null)
    .orderBy('s.submitted_at').orderBy('mg.submission_id').orderBy('mg.slot').limit(limit);
  if (after) query = query.where(sql<boolean>`(s.submitted_at, mg.submission_id, mg.slot) > (${after.submittedAt}::timestamptz, ${after.submissionId}::uuid, ${after.slot})`);
  const rows = await query.execute();
  return rows.map((row) => {
    const kept = row.answers ? (row.answers[row.slot] as Record<string, unknown> | null | undefined) : undefined;
    return {
      submissionId: row.submission_id, slot: row.slot, submittedAt: new Date(row.submitted_at), attemptId: row.attempt_id, userId: row.user_id,
      maxScore: Number(row.max_score), outcome: (row.items as SlotOutcome[]).find((i) => i.slot === row.slot),
      response: kept !== undefined ? kept : (row.saved as Record<string, unknown> | null) ?? null,
    };
  });
}

/** A slot of a submission in manual grading, graded or not. */
export interface ManualGrade {
  submissionId: string;
  slot: string;
  examId: string;
  maxScore: number;
  score: number | null;
  rubricScores: Array<{ criterion: number; points: number }> | null;
  comment: string | null;
  gradedBy: string | null;
  gradedAt: Date | null;
}

export async function findManualGrade(tx: Db, tenantId: string, submissionId: string, slot: string): Promise<ManualGrade | undefined> {
  const row = await tx.selectFrom('assessment.manual_grades').selectAll().where('tenant_id', '=', tenantId)
    .where('submission_id', '=', submissionId).where('slot', '=', slot).executeTakeFirst();
  if (!row) return undefined;
  return {
    submissionId: row.submission_id, slot: row.slot, examId: row.exam_id, maxScore: Number(row.max_score), score: row.score === null ? null : Number(row.score),
    rubricScores: row.rubric_scores as ManualGrade['rubricScores'], comment: row.comment, gradedBy: row.graded_by,
    gradedAt: row.graded_at ? new Date(row.graded_at) : null,
  };
}

/** Records a person's grade of an essay (a regrade replaces the previous one). */
export async function saveManualGrade(tx: Db, tenantId: string, grade: ManualGrade & { score: number; gradedAt: Date }): Promise<void> {
  await tx.updateTable('assessment.manual_grades').set({
    score: grade.score, rubric_scores: JSON.stringify(grade.rubricScores), comment: grade.comment, graded_by: grade.gradedBy, graded_at: grade.gradedAt,
  }).where('tenant_id', '=', tenantId).where('submission_id', '=', grade.submissionId).where('slot', '=', grade.slot).execute();
}
