import { Type } from '@sinclair/typebox';
import { AssessmentEvents } from '@tessera/assessment/contract';
import { checkedPayload, consumerSpec, eventNameOf, type ConsumerRegistration } from '@tessera/platform';
import type { NotifyDeps } from '../app/deps.js';
import { notifyUser, type Notice } from '../app/notify-user.js';
import { findExam, recordExamTaker, type KnownExam } from '../db/audience.repository.js';
import type { NotifyDatabase } from '../db/notify.table.js';

/** The durable consumer name; processes running it share its work. */
export const RESULTS_CONSUMER = 'notify-results';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const GradedSeen = Type.Object({
  submissionId: Uuid,
  attemptId: Uuid,
  examId: Uuid,
  userId: Uuid,
  examTitle: Type.Optional(Type.String()),
  status: Type.String(),
  gradingRound: Type.Optional(Type.Integer()),
});

/**
 * Tells students their submission was graded (and again when essays were graded by hand, or a regrade changed
 * it), and whoever published the exam that essays await their grading. The result page applies the exam's
 * release rules: the notice says it was graded, never the score. Remembers who took which exam, so "exam
 * tomorrow" reminders skip them.
 */
export function resultsConsumer(deps: NotifyDeps): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: RESULTS_CONSUMER, events: 'assessment.submission.*' }),
    async handler(event) {
      const tenantId = event.tenantid;
      const name = eventNameOf(event);
      if (!tenantId || (name !== AssessmentEvents.graded && name !== AssessmentEvents.regraded)) return;
      const graded = checkedPayload(GradedSeen, event.data, event.id);
      const exam = await deps.db.withTenant<NotifyDatabase, KnownExam | undefined>(tenantId, async (tx) => {
        await recordExamTaker(tx, tenantId, graded.examId, graded.userId);
        return findExam(tx, tenantId, graded.examId);
      });
      await notifyUser(deps, tenantId, noticeOf(graded, name === AssessmentEvents.regraded));
      if (graded.status === 'pending_manual' && name === AssessmentEvents.graded && exam?.publishedBy) {
        await notifyUser(deps, tenantId, gradingNotice(graded, exam.publishedBy));
      }
    },
  };
}

function noticeOf(graded: { submissionId: string; attemptId: string; userId: string; examTitle?: string | undefined; status: string; gradingRound?: number | undefined }, regraded: boolean): Notice {
  const exam = graded.examTitle ?? 'your exam';
  const base = { userId: graded.userId, category: 'results' as const, link: `/attempts/${graded.attemptId}` };
  if (regraded) {
    return { ...base, kind: 'result.updated', title: `Result updated: ${exam}`, body: 'Your submission was graded again after a correction.', sourceKey: `regrade:${graded.submissionId}:${graded.gradingRound ?? 0}` };
  }
  if (graded.status === 'graded') {
    return { ...base, kind: 'result.ready', title: `Graded: ${exam}`, body: 'Your submission has been graded.', sourceKey: `result:${graded.submissionId}:graded` };
  }
  return { ...base, kind: 'result.partial', title: `Scored in part: ${exam}`, body: 'Your answers were scored; some still wait for your instructor.', sourceKey: `result:${graded.submissionId}:${graded.status}` };
}

function gradingNotice(graded: { submissionId: string; examId: string; examTitle?: string | undefined }, graderId: string): Notice {
  const exam = graded.examTitle ?? 'an exam';
  return {
    userId: graderId, category: 'grading', kind: 'grading.waiting', title: `Essays to grade: ${exam}`,
    body: 'A submission has answers that wait for you to grade them.', link: `/teach/exams/${graded.examId}/grading`,
    sourceKey: `grading:${graded.submissionId}`,
  };
}
