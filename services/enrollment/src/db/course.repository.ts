import type { Tx } from '@tessera/platform';
import type { CoursePublishedSeen } from '../contract/events.js';
import type { CourseRow, CourseVersionRow, EnrollmentDatabase } from './enrollment.table.js';

type Db = Tx<EnrollmentDatabase>;

/** The course's settings after a change, as `PUT /enrollment-settings` sets them. */
export interface SettingsChange {
  capacity: number | null;
  opensAt: Date | null;
  closesAt: Date | null;
  waitlistEnabled: boolean;
}

/**
 * Stores a published version unless it is already there (a redelivered or re-emitted event changes nothing:
 * a published version is immutable). Returns whether it was new.
 */
export async function insertCourseVersion(tx: Db, tenantId: string, course: CoursePublishedSeen): Promise<boolean> {
  const modules = [...course.modules].sort((a, b) => a.position - b.position);
  const lessons = modules.flatMap((module) => [...module.lessons].sort((a, b) => a.position - b.position)
    .map((lesson) => ({ lesson, moduleId: module.moduleId })));
  const inserted = await tx.insertInto('enrollment.course_versions').values({
    tenant_id: tenantId,
    course_id: course.courseId,
    version: course.version,
    title: course.title,
    price_ref: course.priceRef,
    modules: JSON.stringify(modules.map(({ moduleId, title, position }) => ({ moduleId, title, position }))),
    lesson_count: lessons.length,
    published_at: new Date(course.publishedAt),
  }).onConflict((oc) => oc.doNothing()).returning('version').executeTakeFirst();
  if (!inserted || lessons.length === 0) return inserted !== undefined;
  await tx.insertInto('enrollment.course_lessons').values(lessons.map(({ lesson, moduleId }, ordinal) => ({
    tenant_id: tenantId, course_id: course.courseId, version: course.version, lesson_id: lesson.lessonId,
    module_id: moduleId, title: lesson.title, ordinal,
  }))).onConflict((oc) => oc.doNothing()).execute();
  return true;
}

/** Makes `version` the course's latest unless a newer one was already seen (events may arrive out of order). */
export async function raiseLatestVersion(tx: Db, tenantId: string, courseId: string, version: number): Promise<void> {
  await tx.insertInto('enrollment.courses').values({ tenant_id: tenantId, course_id: courseId, latest_version: version })
    .onConflict((oc) => oc.columns(['tenant_id', 'course_id']).doUpdateSet((eb) => ({
      latest_version: eb.fn('greatest', [eb.ref('enrollment.courses.latest_version'), eb.ref('excluded.latest_version')]),
    }))).execute();
}

/** Records that the course was archived at `version`; a later published version un-archives it. */
export async function recordArchived(tx: Db, tenantId: string, courseId: string, version: number): Promise<void> {
  await tx.insertInto('enrollment.courses').values({ tenant_id: tenantId, course_id: courseId, archived_version: version })
    .onConflict((oc) => oc.columns(['tenant_id', 'course_id']).doUpdateSet((eb) => ({
      archived_version: eb.fn('greatest', [eb.fn.coalesce(eb.ref('enrollment.courses.archived_version'), eb.val(0)), eb.ref('excluded.archived_version')]),
    }))).execute();
}

/** The course's row, locked until the transaction ends: every seat decision of the course holds this lock. */
export async function lockCourse(tx: Db, tenantId: string, courseId: string): Promise<CourseRow | undefined> {
  return tx.selectFrom('enrollment.courses').selectAll()
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('latest_version', '>', 0)
    .forUpdate().executeTakeFirst();
}

/** The course's row when a version of it was published in the tenant. */
export async function findCourse(tx: Db, tenantId: string, courseId: string): Promise<CourseRow | undefined> {
  return tx.selectFrom('enrollment.courses').selectAll()
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('latest_version', '>', 0)
    .executeTakeFirst();
}

export async function findCourseVersion(tx: Db, tenantId: string, courseId: string, version: number): Promise<CourseVersionRow | undefined> {
  return tx.selectFrom('enrollment.course_versions').selectAll()
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('version', '=', version)
    .executeTakeFirst();
}

/** Lessons of a course version in course order. */
export async function lessonsOf(tx: Db, tenantId: string, courseId: string, version: number) {
  return tx.selectFrom('enrollment.course_lessons').select(['lesson_id', 'module_id', 'title'])
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('version', '=', version)
    .orderBy('ordinal').execute();
}

/** True when the lesson belongs to that version of the course. */
export async function hasLesson(tx: Db, tenantId: string, courseId: string, version: number, lessonId: string): Promise<boolean> {
  const row = await tx.selectFrom('enrollment.course_lessons').select('lesson_id')
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('version', '=', version).where('lesson_id', '=', lessonId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Changes the settings if they are still at `expectedVersion`; the new row, or undefined when they moved on. */
export async function updateSettings(tx: Db, tenantId: string, courseId: string, change: SettingsChange, expectedVersion: number): Promise<CourseRow | undefined> {
  return tx.updateTable('enrollment.courses')
    .set((eb) => ({
      capacity: change.capacity, opens_at: change.opensAt, closes_at: change.closesAt, waitlist_enabled: change.waitlistEnabled,
      settings_version: eb('settings_version', '+', 1),
    }))
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('settings_version', '=', expectedVersion)
    .returningAll().executeTakeFirst();
}

/** The next waitlist place of the course (call with the course locked). */
export async function nextWaitlistSeq(tx: Db, tenantId: string, courseId: string): Promise<number> {
  const row = await tx.updateTable('enrollment.courses').set((eb) => ({ waitlist_counter: eb('waitlist_counter', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId)
    .returning('waitlist_counter').executeTakeFirstOrThrow();
  return Number(row.waitlist_counter);
}
