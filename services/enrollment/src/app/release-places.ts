import type { Tx } from '@tessera/platform';
import { lockCourse } from '../db/course.repository.js';
import { findEnrollment } from '../db/enrollment.repository.js';
import type { EnrollmentDatabase } from '../db/enrollment.table.js';
import type { EnrollmentDeps } from './deps.js';
import { settleSeats } from './seats.js';
import { moveEnrollment } from './transitions.js';

type Db = Tx<EnrollmentDatabase>;

// Statuses in which a user only holds or waits for a seat they have not started using.
const PLACE_HOLDING = ['waitlisted', 'pending_payment'] as const;
// Bounds one deactivation; nobody waits on this many courses at once.
const MAX_PLACES = 500;

/**
 * A deactivated user can no longer sign in, so their waitlist places and unpaid seats are cancelled and handed
 * on (in waitlist order) in the same transaction. Active and completed enrollments are kept with their progress:
 * they are the user's record (and come back if identity reactivates them). Locks each course before the
 * enrollment, in the order every seat decision takes them.
 */
export async function releaseHeldPlaces(deps: EnrollmentDeps, tx: Db, tenantId: string, userId: string, now: Date): Promise<number> {
  const held = await tx.selectFrom('enrollment.enrollments').select(['id', 'course_id'])
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('status', 'in', [...PLACE_HOLDING])
    .orderBy('id').limit(MAX_PLACES).execute();
  let released = 0;
  for (const { id, course_id: courseId } of held) {
    const course = await lockCourse(tx, tenantId, courseId);
    const current = await findEnrollment(tx, tenantId, id, true);
    if (!current || !(PLACE_HOLDING as readonly string[]).includes(current.status)) continue;
    await moveEnrollment(deps, tx, tenantId, current, 'cancelled', now);
    if (course) await settleSeats(deps, tx, tenantId, course, now);
    released += 1;
  }
  return released;
}
