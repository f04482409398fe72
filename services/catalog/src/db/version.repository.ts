import type { Tx } from '@tessera/platform';
import type { PublishedCourse, ReviewEntry } from '../contract/index.js';
import type { CatalogDatabase, ReviewLogTable } from './catalog.table.js';

type Db = Tx<CatalogDatabase>;

/** The highest published version of a course (0 if none). */
export async function latestVersionNumber(tx: Db, tenantId: string, courseId: string): Promise<number> {
  const row = await tx.selectFrom('catalog.course_versions').select((eb) => eb.fn.max('version').as('v'))
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Freezes a published version (rows of this table are never updated). */
export async function insertVersion(tx: Db, tenantId: string, snapshot: PublishedCourse): Promise<void> {
  await tx.insertInto('catalog.course_versions').values({
    tenant_id: tenantId, course_id: snapshot.id, version: snapshot.version, title: snapshot.title,
    snapshot: JSON.stringify(snapshot), published_by: snapshot.publishedBy, published_at: new Date(snapshot.publishedAt),
  }).execute();
}

/** A frozen version of a course. */
export async function findVersion(tx: Db, tenantId: string, courseId: string, version: number): Promise<PublishedCourse | undefined> {
  const row = await tx.selectFrom('catalog.course_versions').select('snapshot')
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('version', '=', version).executeTakeFirst();
  return row ? (row.snapshot as PublishedCourse) : undefined;
}

/** Published versions of a course, newest first, below `before`. */
export async function listVersions(tx: Db, tenantId: string, courseId: string, limit: number, before?: number): Promise<Array<{ version: number; title: string; publishedAt: string; publishedBy: string | null }>> {
  let query = tx.selectFrom('catalog.course_versions').select(['version', 'title', 'published_at', 'published_by'])
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).orderBy('version', 'desc').limit(limit);
  if (before !== undefined) query = query.where('version', '<', before);
  const rows = await query.execute();
  return rows.map((r) => ({ version: r.version, title: r.title, publishedAt: r.published_at.toISOString(), publishedBy: r.published_by }));
}

/** Records a step of the review workflow. */
export async function logReview(tx: Db, tenantId: string, entry: { id: string; courseId: string; action: ReviewLogTable['action']; actorId: string | null; comment: string | null; version: number | null }): Promise<void> {
  await tx.insertInto('catalog.review_log').values({
    id: entry.id, tenant_id: tenantId, course_id: entry.courseId, action: entry.action, actor_id: entry.actorId, comment: entry.comment, version: entry.version,
  }).execute();
}

/** The review history of a course, oldest first. */
export async function reviewLogOf(tx: Db, tenantId: string, courseId: string): Promise<ReviewEntry[]> {
  const rows = await tx.selectFrom('catalog.review_log').selectAll().where('tenant_id', '=', tenantId).where('course_id', '=', courseId)
    .orderBy('seq').limit(1000).execute();
  return rows.map((r) => ({ action: r.action, actorId: r.actor_id, comment: r.comment, version: r.version, at: r.at.toISOString() }));
}

/** Remembers which course published lessons belong to (lessons never change course). */
export async function recordPublishedLessons(tx: Db, tenantId: string, courseId: string, lessonIds: readonly string[]): Promise<void> {
  if (lessonIds.length === 0) return;
  await tx.insertInto('catalog.published_lessons').values(lessonIds.map((lessonId) => ({ tenant_id: tenantId, lesson_id: lessonId, course_id: courseId })))
    .onConflict((oc) => oc.doNothing()).execute();
}

/** The course a published lesson belongs to. */
export async function courseOfPublishedLesson(tx: Db, tenantId: string, lessonId: string): Promise<string | undefined> {
  const row = await tx.selectFrom('catalog.published_lessons').select('course_id').where('tenant_id', '=', tenantId).where('lesson_id', '=', lessonId).executeTakeFirst();
  return row?.course_id;
}
