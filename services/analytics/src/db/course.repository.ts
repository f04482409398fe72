import type { Tx } from '@tessera/platform';
import type { AnalyticsDatabase } from './analytics.table.js';

type Db = Tx<AnalyticsDatabase>;

export async function upsertCourse(tx: Db, tenantId: string, courseId: string, title: string): Promise<void> {
  await tx.insertInto('analytics.courses').values({ tenant_id: tenantId, course_id: courseId, title })
    .onConflict((oc) => oc.columns(['tenant_id', 'course_id']).doUpdateSet({ title })).execute();
}

/** Which of `courseIds` the tenant has published. */
export async function knownCourses(tx: Db, tenantId: string, courseIds: readonly string[]): Promise<Set<string>> {
  if (courseIds.length === 0) return new Set();
  const rows = await tx.selectFrom('analytics.courses').select('course_id').where('tenant_id', '=', tenantId).where('course_id', 'in', courseIds).execute();
  return new Set(rows.map((row) => row.course_id));
}
