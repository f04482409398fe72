import { checkedPayload, consumerSpec, eventNameOf, idempotent, type ConsumerRegistration, type Database } from '@tessera/platform';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { grantAccess, revokeAccess } from '../db/content-access.repository.js';
import { EnrollmentAccessEvents, EnrollmentSeen } from './access-events.js';
import { eventTime } from './event-time.js';

/** The durable consumer name; processes running it share its work. */
export const ENROLLMENT_ACCESS_CONSUMER = 'catalog-enrollment-access';

// Completed keeps access: granting on it too lets a completed enrollment open the course even when its
// activation is read later (or was published before this consumer existed).
const GRANTING = new Set<string>([EnrollmentAccessEvents.activated, EnrollmentAccessEvents.completed]);
const REVOKING = new Set<string>([EnrollmentAccessEvents.cancelled, EnrollmentAccessEvents.expired]);

/**
 * Opens a paid course to a student whose enrollment is active (or completed) and closes it when the enrollment
 * is cancelled or expires. Each enrollment is one grant, keyed by its id; a cancel read before its activation
 * keeps it closed (enrollment ids are never reactivated).
 */
export function enrollmentAccessConsumer(db: Database): ConsumerRegistration {
  const record = idempotent<CatalogDatabase>(db, ENROLLMENT_ACCESS_CONSUMER, async (tx, event) => {
    const tenantId = event.tenantid!;
    const name = eventNameOf(event);
    const enrollment = checkedPayload(EnrollmentSeen, event.data, event.id);
    const common = { grantId: enrollment.enrollmentId, userId: enrollment.userId, courseId: enrollment.courseId, at: eventTime(event) };
    if (GRANTING.has(name)) await grantAccess(tx, tenantId, { ...common, lessonId: null });
    else await revokeAccess(tx, tenantId, common);
  });
  return {
    spec: consumerSpec({ durable: ENROLLMENT_ACCESS_CONSUMER, events: 'enrollment.enrollment.*' }),
    async handler(event, delivery) {
      const name = eventNameOf(event);
      // Requested and waitlisted change no access: no transaction, no inbox row.
      if (!event.tenantid || !(GRANTING.has(name) || REVOKING.has(name))) return;
      await record(event, delivery);
    },
  };
}
