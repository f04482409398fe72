import { isAppError, type Logger, type Tx } from '@tessera/platform';
import { findCourse, lessonsOf } from '../db/course.repository.js';
import { findEnrollment } from '../db/enrollment.repository.js';
import type { EnrollmentDatabase, PlannedEnrollmentRow } from '../db/enrollment.table.js';
import { findUsersByEmail } from '../db/user.repository.js';
import { emailKey } from '../domain/email.js';
import type { EnrollmentDeps } from './deps.js';
import { enrollLocked } from './enroll.js';
import { applyLessonReport } from './lesson-progress.js';

type Db = Tx<EnrollmentDatabase>;

/** An enrollment to make once both its user (by email) and its course are known here. */
export interface PlannedEnrollment {
  courseId: string;
  email: string;
  enrolledBy: string;
  /** How many of the course's first lessons to record as completed. */
  completedLessons: number;
}

// Plans fulfilled per call; a tenant never has many (the demo seed plans one).
const MAX_PLANS = 50;

/** Remembers a planned enrollment (planning the same one again changes nothing). */
export async function planEnrollment(deps: EnrollmentDeps, tenantId: string, plan: PlannedEnrollment): Promise<void> {
  await deps.db.withTenant<EnrollmentDatabase, void>(tenantId, async (tx) => {
    await tx.insertInto('enrollment.planned_enrollments').values({
      tenant_id: tenantId, course_id: plan.courseId, email_key: emailKey(plan.email), enrolled_by: plan.enrolledBy, completed_lessons: plan.completedLessons,
    }).onConflict((oc) => oc.doNothing()).execute();
  });
}

/**
 * Makes the tenant's planned enrollments whose user and course are now known, each in a transaction of its own,
 * and forgets them. Called after the consumers learn a user or a course, and by the demo seed. A plan the
 * enrollment rules refuse (course full, user deactivated) is dropped with a warning; one whose user already has
 * an enrollment in the course, in any status, is dropped silently (a re-run seed does not re-enroll someone
 * who cancelled). Returns how many plans it settled.
 */
export async function fulfilPlans(deps: EnrollmentDeps & { logger: Logger }, tenantId: string, now = new Date()): Promise<number> {
  const plans = await deps.db.withTenant<EnrollmentDatabase, PlannedEnrollmentRow[]>(tenantId, (tx) =>
    tx.selectFrom('enrollment.planned_enrollments').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').limit(MAX_PLANS).execute());
  let settled = 0;
  for (const plan of plans) {
    try {
      if (await deps.db.withTenant<EnrollmentDatabase, boolean>(tenantId, (tx) => fulfil(deps, tx, plan, now))) settled += 1;
    } catch (error) {
      if (!isAppError(error)) throw error;
      deps.logger.warn({ tenantId, courseId: plan.course_id, code: error.code }, `planned enrollment dropped: ${error.message}`);
      await deps.db.withTenant<EnrollmentDatabase, boolean>(tenantId, (tx) => forget(tx, plan));
      settled += 1;
    }
  }
  return settled;
}

/** Enrolls and records the planned progress if the user and course are known; false when still waiting. */
async function fulfil(deps: EnrollmentDeps, tx: Db, plan: PlannedEnrollmentRow, now: Date): Promise<boolean> {
  const tenantId = plan.tenant_id;
  const user = (await findUsersByEmail(tx, tenantId, [plan.email_key])).get(plan.email_key);
  if (!user || user.status !== 'active' || !await findCourse(tx, tenantId, plan.course_id)) return false;
  const forgotten = await forget(tx, plan);
  // Another process fulfilled it meanwhile.
  if (!forgotten) return false;
  const earlier = await tx.selectFrom('enrollment.enrollments').select('id')
    .where('tenant_id', '=', tenantId).where('course_id', '=', plan.course_id).where('user_id', '=', user.user_id).executeTakeFirst();
  if (earlier) return true;
  const created = await enrollLocked(deps, tx, tenantId, { courseId: plan.course_id, userId: user.user_id, enrolledBy: plan.enrolled_by }, now);
  let enrollment = await findEnrollment(tx, tenantId, created.id, true);
  if (!enrollment || enrollment.status !== 'active') return true;
  const lessons = await lessonsOf(tx, tenantId, plan.course_id, enrollment.course_version);
  for (const lesson of lessons.slice(0, plan.completed_lessons)) {
    enrollment = { ...enrollment, ...await applyLessonReport(deps, tx, tenantId, enrollment, lesson.lesson_id, { complete: true, seconds: 0 }, now) };
  }
  return true;
}

async function forget(tx: Db, plan: PlannedEnrollmentRow): Promise<boolean> {
  const deleted = await tx.deleteFrom('enrollment.planned_enrollments')
    .where('tenant_id', '=', plan.tenant_id).where('course_id', '=', plan.course_id).where('email_key', '=', plan.email_key)
    .returning('course_id').executeTakeFirst();
  return deleted !== undefined;
}
