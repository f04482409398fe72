import { Type } from '@sinclair/typebox';
import { AssessmentEvents } from '@tessera/assessment/contract';
import { checkedPayload, consumerSpec, eventNameOf, type ConsumerRegistration } from '@tessera/platform';
import type { NotifyDeps } from '../app/deps.js';
import { reminderTime } from '../app/reminders.js';
import { recordExam } from '../db/audience.repository.js';
import type { NotifyDatabase } from '../db/notify.table.js';

/** The durable consumer name; processes running it share its work. */
export const EXAMS_CONSUMER = 'notify-exams';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const ExamSeen = Type.Object({
  examId: Uuid, courseId: Uuid, version: Type.Integer({ minimum: 1 }), title: Type.String(), opensAt: Nullable(Type.String()),
  publishedBy: Type.Optional(Nullable(Uuid)),
});
const ArchivedSeen = Type.Object({ examId: Uuid });

/**
 * Keeps the exams notify reminds of: each published version's opening time schedules (or moves) the "exam
 * tomorrow" reminder; archiving cancels it. The publisher is who hears that essays await grading.
 */
export function examsConsumer(deps: Pick<NotifyDeps, 'db'>): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: EXAMS_CONSUMER, events: 'assessment.exam.*' }),
    async handler(event) {
      const tenantId = event.tenantid;
      if (!tenantId) return;
      const name = eventNameOf(event);
      if (name === AssessmentEvents.examPublished) {
        const exam = checkedPayload(ExamSeen, event.data, event.id);
        const opensAt = exam.opensAt ? new Date(exam.opensAt) : null;
        await deps.db.withTenant<NotifyDatabase, void>(tenantId, (tx) => recordExam(tx, tenantId, {
          examId: exam.examId, courseId: exam.courseId, version: exam.version, title: exam.title, opensAt, publishedBy: exam.publishedBy ?? null,
        }, reminderTime(opensAt, new Date(event.time ?? Date.now()))));
      } else if (name === AssessmentEvents.examArchived) {
        const { examId } = checkedPayload(ArchivedSeen, event.data, event.id);
        await deps.db.withTenant<NotifyDatabase, void>(tenantId, async (tx) => {
          await tx.updateTable('notify.exams').set({ remind_at: null }).where('tenant_id', '=', tenantId).where('exam_id', '=', examId).execute();
        });
      }
    },
  };
}
