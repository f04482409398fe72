import { Type } from '@sinclair/typebox';
import { checkedPayload, consumerSpec, type ConsumerRegistration } from '@tessera/platform';
import type { AdaptiveDeps } from '../app/deps.js';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import { recordEnrollment } from '../db/read-models.repository.js';

/** The durable consumer name; processes running it share its work. */
export const ENROLLMENTS_CONSUMER = 'adaptive-enrollments';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const EnrollmentSeen = Type.Object({ courseId: Uuid, userId: Uuid, status: Type.String() });

/** Keeps who learns in which course (practice and recommendations are for a student's own courses). */
export function enrollmentsConsumer(deps: Pick<AdaptiveDeps, 'db'>): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: ENROLLMENTS_CONSUMER, events: 'enrollment.enrollment.*' }),
    async handler(event) {
      const tenantId = event.tenantid;
      if (!tenantId) return;
      const seen = checkedPayload(EnrollmentSeen, event.data, event.id);
      const changedAt = event.time ? new Date(event.time) : new Date();
      await deps.db.withTenant<AdaptiveDatabase, void>(tenantId, (tx) => recordEnrollment(tx, tenantId, { ...seen, changedAt }));
    },
  };
}
