import { randomUUID } from 'node:crypto';
import { AppError, type Tx } from '@tessera/platform';
import { EnrollmentEvents } from '../contract/events.js';
import type { Enrollment, EnrollmentStatus } from '../contract/schemas.js';
import { assertTransition } from '../domain/enrollment-status.js';
import { findCourseVersion, lockCourse, nextWaitlistSeq } from '../db/course.repository.js';
import { countSeats, findEnrollment, findLiveEnrollment, insertEnrollment, toEnrollment } from '../db/enrollment.repository.js';
import type { CourseRow, EnrollmentDatabase } from '../db/enrollment.table.js';
import type { EnrollmentDeps } from './deps.js';
import { alreadyEnrolled, courseNotFound } from './errors.js';
import { settleSeats } from './seats.js';
import { emitStatus, fieldsEntering } from './transitions.js';
import { assertEnrollable } from './users.js';

type Db = Tx<EnrollmentDatabase>;

/** Who is enrolled where, and by whom (null: the student themselves, or an API key acting for staff). */
export interface EnrollCommand {
  courseId: string;
  userId: string;
  enrolledBy: string | null;
  /**
   * Staff enroll someone else: complimentary, outside the window allowed, and the user must be known. Defaults
   * to `enrolledBy !== null`; say it explicitly when an API key (no user id) enrolls someone.
   */
  grant?: boolean;
}

/** Enrolls a student in the latest published version of a course (see `enrollLocked`). */
export async function enroll(deps: EnrollmentDeps, tenantId: string, command: EnrollCommand, now = new Date()): Promise<Enrollment> {
  return deps.db.withTenant<EnrollmentDatabase, Enrollment>(tenantId, (tx) => enrollLocked(deps, tx, tenantId, command, now));
}

/**
 * The enrollment decision, under the course's row lock so that seats are counted and taken atomically: two
 * students racing for the last seat are serialised here and exactly one gets it. A full course puts the student
 * on its waitlist if it has one (409 otherwise). A student enrolling themselves must be inside the enrollment
 * window and pays the course's price (pending payment until billing confirms it); staff enrollments are
 * complimentary grants and may be made outside the window. Staff may only enroll users identity announced and
 * did not deactivate (422 otherwise).
 */
export async function enrollLocked(deps: EnrollmentDeps, tx: Db, tenantId: string, command: EnrollCommand, now: Date): Promise<Enrollment> {
  const course = await lockCourse(tx, tenantId, command.courseId);
  if (!course) throw courseNotFound(command.courseId);
  if (course.archived_version !== null && course.archived_version >= course.latest_version) {
    throw new AppError('unprocessable', 'ENROLLMENT.COURSE_ARCHIVED', 'The course is archived and takes no new enrollments');
  }
  const version = await findCourseVersion(tx, tenantId, course.course_id, course.latest_version);
  if (!version) throw courseNotFound(command.courseId);
  const grant = command.grant ?? command.enrolledBy !== null;
  await assertEnrollable(tx, tenantId, command.userId, !grant);
  if (!grant) assertWindowOpen(course, now);
  const existing = await findLiveEnrollment(tx, tenantId, course.course_id, command.userId);
  if (existing) throw alreadyEnrolled(existing.id, existing.status);

  await settleSeats(deps, tx, tenantId, course, now);
  const full = course.capacity !== null && await countSeats(tx, tenantId, course.course_id) >= course.capacity;
  if (full && !course.waitlist_enabled) {
    throw new AppError('conflict', 'ENROLLMENT.COURSE_FULL', 'Every seat of this course is taken and it has no waitlist', { capacity: course.capacity });
  }
  const priceRef = grant ? null : version.price_ref;
  const status: EnrollmentStatus = full ? 'waitlisted' : priceRef ? 'pending_payment' : 'active';
  assertTransition('requested', status);
  const id = randomUUID();
  const seq = status === 'waitlisted' ? await nextWaitlistSeq(tx, tenantId, course.course_id) : null;
  const fields = fieldsEntering(status, now, seq);
  await insertEnrollment(tx, tenantId, {
    id, course_id: course.course_id, user_id: command.userId, course_version: version.version, status, price_ref: priceRef,
    enrolled_by: command.enrolledBy, waitlist_seq: seq, payment_due_at: fields.payment_due_at ?? null, activated_at: fields.activated_at ?? null,
  });
  const created = await findEnrollment(tx, tenantId, id);
  if (!created) throw new Error(`Enrollment ${id} vanished in its own transaction`);
  await emitStatus(deps, tx, tenantId, created, EnrollmentEvents.requested);
  if (status !== 'pending_payment') await emitStatus(deps, tx, tenantId, created);
  return toEnrollment(created, created.waitlist_position);
}

/** A student enrolling themselves must do so between the course's `opensAt` and `closesAt` (422 otherwise). */
function assertWindowOpen(course: CourseRow, now: Date): void {
  const window = { opensAt: course.opens_at?.toISOString() ?? null, closesAt: course.closes_at?.toISOString() ?? null };
  if (course.opens_at && now < course.opens_at) {
    throw new AppError('unprocessable', 'ENROLLMENT.WINDOW_NOT_OPEN', `Enrollment opens at ${window.opensAt}`, window);
  }
  if (course.closes_at && now >= course.closes_at) {
    throw new AppError('unprocessable', 'ENROLLMENT.WINDOW_CLOSED', `Enrollment closed at ${window.closesAt}`, window);
  }
}
