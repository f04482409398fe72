import type { ServiceContext } from '@tessera/platform';
import { claimExamReminder, dueExamReminders, releaseExamReminder, type KnownExam } from '../db/audience.repository.js';
import type { NotifyDatabase } from '../db/notify.table.js';
import type { NotifyDeps } from './deps.js';
import { notifyUser } from './notify-user.js';

/** "Exam tomorrow": a day before an exam opens. */
export const REMIND_BEFORE_MS = 24 * 60 * 60_000;
const EXAMS_PER_RUN = 50;

/**
 * When to remind a course's students of an exam: a day before it opens, or at once when it opens sooner than
 * that; never for an exam without an opening time or one already open.
 */
export function reminderTime(opensAt: Date | null, now: Date): Date | null {
  if (!opensAt || opensAt.getTime() <= now.getTime()) return null;
  return new Date(Math.max(opensAt.getTime() - REMIND_BEFORE_MS, now.getTime()));
}

/**
 * Sends the "exam tomorrow" reminders now due, in every database, to the course's students who have not taken
 * the exam. What is checked when it goes out keeps it true: an exam moved or archived since has no reminder
 * due, one already open gets none, and a student who left the course or took the exam is not told.
 * Returns how many students were reminded.
 */
export async function sendDueReminders(deps: NotifyDeps & Pick<ServiceContext, 'tenantDatabases'>, now = new Date()): Promise<number> {
  let told = 0;
  for (const database of [deps.db, ...await deps.tenantDatabases.openAll()]) {
    const due = await database.withSystem<NotifyDatabase, Array<{ tenantId: string; examId: string }>>((tx) => dueExamReminders(tx, now, EXAMS_PER_RUN));
    for (const { tenantId, examId } of due) {
      const claimed = await deps.db.withTenant<NotifyDatabase, Awaited<ReturnType<typeof claimExamReminder>>>(tenantId, (tx) => claimExamReminder(tx, tenantId, examId, now));
      if (!claimed) continue;
      try {
        for (const userId of claimed.userIds) {
          await notifyUser(deps, tenantId, reminderOf(claimed.exam, userId, now));
          told += 1;
        }
      } catch (error) {
        // Due again at the next run; students told already are not told twice (each notice is keyed by the exam's opening).
        deps.logger.warn({ err: error, examId }, 'could not send every exam reminder; trying again at the next run');
        await deps.db.withTenant<NotifyDatabase, void>(tenantId, (tx) => releaseExamReminder(tx, tenantId, examId));
      }
    }
  }
  return told;
}

function reminderOf(exam: KnownExam, userId: string, now: Date) {
  const opensAt = exam.opensAt!;
  const hours = Math.max(1, Math.round((opensAt.getTime() - now.getTime()) / 3_600_000));
  return {
    userId, category: 'reminders' as const, kind: 'exam.soon', title: `${exam.title} opens in ${hours} hour${hours === 1 ? '' : 's'}`,
    body: `It opens at ${opensAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Review what it covers while there is time.`,
    link: `/courses/${exam.courseId}`,
    // One per opening time: an exam moved to another day reminds again.
    sourceKey: `exam:${exam.examId}:opens:${opensAt.toISOString()}`, at: now,
  };
}
