import type { Tx } from '@tessera/platform';
import { sql } from 'kysely';
import type { Course, CreateCourseBody, UpdateCourseBody } from '../contract/index.js';
import type { CatalogDatabase, CourseRow } from './catalog.table.js';

type Db = Tx<CatalogDatabase>;
const columns = ['id', 'title', 'summary', 'category', 'language', 'level', 'tags', 'price_ref', 'visibility', 'status', 'version',
  'published_version', 'submitted_by', 'submitted_at', 'reviewed_by', 'reviewed_at', 'created_at', 'updated_at'] as const;
type CourseColumns = Pick<CourseRow, (typeof columns)[number]>;

/** Inserts a draft course with its first instructor. */
export async function insertCourse(tx: Db, tenantId: string, id: string, body: CreateCourseBody, instructorId: string | null): Promise<Course> {
  await tx.insertInto('catalog.courses').values({
    id, tenant_id: tenantId, title: body.title, summary: body.summary ?? '', category: body.category ?? null,
    language: body.language ?? 'en', level: body.level ?? 'beginner', tags: body.tags ?? [], price_ref: body.priceRef ?? null,
    visibility: body.visibility ?? 'tenant',
  }).execute();
  if (instructorId) await addInstructor(tx, tenantId, id, instructorId);
  return (await findCourse(tx, tenantId, id, false))!;
}

/** A course draft with its instructors; `lock` takes the row lock a change of its tree needs. */
export async function findCourse(tx: Db, tenantId: string, id: string, lock: boolean): Promise<Course | undefined> {
  let query = tx.selectFrom('catalog.courses').select([...columns]).where('tenant_id', '=', tenantId).where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return toCourse(row, await instructorsOf(tx, tenantId, id));
}

/** The courses one co-authors (or all, for `userId` null), newest first, after the cursor (createdAt, id). */
export async function listDraftCourses(
  tx: Db, tenantId: string, options: { userId: string | null; status?: string | undefined; limit: number; after?: { createdAt: string; id: string } | undefined },
): Promise<Array<CourseColumns>> {
  let query = tx.selectFrom('catalog.courses as c').select(columns.map((c) => `c.${c}` as const))
    .where('c.tenant_id', '=', tenantId).orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(options.limit);
  if (options.userId) {
    const userId = options.userId;
    query = query.where((eb) => eb.exists(eb.selectFrom('catalog.course_instructors as i').select('i.user_id')
      .whereRef('i.course_id', '=', 'c.id').where('i.user_id', '=', userId)));
  }
  if (options.status) query = query.where('c.status', '=', options.status as CourseRow['status']);
  const after = options.after;
  if (after) {
    query = query.where((eb) => eb.or([
      eb('c.created_at', '<', new Date(after.createdAt)),
      eb.and([eb('c.created_at', '=', new Date(after.createdAt)), eb('c.id', '<', after.id)]),
    ]));
  }
  return query.execute();
}

/** Changes course fields if the stored version is `expectedVersion`; returns false on a stale version. */
export async function updateCourseFields(tx: Db, tenantId: string, id: string, changes: UpdateCourseBody, expectedVersion: number): Promise<boolean> {
  const result = await tx.updateTable('catalog.courses').set((eb) => ({
    ...(changes.title !== undefined && { title: changes.title }),
    ...(changes.summary !== undefined && { summary: changes.summary }),
    ...(changes.category !== undefined && { category: changes.category }),
    ...(changes.language !== undefined && { language: changes.language }),
    ...(changes.level !== undefined && { level: changes.level }),
    ...(changes.tags !== undefined && { tags: changes.tags }),
    ...(changes.priceRef !== undefined && { price_ref: changes.priceRef }),
    ...(changes.visibility !== undefined && { visibility: changes.visibility }),
    version: eb('version', '+', 1),
    status: sql<CourseRow['status']>`case when status = 'published' then 'draft' else status end`,
    updated_at: new Date(),
  })).where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records that the course's tree changed: its version moves on, and a published course becomes a draft
 * again (students keep reading the published version until the next publish).
 */
export async function touchCourse(tx: Db, tenantId: string, id: string): Promise<void> {
  await tx.updateTable('catalog.courses').set((eb) => ({
    version: eb('version', '+', 1),
    status: sql<CourseRow['status']>`case when status = 'published' then 'draft' else status end`,
    updated_at: new Date(),
  })).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Moves a course through the review workflow (the caller checked the transition and the version). */
export async function setCourseStatus(
  tx: Db, tenantId: string, id: string,
  change: { status: CourseRow['status']; publishedVersion?: number; submittedBy?: string | null; reviewedBy?: string | null },
): Promise<void> {
  const now = new Date();
  await tx.updateTable('catalog.courses').set((eb) => ({
    status: change.status,
    version: eb('version', '+', 1),
    updated_at: now,
    ...(change.publishedVersion !== undefined && { published_version: change.publishedVersion }),
    ...(change.submittedBy !== undefined && { submitted_by: change.submittedBy, submitted_at: now }),
    ...(change.reviewedBy !== undefined && { reviewed_by: change.reviewedBy, reviewed_at: now }),
  })).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function instructorsOf(tx: Db, tenantId: string, courseId: string): Promise<string[]> {
  const rows = await tx.selectFrom('catalog.course_instructors').select('user_id')
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).orderBy('added_at').orderBy('user_id').execute();
  return rows.map((r) => r.user_id);
}

export async function addInstructor(tx: Db, tenantId: string, courseId: string, userId: string): Promise<void> {
  await tx.insertInto('catalog.course_instructors').values({ tenant_id: tenantId, course_id: courseId, user_id: userId })
    .onConflict((oc) => oc.doNothing()).execute();
}

export async function removeInstructor(tx: Db, tenantId: string, courseId: string, userId: string): Promise<boolean> {
  const result = await tx.deleteFrom('catalog.course_instructors')
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Maps a row to the API's course draft. */
export function toCourse(row: CourseColumns, instructors: string[]): Course {
  return {
    id: row.id, title: row.title, summary: row.summary, category: row.category, language: row.language, level: row.level,
    tags: row.tags, priceRef: row.price_ref, visibility: row.visibility, status: row.status, version: row.version,
    publishedVersion: row.published_version, instructors,
    submittedBy: row.submitted_by, submittedAt: row.submitted_at?.toISOString() ?? null,
    reviewedBy: row.reviewed_by, reviewedAt: row.reviewed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
  };
}
