import type { Tx } from '@tessera/platform';
import type { AdaptiveDatabase } from './adaptive.table.js';

type Db = Tx<AdaptiveDatabase>;

/** A published exam as adaptive knows it. */
export interface ExamRecord {
  examId: string;
  courseId: string;
  version: number;
  title: string;
  opensAt: Date | null;
  closesAt: Date | null;
  itemIds: string[];
}

/** Keeps the newest version of an exam; an older or repeated announcement changes nothing. */
export async function recordExam(tx: Db, tenantId: string, exam: ExamRecord): Promise<void> {
  const values = { course_id: exam.courseId, version: exam.version, title: exam.title, opens_at: exam.opensAt, closes_at: exam.closesAt, item_ids: exam.itemIds };
  await tx.insertInto('adaptive.exams').values({ tenant_id: tenantId, exam_id: exam.examId, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'exam_id']).doUpdateSet(values).where('adaptive.exams.version', '<', exam.version)).execute();
}

/** An exam of the course, or undefined. */
export async function examOfCourse(tx: Db, tenantId: string, courseId: string, examId: string): Promise<ExamRecord | undefined> {
  const row = await tx.selectFrom('adaptive.exams').selectAll().where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('exam_id', '=', examId).executeTakeFirst();
  return row ? toExam(row) : undefined;
}

/** The course's next exam: the one closing soonest among those not closed yet (exams without a closing time last). */
export async function upcomingExam(tx: Db, tenantId: string, courseId: string, now: Date): Promise<ExamRecord | undefined> {
  const row = await tx.selectFrom('adaptive.exams').selectAll().where('tenant_id', '=', tenantId).where('course_id', '=', courseId)
    .where((eb) => eb.or([eb('closes_at', 'is', null), eb('closes_at', '>', now)]))
    .orderBy((eb) => eb.fn.coalesce('closes_at', 'opens_at'), (ob) => ob.asc().nullsLast()).orderBy('exam_id').limit(1).executeTakeFirst();
  return row ? toExam(row) : undefined;
}

function toExam(row: { exam_id: string; course_id: string; version: number; title: string; opens_at: Date | null; closes_at: Date | null; item_ids: string[] }): ExamRecord {
  return {
    examId: row.exam_id, courseId: row.course_id, version: row.version, title: row.title,
    opensAt: row.opens_at ? new Date(row.opens_at) : null, closesAt: row.closes_at ? new Date(row.closes_at) : null, itemIds: row.item_ids,
  };
}
