import { checkedPayload, consumerSpec, eventNameOf, type ConsumerRegistration } from '@tessera/platform';
import { Type } from '@sinclair/typebox';
import { gradeSubmission } from '../app/grade-submission.js';
import type { AssessmentDeps } from '../app/deps.js';
import { AssessmentEvents, type AnswersSavedData, type SubmittedData } from '../contract/events.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { applyAnswers } from '../db/answer.repository.js';

/** The durable consumer of the exam queue; every worker process shares its work. */
export const EXAM_QUEUE_CONSUMER = 'assessment-exam-queue';
/** Deliveries before a submission that keeps failing is dead-lettered (visible to admins, never blocking the rest). */
export const GRADING_MAX_DELIVER = 5;

const Answer = Type.Object({ slot: Type.String(), seq: Type.Integer(), response: Type.Union([Type.Object({ type: Type.String() }, { additionalProperties: true }), Type.Null()]) });
const AnswersSaved = Type.Object({ attemptId: Type.String(), userId: Type.String(), answers: Type.Array(Answer), savedAt: Type.String() });
const Submitted = Type.Object({
  submissionId: Type.String(), attemptId: Type.String(), userId: Type.String(), answers: Type.Array(Answer), lastSeq: Type.Union([Type.Integer(), Type.Null()]),
  submittedAt: Type.String(), late: Type.Boolean(), penaltyPercent: Type.Number(), auto: Type.Boolean(),
});

/**
 * The grading workers: apply autosaves (the highest seq per slot wins, so order and repetition do not
 * matter) and grade submissions (exactly once, see gradeSubmission).
 */
export function examQueueConsumer(deps: AssessmentDeps): ConsumerRegistration {
  return {
    spec: consumerSpec({
      durable: EXAM_QUEUE_CONSUMER, events: 'assessment.attempt.*', maxDeliver: GRADING_MAX_DELIVER, backoffMs: [250, 1_000, 3_000, 10_000],
      // What a crashed worker had taken comes back to the others after ack_wait, so it bounds how long those
      // students wait for their result. Grading one submission takes milliseconds, and a handler that runs
      // longer keeps its lease (extended every ackWaitMs / 2), so 10 s instead of the default 30 s costs nothing.
      ackWaitMs: 10_000,
    }),
    async handler(event, delivery) {
      const tenantId = event.tenantid;
      if (!tenantId) return;
      const name = eventNameOf(event);
      if (name === AssessmentEvents.answersSaved) {
        const saved = checkedPayload(AnswersSaved, event.data, event.id) as AnswersSavedData;
        await deps.db.withTenant<AssessmentDatabase, void>(tenantId, (tx) => applyAnswers(tx, tenantId, saved.attemptId, saved.answers, new Date(saved.savedAt)));
      } else if (name === AssessmentEvents.submitted) {
        await gradeSubmission(deps, tenantId, checkedPayload(Submitted, event.data, event.id) as SubmittedData, delivery);
      }
    },
  };
}
