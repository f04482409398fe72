import type { Tx } from '@tessera/platform';
import type { EnrollmentStatus } from '../contract/schemas.js';
import { addSeconds } from '../domain/progress.js';
import type { EnrollmentDatabase } from './enrollment.table.js';
import { waitlistPosition } from './enrollment.repository.js';

type Db = Tx<EnrollmentDatabase>;

/** A report about one lesson: time spent since the last report, and whether it is now complete. */
export interface LessonReport {
  seconds: number;
  complete: boolean;
  at: Date;
}

/**
 * Records a report on a lesson (call with the enrollment row locked): starts the lesson if needed, adds the
 * time, and completes it once. Returns whether this report completed it (false when it already was).
 */
export async function recordLessonReport(tx: Db, tenantId: string, enrollmentId: string, lessonId: string, report: LessonReport): Promise<{ completedNow: boolean }> {
  const existing = await tx.selectFrom('enrollment.lesson_progress').select(['completed_at', 'seconds_spent'])
    .where('tenant_id', '=', tenantId).where('enrollment_id', '=', enrollmentId).where('lesson_id', '=', lessonId)
    .executeTakeFirst();
  const completedAt = existing?.completed_at ?? (report.complete ? report.at : null);
  const seconds = addSeconds(existing?.seconds_spent ?? 0, report.seconds);
  if (!existing) {
    await tx.insertInto('enrollment.lesson_progress').values({
      tenant_id: tenantId, enrollment_id: enrollmentId, lesson_id: lessonId, started_at: report.at, completed_at: completedAt, seconds_spent: seconds,
    }).execute();
  } else {
    await tx.updateTable('enrollment.lesson_progress').set({ completed_at: completedAt, seconds_spent: seconds })
      .where('tenant_id', '=', tenantId).where('enrollment_id', '=', enrollmentId).where('lesson_id', '=', lessonId).execute();
  }
  return { completedNow: report.complete && !existing?.completed_at };
}

/** Every lesson progress row of an enrollment. */
export async function progressOf(tx: Db, tenantId: string, enrollmentId: string) {
  return tx.selectFrom('enrollment.lesson_progress').select(['lesson_id', 'started_at', 'completed_at', 'seconds_spent'])
    .where('tenant_id', '=', tenantId).where('enrollment_id', '=', enrollmentId).execute();
}

/** How many lessons of the enrollment are complete. */
export async function countCompleted(tx: Db, tenantId: string, enrollmentId: string): Promise<number> {
  const row = await tx.selectFrom('enrollment.lesson_progress').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId).where('enrollment_id', '=', enrollmentId).where('completed_at', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Keyset position in a list ordered by (requested_at, id). */
export interface ListAfter {
  requestedAt: string;
  id: string;
}

/** Enrollments with course title and progress summary: the base of `GET /me/courses` and the roster. */
function summaries(tx: Db, tenantId: string) {
  return tx.selectFrom('enrollment.enrollments as e')
    .innerJoin('enrollment.course_versions as v', (join) => join
      .onRef('v.tenant_id', '=', 'e.tenant_id').onRef('v.course_id', '=', 'e.course_id').onRef('v.version', '=', 'e.course_version'))
    .select(['e.id', 'e.course_id', 'e.user_id', 'e.course_version', 'e.status', 'e.requested_at', 'e.last_lesson_id', 'e.last_activity_at',
      'v.title', 'v.lesson_count', 'v.modules'])
    .select(waitlistPosition)
    .select((eb) => [
      eb.selectFrom('enrollment.lesson_progress as p').select((p) => p.fn.countAll<number>().as('n'))
        .whereRef('p.tenant_id', '=', 'e.tenant_id').whereRef('p.enrollment_id', '=', 'e.id').where('p.completed_at', 'is not', null)
        .as('completed_lessons'),
      eb.selectFrom('enrollment.lesson_progress as p').select((p) => p.fn.coalesce(p.fn.sum<number>('p.seconds_spent'), p.val(0)).as('s'))
        .whereRef('p.tenant_id', '=', 'e.tenant_id').whereRef('p.enrollment_id', '=', 'e.id')
        .as('seconds_spent'),
    ])
    .where('e.tenant_id', '=', tenantId);
}

/** A page (plus one row) of the student's enrollments, newest first. */
export async function listOfUser(tx: Db, tenantId: string, userId: string, limit: number, after?: ListAfter, status?: EnrollmentStatus) {
  let query = summaries(tx, tenantId).where('e.user_id', '=', userId);
  if (status) query = query.where('e.status', '=', status);
  if (after) {
    const at = new Date(after.requestedAt);
    query = query.where((eb) => eb.or([eb('e.requested_at', '<', at), eb.and([eb('e.requested_at', '=', at), eb('e.id', '<', after.id)])]));
  }
  return query.orderBy('e.requested_at', 'desc').orderBy('e.id', 'desc').limit(limit + 1).execute();
}

/** A page (plus one row) of a course's roster, in the order students enrolled. */
export async function listOfCourse(tx: Db, tenantId: string, courseId: string, limit: number, after?: ListAfter, status?: EnrollmentStatus) {
  let query = summaries(tx, tenantId).where('e.course_id', '=', courseId);
  if (status) query = query.where('e.status', '=', status);
  if (after) {
    const at = new Date(after.requestedAt);
    query = query.where((eb) => eb.or([eb('e.requested_at', '>', at), eb.and([eb('e.requested_at', '=', at), eb('e.id', '>', after.id)])]));
  }
  return query.orderBy('e.requested_at', 'asc').orderBy('e.id', 'asc').limit(limit + 1).execute();
}

/** One row of `listOfUser` / `listOfCourse`. */
export type SummaryRow = Awaited<ReturnType<typeof listOfUser>>[number];
