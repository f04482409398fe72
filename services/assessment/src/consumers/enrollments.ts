import { Type } from '@sinclair/typebox';
import { checkedPayload, consumerSpec, type ConsumerRegistration, type ServiceContext } from '@tessera/platform';
import { recordEnrollment } from '../db/enrollment.repository.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';

/** The durable consumer name; processes running it share its work. */
export const ENROLLMENTS_CONSUMER = 'assessment-enrollments';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const EnrollmentSeen = Type.Object({ courseId: Uuid, userId: Uuid, status: Type.String() });

/**
 * Keeps who is enrolled in which course (only active and completed enrollments may start a course's exams).
 * The newest event wins by its time, so a late redelivery of an older change cannot undo a newer one.
 */
export function enrollmentsConsumer(context: Pick<ServiceContext, 'db'>): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: ENROLLMENTS_CONSUMER, events: 'enrollment.enrollment.*' }),
    async handler(event) {
      if (!event.tenantid) return;
      const seen = checkedPayload(EnrollmentSeen, event.data, event.id);
      const tenantId = event.tenantid;
      const at = event.time ? new Date(event.time) : new Date();
      await context.db.withTenant<AssessmentDatabase, void>(tenantId, (tx) => recordEnrollment(tx, tenantId, { ...seen, changedAt: at }));
    },
  };
}
