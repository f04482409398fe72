import type { Tx } from '@tessera/platform';
import type { Exam, ExamVersion } from '../contract/exams.js';
import type { AssessmentDatabase, ExamDefinition, ExamsTable } from './assessment.table.js';

type Db = Tx<AssessmentDatabase>;

export interface NewExam {
  id: string;
  courseId: string;
  title: string;
  category: string;
  definition: ExamDefinition;
  createdBy: string | null;
}

export async function insertExam(tx: Db, tenantId: string, exam: NewExam): Promise<Exam> {
  const row = await tx.insertInto('assessment.exams').values({
    id: exam.id, tenant_id: tenantId, course_id: exam.courseId, title: exam.title, category: exam.category, status: 'draft',
    published_version: null, definition: JSON.stringify(exam.definition), created_by: exam.createdBy,
  }).returningAll().executeTakeFirstOrThrow();
  return toExam(row);
}

export async function findExam(tx: Db, tenantId: string, examId: string, lock = false): Promise<ExamRecord | undefined> {
  let query = tx.selectFrom('assessment.exams').selectAll().where('tenant_id', '=', tenantId).where('id', '=', examId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toExam(row) : undefined;
}

export async function listExams(tx: Db, tenantId: string, courseId: string, publishedOnly: boolean): Promise<Exam[]> {
  let query = tx.selectFrom('assessment.exams').selectAll().where('tenant_id', '=', tenantId).where('course_id', '=', courseId);
  if (publishedOnly) query = query.where('published_version', 'is not', null).where('status', '<>', 'archived');
  return (await query.orderBy('created_at').orderBy('id').limit(500).execute()).map(toExam);
}

/** Replaces the draft when it is still at `expectedVersion`; false when another edit came first. */
export async function updateExamDraft(tx: Db, tenantId: string, examId: string, expectedVersion: number, change: { title: string; category: string; definition: ExamDefinition; status: ExamsTable['status'] }): Promise<boolean> {
  const result = await tx.updateTable('assessment.exams').set((eb) => ({
    title: change.title, category: change.category, definition: JSON.stringify(change.definition), version: eb('version', '+', 1), updated_at: new Date(),
    status: change.status,
  })).where('tenant_id', '=', tenantId).where('id', '=', examId).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setExamStatus(tx: Db, tenantId: string, examId: string, status: ExamsTable['status'], publishedVersion?: number): Promise<void> {
  await tx.updateTable('assessment.exams').set((eb) => ({
    status, updated_at: new Date(), version: eb('version', '+', 1), ...(publishedVersion === undefined ? {} : { published_version: publishedVersion }),
  })).where('tenant_id', '=', tenantId).where('id', '=', examId).execute();
}

export async function insertExamVersion(tx: Db, tenantId: string, version: ExamVersion, publishedBy: string | null): Promise<void> {
  await tx.insertInto('assessment.exam_versions').values({
    tenant_id: tenantId, exam_id: version.examId, version: version.version, definition: JSON.stringify(version) as never,
    published_at: new Date(version.publishedAt), published_by: publishedBy,
  }).execute();
}

export async function findExamVersion(tx: Db, tenantId: string, examId: string, version: number): Promise<ExamVersion | undefined> {
  const row = await tx.selectFrom('assessment.exam_versions').select('definition')
    .where('tenant_id', '=', tenantId).where('exam_id', '=', examId).where('version', '=', version).executeTakeFirst();
  return row ? (row.definition as unknown as ExamVersion) : undefined;
}

/** An exam with when its results and feedback were released by hand (null: not, or not by hand). */
export type ExamRecord = Exam & { resultsReleasedAt: string | null; feedbackReleasedAt: string | null };

function toExam(row: { id: string; course_id: string; title: string; category: string; status: ExamsTable['status']; version: number; published_version: number | null; definition: ExamDefinition; results_released_at: Date | null; feedback_released_at: Date | null; created_by: string | null; created_at: Date; updated_at: Date }): ExamRecord {
  return {
    id: row.id, courseId: row.course_id, title: row.title, category: row.category as Exam['category'], status: row.status, version: row.version,
    publishedVersion: row.published_version, settings: row.definition.settings, sections: row.definition.sections, createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(), updatedAt: new Date(row.updated_at).toISOString(),
    resultsReleasedAt: row.results_released_at ? new Date(row.results_released_at).toISOString() : null,
    feedbackReleasedAt: row.feedback_released_at ? new Date(row.feedback_released_at).toISOString() : null,
  };
}

/** Releases an exam's results (and feedback) to students now. */
export async function releaseExam(tx: Db, tenantId: string, examId: string, what: { results: boolean; feedback: boolean }): Promise<void> {
  const now = new Date();
  await tx.updateTable('assessment.exams').set({
    ...(what.results || what.feedback ? { results_released_at: now } : {}), ...(what.feedback ? { feedback_released_at: now } : {}),
  }).where('tenant_id', '=', tenantId).where('id', '=', examId).execute();
}
