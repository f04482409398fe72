import { DEMO_COURSE_ID } from '@tessera/catalog';
import { DEMO_TENANT_ID } from '@tessera/identity';
import type { ServiceContext, Tx } from '@tessera/platform';
import { DEFAULT_SETTINGS, type Exam } from '../contract/exams.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { findExam, insertExam } from '../db/exam.repository.js';
import { cacheExamHead } from './exam-heads.js';
import { publishExam } from './exams.js';

/** The demo quiz's fixed id, so seeding twice (or from two processes) finds it. */
export const DEMO_QUIZ_ID = '00000000-0000-4000-8000-00000000a001';

// A demo quiz should grade itself: essays and code items would leave the demo student waiting for a human.
const HAND_GRADED = ['essay', 'code'];
const MAX_ITEMS = 10;
const WAIT = { everyMs: 2_000, forMs: 120_000 };

/**
 * A published quiz in catalog's demo course, built from the course's published items, with a few attempts
 * allowed and results released at once. Assessment learns items only from `catalog.item.published`, which
 * reaches its consumer after seeding (the relay and the consumers start once every seed has run, or run in
 * other processes). Waiting for them here would stall startup for nothing, and a plan kept for the consumer
 * to carry out would need a table and a reaction of its own for one demo row. So the seed tries at once
 * (enough when the items arrived on an earlier start) and otherwise keeps looking in the background, for a
 * bounded time, until the items are known: the quiz appears a moment after the first start. Idempotent: an
 * existing published demo quiz is left alone; when the demo course has no auto-graded items, there is no quiz.
 */
export async function seedDemoAssessment(context: ServiceContext): Promise<void> {
  if (!(await publishDemoQuiz(context))) publishOnceItemsArrive(context);
}

/** Polls until the quiz is published or the wait is over; never throws (it runs detached from the seed). */
function publishOnceItemsArrive(context: ServiceContext): void {
  const giveUpAt = Date.now() + WAIT.forMs;
  const attempt = async () => {
    try {
      if (await publishDemoQuiz(context)) {
        context.logger.info({ examId: DEMO_QUIZ_ID }, 'demo quiz published');
        return;
      }
    } catch (error) {
      // The platform closed (the `seed` command ends right after seeding) or another process published it first.
      context.logger.debug({ err: error }, 'demo quiz: stopped waiting for the demo course\'s items');
      return;
    }
    if (Date.now() < giveUpAt) setTimeout(() => void attempt(), WAIT.everyMs).unref();
    else context.logger.info({ courseId: DEMO_COURSE_ID }, 'demo quiz: the demo course has no published auto-graded items yet; the next start --seed-demo looks again');
  };
  setTimeout(() => void attempt(), WAIT.everyMs).unref();
}

/** Creates and publishes the quiz once assessment knows the demo course's items; true when it is published. */
async function publishDemoQuiz(context: ServiceContext): Promise<boolean> {
  const draft = await context.db.withTenant<AssessmentDatabase, Exam | 'published' | undefined>(DEMO_TENANT_ID, async (tx) => {
    const existing = await findExam(tx, DEMO_TENANT_ID, DEMO_QUIZ_ID);
    if (existing && existing.publishedVersion !== null) return 'published';
    if (existing) return existing;
    const itemIds = await demoCourseItems(tx);
    if (itemIds.length === 0) return undefined;
    return insertExam(tx, DEMO_TENANT_ID, {
      id: DEMO_QUIZ_ID, courseId: DEMO_COURSE_ID, title: 'Check yourself: getting started', category: 'quiz', createdBy: null,
      definition: {
        settings: { ...DEFAULT_SETTINGS, attemptsAllowed: 3, timeLimitMinutes: 15, passingPercent: 60, partialCredit: 'proportional' },
        sections: itemIds.map((itemId) => ({ kind: 'fixed', itemId, points: 1 })),
      },
    });
  });
  if (draft === 'published') return true;
  if (!draft) return false;
  const exam = await publishExam(context, DEMO_TENANT_ID, DEMO_QUIZ_ID, draft.version, null);
  await cacheExamHead(context, DEMO_TENANT_ID, { examId: exam.id, courseId: exam.courseId, status: exam.status, publishedVersion: exam.publishedVersion });
  return true;
}

/** The demo course's auto-graded items whose latest published version assessment has seen, oldest first. */
async function demoCourseItems(tx: Tx<AssessmentDatabase>): Promise<string[]> {
  const rows = await tx.selectFrom('assessment.items as i')
    .innerJoin('assessment.item_versions as v', (join) => join
      .onRef('v.tenant_id', '=', 'i.tenant_id').onRef('v.item_id', '=', 'i.item_id').onRef('v.version', '=', 'i.latest_version'))
    .select('i.item_id')
    .where('i.tenant_id', '=', DEMO_TENANT_ID).where('v.course_id', '=', DEMO_COURSE_ID).where('i.type', 'not in', HAND_GRADED)
    .orderBy('v.published_at').orderBy('i.item_id').limit(MAX_ITEMS).execute();
  return rows.map((row) => row.item_id);
}
