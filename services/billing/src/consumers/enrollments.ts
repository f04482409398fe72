import { EnrollmentEvents } from '@tessera/enrollment/contract';
import { checkedPayload, consumerSpec, eventNameOf, idempotent, type ConsumerRegistration } from '@tessera/platform';
import type { BillingDeps } from '../app/deps.js';
import { openOrderFor } from '../app/orders.js';
import { compensate } from '../app/compensation.js';
import { EnrollmentSeen } from '../contract/events.js';
import type { BillingDatabase } from '../db/billing.table.js';
import { findEnrollment, upsertEnrollment } from '../db/course.repository.js';

/** The durable consumer name; processes running it share its work. */
export const ENROLLMENTS_CONSUMER = 'billing-enrollments';

const ENDED = new Set(['cancelled', 'expired']);

/**
 * The saga's start and its compensation: an enrollment waiting for payment opens an order; one that was
 * cancelled or expired ends its order (unpaid: cancelled and any authorization voided; paid: refunded).
 */
export function enrollmentsConsumer(deps: BillingDeps): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: ENROLLMENTS_CONSUMER, events: 'enrollment.enrollment.*' }),
    handler: async (event, delivery) => {
      const tenantId = event.tenantid;
      const name = eventNameOf(event);
      if (!tenantId || !TRACKED.has(name)) return;
      const enrollment = checkedPayload(EnrollmentSeen, event.data, event.id);
      let ended = false;
      await idempotent<BillingDatabase>(deps.db, ENROLLMENTS_CONSUMER, async (tx) => {
        const known = await findEnrollment(tx, tenantId, enrollment.enrollmentId);
        // An ended enrollment stays ended, whatever older event arrives after it.
        const status = known && ENDED.has(known.status) ? known.status : enrollment.status;
        await upsertEnrollment(tx, { tenant_id: tenantId, enrollment_id: enrollment.enrollmentId, user_id: enrollment.userId, course_id: enrollment.courseId, price_ref: enrollment.priceRef, status });
        ended = ENDED.has(status);
        if (!ended && status === 'pending_payment' && enrollment.priceRef) {
          await openOrderFor(deps, tx, tenantId, { enrollmentId: enrollment.enrollmentId, userId: enrollment.userId, courseId: enrollment.courseId, priceRef: enrollment.priceRef }, new Date());
        }
      })(event, delivery);
      if (ended) await compensate(deps, tenantId, enrollment.enrollmentId);
    },
  };
}

const TRACKED = new Set<string>([EnrollmentEvents.requested, EnrollmentEvents.activated, EnrollmentEvents.cancelled, EnrollmentEvents.expired]);
