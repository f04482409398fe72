import type { Tx } from '@tessera/platform';
import type { BillingDatabase, CoursesTable, EnrollmentsTable } from './billing.table.js';

type Db = Tx<BillingDatabase>;

export async function upsertCourse(tx: Db, row: CoursesTable): Promise<void> {
  await tx.insertInto('billing.courses').values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'course_id']).doUpdateSet({ title: row.title, published_by: row.published_by })).execute();
}

export async function findCourse(tx: Db, tenantId: string, courseId: string): Promise<CoursesTable | undefined> {
  return tx.selectFrom('billing.courses').selectAll().where('tenant_id', '=', tenantId).where('course_id', '=', courseId).executeTakeFirst();
}

export async function upsertEnrollment(tx: Db, row: EnrollmentsTable): Promise<void> {
  await tx.insertInto('billing.enrollments').values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'enrollment_id']).doUpdateSet({ status: row.status, price_ref: row.price_ref })).execute();
}

export async function findEnrollment(tx: Db, tenantId: string, enrollmentId: string): Promise<EnrollmentsTable | undefined> {
  return tx.selectFrom('billing.enrollments').selectAll().where('tenant_id', '=', tenantId).where('enrollment_id', '=', enrollmentId).executeTakeFirst();
}

/** True when the user holds a live place in the course (its lessons are theirs without buying them). */
export async function hasLivePlace(tx: Db, tenantId: string, userId: string, courseId: string): Promise<boolean> {
  const row = await tx.selectFrom('billing.enrollments').select('enrollment_id')
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('course_id', '=', courseId).where('status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}
