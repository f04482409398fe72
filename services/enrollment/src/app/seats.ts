import type { Tx } from '@tessera/platform';
import { countSeats, firstWaitlisted, overduePayments } from '../db/enrollment.repository.js';
import type { CourseRow, EnrollmentDatabase } from '../db/enrollment.table.js';
import type { EnrollmentDeps } from './deps.js';
import { moveEnrollment } from './transitions.js';

type Db = Tx<EnrollmentDatabase>;

// Bounds of one settling pass; a course with more overdue or waitlisted enrollments is settled over several.
const MAX_PER_PASS = 1000;

/**
 * Brings a course's seats up to date; call with the course row locked (`lockCourse`) so no other seat decision
 * runs meanwhile. Unpaid enrollments past their due time expire, then free seats go to the waitlist in the
 * order students joined it (a waitlist outliving the enrollment window expires instead).
 */
export async function settleSeats(deps: EnrollmentDeps, tx: Db, tenantId: string, course: CourseRow, now: Date): Promise<void> {
  for (const overdue of await overduePayments(tx, tenantId, course.course_id, now, MAX_PER_PASS)) {
    await moveEnrollment(deps, tx, tenantId, overdue, 'expired', now);
  }
  const waiting = await firstWaitlisted(tx, tenantId, course.course_id, MAX_PER_PASS);
  if (waiting.length === 0) return;
  if (course.closes_at && course.closes_at <= now) {
    for (const entry of waiting) await moveEnrollment(deps, tx, tenantId, entry, 'expired', now);
    return;
  }
  const free = course.capacity === null ? waiting.length : course.capacity - await countSeats(tx, tenantId, course.course_id);
  for (const entry of waiting.slice(0, Math.max(0, free))) {
    await moveEnrollment(deps, tx, tenantId, entry, entry.price_ref ? 'pending_payment' : 'active', now);
  }
}
