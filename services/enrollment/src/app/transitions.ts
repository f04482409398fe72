import type { Tx } from '@tessera/platform';
import type { EnrollmentEventData } from '../contract/events.js';
import type { EnrollmentStatus } from '../contract/schemas.js';
import { assertTransition, eventOfStatus, illegalTransition } from '../domain/enrollment-status.js';
import { findEnrollment, updateStatus, type StatusFields } from '../db/enrollment.repository.js';
import type { EnrollmentDatabase, EnrollmentRow } from '../db/enrollment.table.js';
import type { EnrollmentDeps } from './deps.js';

type Db = Tx<EnrollmentDatabase>;

/** How long a student has to pay before an unpaid enrollment expires and frees its seat. */
export const PAYMENT_WINDOW_MS = 30 * 60 * 1000;

/** The timestamps that entering `to` sets. */
export function fieldsEntering(to: EnrollmentStatus, now: Date, waitlistSeq: number | null = null): StatusFields {
  switch (to) {
    case 'pending_payment': return { payment_due_at: new Date(now.getTime() + PAYMENT_WINDOW_MS) };
    case 'active': return { activated_at: now, payment_due_at: null };
    case 'waitlisted': return { waitlist_seq: waitlistSeq };
    case 'completed': return { completed_at: now };
    case 'cancelled':
    case 'expired': return { ended_at: now, payment_due_at: null };
    case 'requested': return {};
  }
}

/**
 * Moves an enrollment to `to` if the state machine allows it, and emits the event of the new status in the
 * same transaction. If another transaction moved it first, the 409 names the status it found.
 */
export async function moveEnrollment(deps: EnrollmentDeps, tx: Db, tenantId: string, enrollment: EnrollmentRow, to: EnrollmentStatus, now: Date, waitlistSeq: number | null = null): Promise<EnrollmentRow> {
  assertTransition(enrollment.status, to);
  const updated = await updateStatus(tx, tenantId, enrollment.id, enrollment.status, to, fieldsEntering(to, now, waitlistSeq));
  if (!updated) {
    const current = await findEnrollment(tx, tenantId, enrollment.id);
    throw illegalTransition(current?.status ?? enrollment.status, to);
  }
  await emitStatus(deps, tx, tenantId, updated);
  return updated;
}

/** Emits the event announcing the enrollment's current status. */
export async function emitStatus(deps: EnrollmentDeps, tx: Db, tenantId: string, enrollment: EnrollmentRow, name = eventOfStatus(enrollment.status)): Promise<void> {
  const data: EnrollmentEventData = {
    enrollmentId: enrollment.id,
    courseId: enrollment.course_id,
    userId: enrollment.user_id,
    courseVersion: enrollment.course_version,
    status: enrollment.status,
    priceRef: enrollment.price_ref,
  };
  await deps.outbox.emit(tx, tenantId, [{ name, subject: enrollment.id, data }]);
}
