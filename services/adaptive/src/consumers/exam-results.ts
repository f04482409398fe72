import { Type } from '@sinclair/typebox';
import { AssessmentEvents } from '@tessera/assessment/contract';
import { checkedPayload, consumerSpec, eventNameOf, type ConsumerRegistration } from '@tessera/platform';
import type { AdaptiveDeps } from '../app/deps.js';
import { recommendAfterExam } from '../app/exam-answers.js';

/** The durable consumer name; processes running it share its work. */
export const EXAM_RESULTS_CONSUMER = 'adaptive-exam-results';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const GradedSeen = Type.Object({
  submissionId: Uuid,
  courseId: Uuid,
  userId: Uuid,
  gradedAt: Type.String(),
  items: Type.Array(Type.Object({ itemId: Uuid, correct: Type.Union([Type.Boolean(), Type.Null()]) })),
});

/**
 * Learns from every graded exam: each item scored right or wrong becomes a response (essays waiting for a
 * person are skipped; a later regrade does not count twice). The response's source is the submission and
 * item, so a duplicated or redelivered `SubmissionGraded` moves mastery once. Then it recommends the next step.
 */
export function examResultsConsumer(deps: AdaptiveDeps): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: EXAM_RESULTS_CONSUMER, events: AssessmentEvents.graded }),
    async handler(event) {
      const tenantId = event.tenantid;
      if (!tenantId || eventNameOf(event) !== AssessmentEvents.graded) return;
      const graded = checkedPayload(GradedSeen, event.data, event.id);
      await recommendAfterExam(deps, tenantId, graded);
    },
  };
}
