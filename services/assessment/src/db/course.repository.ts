import type { Tx } from '@tessera/platform';
import type { AssessmentDatabase } from './assessment.table.js';

type Db = Tx<AssessmentDatabase>;

/** Records a published version of a course (the latest only rises; events may come out of order). */
export async function recordCoursePublished(tx: Db, tenantId: string, course: { courseId: string; version: number; title: string }): Promise<void> {
  await tx.insertInto('assessment.courses').values({ tenant_id: tenantId, course_id: course.courseId, title: course.title, latest_version: course.version, archived_version: null })
    .onConflict((oc) => oc.columns(['tenant_id', 'course_id']).doUpdateSet((eb) => ({ title: eb.ref('excluded.title'), latest_version: eb.ref('excluded.latest_version') }))
      .where('assessment.courses.latest_version', '<', (eb) => eb.ref('excluded.latest_version'))).execute();
}

/** Records an archive of the course's version `version` (a later publication brings the course back). */
export async function recordCourseArchived(tx: Db, tenantId: string, courseId: string, version: number | null): Promise<void> {
  await tx.updateTable('assessment.courses').set({ archived_version: version ?? 0 }).where('tenant_id', '=', tenantId).where('course_id', '=', courseId).execute();
}

/** Whether the tenant has (had) the course: archived courses keep their exams and gradebooks. */
export async function courseExists(tx: Db, tenantId: string, courseId: string): Promise<boolean> {
  const row = await tx.selectFrom('assessment.courses').select('course_id').where('tenant_id', '=', tenantId).where('course_id', '=', courseId).executeTakeFirst();
  return row !== undefined;
}
