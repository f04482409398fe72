import type { Database } from '@tessera/platform';
import type { Enrollment } from '../contract/schemas.js';
import { lockCourse } from '../db/course.repository.js';
import { findEnrollment, overduePayments, toEnrollment, type EnrollmentWithPlace } from '../db/enrollment.repository.js';
import type { EnrollmentDatabase } from '../db/enrollment.table.js';
import type { EnrollmentDeps } from './deps.js';
import { enrollmentNotFound } from './errors.js';
import { settleSeats } from './seats.js';
import { moveEnrollment } from './transitions.js';

/**
 * Cancels an enrollment (by its student, or by staff: `mayCancel` is the route's object-level check) and, in the
 * same transaction, gives a freed seat to the first student on the waitlist. The course lock is taken before the
 * enrollment's, in the order every seat decision takes them.
 */
export async function cancelEnrollment(deps: EnrollmentDeps, tenantId: string, id: string, mayCancel: (enrollment: EnrollmentWithPlace) => void, now = new Date()): Promise<Enrollment> {
  return deps.db.withTenant<EnrollmentDatabase, Enrollment>(tenantId, async (tx) => {
    const seen = await findEnrollment(tx, tenantId, id);
    if (!seen) throw enrollmentNotFound(id);
    mayCancel(seen);
    const course = await lockCourse(tx, tenantId, seen.course_id);
    const current = await findEnrollment(tx, tenantId, id, true);
    if (!current) throw enrollmentNotFound(id);
    const cancelled = await moveEnrollment(deps, tx, tenantId, current, 'cancelled', now);
    if (course) await settleSeats(deps, tx, tenantId, course, now);
    return toEnrollment(cancelled, null);
  });
}

/**
 * Activates an enrollment whose payment billing captured. Not reachable over HTTP: the consumer of
 * `billing.payment.captured` will call it once billing exists. An enrollment that is no longer pending payment
 * (it expired, or was cancelled) is refused with 409 so billing can refund.
 */
export async function activatePaid(deps: EnrollmentDeps, tenantId: string, enrollmentId: string, now = new Date()): Promise<Enrollment> {
  return deps.db.withTenant<EnrollmentDatabase, Enrollment>(tenantId, async (tx) => {
    const current = await findEnrollment(tx, tenantId, enrollmentId, true);
    if (!current) throw enrollmentNotFound(enrollmentId);
    return toEnrollment(await moveEnrollment(deps, tx, tenantId, current, 'active', now), null);
  });
}

/**
 * Expires the tenant's unpaid enrollments past their due time and hands their seats to waitlists. Seats are also
 * settled whenever someone enrolls in or leaves a course; this is for a periodic job. Returns how many courses
 * it settled.
 */
export async function expireOverduePayments(deps: EnrollmentDeps & { db: Database }, tenantId: string, now = new Date()): Promise<number> {
  const courses = await deps.db.withTenant<EnrollmentDatabase, string[]>(tenantId, async (tx) =>
    [...new Set((await overduePayments(tx, tenantId, null, now, 1000)).map((row) => row.course_id))]);
  for (const courseId of courses) {
    await deps.db.withTenant<EnrollmentDatabase, void>(tenantId, async (tx) => {
      const course = await lockCourse(tx, tenantId, courseId);
      if (course) await settleSeats(deps, tx, tenantId, course, now);
    });
  }
  return courses.length;
}
