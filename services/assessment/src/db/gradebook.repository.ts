import type { Tx } from '@tessera/platform';
import type { ExamCategory } from '../contract/exams.js';
import type { CategoryRule } from '../domain/gradebook.js';
import type { AssessmentDatabase, SubmissionsTable } from './assessment.table.js';

type Db = Tx<AssessmentDatabase>;

/** A course's stored grading scheme. */
export interface StoredScheme {
  categories: CategoryRule[];
  version: number;
  updatedBy: string | null;
  updatedAt: Date;
}

export async function findScheme(tx: Db, tenantId: string, courseId: string): Promise<StoredScheme | undefined> {
  const row = await tx.selectFrom('assessment.grading_schemes').select(['categories', 'version', 'updated_by', 'updated_at'])
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).executeTakeFirst();
  return row ? { categories: row.categories as CategoryRule[], version: row.version, updatedBy: row.updated_by, updatedAt: new Date(row.updated_at) } : undefined;
}

/**
 * Stores a course's scheme when it is still at `expectedVersion` (0: none stored yet); the new version, or
 * undefined when another change came first.
 */
export async function saveScheme(tx: Db, tenantId: string, courseId: string, categories: readonly CategoryRule[], expectedVersion: number, updatedBy: string | null): Promise<number | undefined> {
  const json = JSON.stringify(categories);
  if (expectedVersion === 0) {
    const rows = await tx.insertInto('assessment.grading_schemes').values({ tenant_id: tenantId, course_id: courseId, categories: json, updated_by: updatedBy })
      .onConflict((oc) => oc.columns(['tenant_id', 'course_id']).doNothing()).returning('version').execute();
    return rows[0]?.version;
  }
  const row = await tx.updateTable('assessment.grading_schemes').set((eb) => ({ categories: json, updated_by: updatedBy, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('version', '=', expectedVersion).returning('version').executeTakeFirst();
  return row?.version;
}

/** An exam of the course as a gradebook column, with its hand release. */
export interface GradebookExam {
  id: string;
  title: string;
  category: ExamCategory;
  resultsReleasedAt: Date | null;
}

/** The columns of a course's gradebook: its exams that were ever published (drafts have no results), oldest first. */
export async function gradebookExams(tx: Db, tenantId: string, courseId: string): Promise<GradebookExam[]> {
  const rows = await tx.selectFrom('assessment.exams').select(['id', 'title', 'category', 'results_released_at'])
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('published_version', 'is not', null)
    .orderBy('created_at').orderBy('id').limit(500).execute();
  return rows.map((r) => ({ id: r.id, title: r.title, category: r.category as ExamCategory, resultsReleasedAt: r.results_released_at ? new Date(r.results_released_at) : null }));
}

/** A page of the course's students (anyone with a submission), by user id. */
export async function gradebookStudents(tx: Db, tenantId: string, courseId: string, limit: number, after?: string): Promise<string[]> {
  let query = tx.selectFrom('assessment.submissions').select('user_id').distinct()
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).orderBy('user_id').limit(limit);
  if (after) query = query.where('user_id', '>', after);
  return (await query.execute()).map((r) => r.user_id);
}

/** What the gradebook reads of a submission. */
export interface SubmissionScore {
  userId: string;
  examId: string;
  examVersion: number;
  status: SubmissionsTable['status'];
  score: number;
  maxScore: number;
}

/** The submissions of some students in a course's exams. */
export async function courseSubmissionsOf(tx: Db, tenantId: string, courseId: string, userIds: readonly string[]): Promise<SubmissionScore[]> {
  if (userIds.length === 0) return [];
  const rows = await tx.selectFrom('assessment.submissions').select(['user_id', 'exam_id', 'exam_version', 'status', 'score', 'max_score'])
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('user_id', 'in', [...userIds]).execute();
  return rows.map((r) => ({ userId: r.user_id, examId: r.exam_id, examVersion: r.exam_version, status: r.status, score: Number(r.score), maxScore: Number(r.max_score) }));
}
