import type { Tx } from '@tessera/platform';
import type { AssessmentDatabase } from './assessment.table.js';

type Db = Tx<AssessmentDatabase>;

/** Records an enrollment's status unless a newer change of it was recorded already. */
export async function recordEnrollment(tx: Db, tenantId: string, seen: { courseId: string; userId: string; status: string; changedAt: Date }): Promise<void> {
  await tx.insertInto('assessment.enrollments').values({
    tenant_id: tenantId, course_id: seen.courseId, user_id: seen.userId, status: seen.status, changed_at: seen.changedAt,
  }).onConflict((oc) => oc.columns(['tenant_id', 'course_id', 'user_id']).doUpdateSet((eb) => ({
    status: eb.ref('excluded.status'), changed_at: eb.ref('excluded.changed_at'),
  })).where('assessment.enrollments.changed_at', '<=', (eb) => eb.ref('excluded.changed_at'))).execute();
}

/** Whether the user may take the course's exams: enrolled and active (or completed: retakes and reviews). */
export async function isEnrolled(tx: Db, tenantId: string, courseId: string, userId: string): Promise<boolean> {
  const row = await tx.selectFrom('assessment.enrollments').select('status')
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('user_id', '=', userId).executeTakeFirst();
  return row?.status === 'active' || row?.status === 'completed';
}
