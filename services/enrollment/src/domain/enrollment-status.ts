import { AppError } from '@tessera/platform';
import { EnrollmentEvents } from '../contract/events.js';
import type { EnrollmentStatus } from '../contract/schemas.js';

/**
 * The enrollment state machine, the one place that says which status may follow which:
 *
 *   requested ─┬─> pending_payment ─> active ─> completed
 *              ├─> active                │
 *              └─> waitlisted ─> pending_payment | active
 *   any live status ─> cancelled;  requested, waitlisted, pending_payment ─> expired
 *
 * `requested` is transient: a request lands in `pending_payment`, `active` or `waitlisted` in the transaction
 * that creates it. Completed, cancelled and expired are final.
 */
const ALLOWED: Record<EnrollmentStatus, readonly EnrollmentStatus[]> = {
  requested: ['pending_payment', 'active', 'waitlisted', 'cancelled', 'expired'],
  waitlisted: ['pending_payment', 'active', 'cancelled', 'expired'],
  pending_payment: ['active', 'cancelled', 'expired'],
  active: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
  expired: [],
};

/** Statuses that occupy one of the course's seats. */
export const SEAT_HOLDING: readonly EnrollmentStatus[] = ['pending_payment', 'active', 'completed'];

/** Statuses in which a student may record progress. */
export const LEARNING: readonly EnrollmentStatus[] = ['active', 'completed'];

/** True when `to` may follow `from`. */
export function canTransition(from: EnrollmentStatus, to: EnrollmentStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** Refuses a transition the machine does not allow with 409 naming the current status. */
export function assertTransition(from: EnrollmentStatus, to: EnrollmentStatus): void {
  if (!canTransition(from, to)) throw illegalTransition(from, to);
}

/** The 409 for a change the enrollment's current status does not allow. */
export function illegalTransition(from: EnrollmentStatus, to: EnrollmentStatus): AppError {
  return new AppError('conflict', 'ENROLLMENT.ILLEGAL_TRANSITION', `An enrollment that is ${from} cannot become ${to}`,
    { currentStatus: from, requestedStatus: to });
}

/** The event announcing that an enrollment entered `status` (`requested` announces pending payment). */
export function eventOfStatus(status: EnrollmentStatus): string {
  switch (status) {
    case 'requested':
    case 'pending_payment': return EnrollmentEvents.requested;
    case 'active': return EnrollmentEvents.activated;
    case 'waitlisted': return EnrollmentEvents.waitlisted;
    case 'completed': return EnrollmentEvents.completed;
    case 'cancelled': return EnrollmentEvents.cancelled;
    case 'expired': return EnrollmentEvents.expired;
  }
}
