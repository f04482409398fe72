import { Type } from '@sinclair/typebox';
import { AssessmentEvents } from '@tessera/assessment/contract';
import { checkedPayload, consumerSpec, eventNameOf, type ConsumerRegistration } from '@tessera/platform';
import type { AdaptiveDeps } from '../app/deps.js';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import { recordExam } from '../db/exam.repository.js';

/** The durable consumer name; processes running it share its work. */
export const EXAMS_CONSUMER = 'adaptive-exams';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const Timestamp = Type.Union([Type.String(), Type.Null()]);
const ExamPublishedSeen = Type.Object({
  examId: Uuid,
  courseId: Uuid,
  version: Type.Integer({ minimum: 1 }),
  title: Type.String(),
  opensAt: Timestamp,
  closesAt: Timestamp,
  itemIds: Type.Array(Uuid, { maxItems: 10_000 }),
});

/** Learns the tenant's published exams, so instructors see who is predicted to struggle on the next one. */
export function examsConsumer(deps: Pick<AdaptiveDeps, 'db'>): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: EXAMS_CONSUMER, events: AssessmentEvents.examPublished }),
    async handler(event) {
      const tenantId = event.tenantid;
      if (!tenantId || eventNameOf(event) !== AssessmentEvents.examPublished) return;
      const exam = checkedPayload(ExamPublishedSeen, event.data, event.id);
      await deps.db.withTenant<AdaptiveDatabase, void>(tenantId, (tx) => recordExam(tx, tenantId, {
        examId: exam.examId, courseId: exam.courseId, version: exam.version, title: exam.title,
        opensAt: exam.opensAt ? new Date(exam.opensAt) : null, closesAt: exam.closesAt ? new Date(exam.closesAt) : null, itemIds: exam.itemIds,
      }));
    },
  };
}
