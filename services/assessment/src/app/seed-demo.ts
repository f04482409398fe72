import { DEMO_COURSE_ID, DEMO_PRACTICE_COURSE_ID } from '@tessera/catalog';
import { DEMO_TENANT_ID } from '@tessera/identity';
import type { ServiceContext, Tx } from '@tessera/platform';
import { DEFAULT_SETTINGS, type Exam, type ExamSettings, type Section } from '../contract/exams.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { findExam, insertExam } from '../db/exam.repository.js';
import { cacheExamHead } from './exam-heads.js';
import { publishExam } from './exams.js';

/** The demo quiz's fixed id, so seeding twice (or from two processes) finds it. */
export const DEMO_QUIZ_ID = '00000000-0000-4000-8000-00000000a001';
/** The demo's adaptive exam, in the arithmetic practice course. */
export const DEMO_ADAPTIVE_EXAM_ID = '00000000-0000-4000-8000-00000000a002';

/** A demo exam: where it lives and how it is built from its course's auto-graded items. */
interface DemoExam {
  id: string;
  courseId: string;
  title: string;
  category: Exam['category'];
  settings: ExamSettings;
  sections: (itemIds: string[]) => Section[];
}

const DEMO_EXAMS: readonly DemoExam[] = [
  {
    id: DEMO_QUIZ_ID, courseId: DEMO_COURSE_ID, title: 'Check yourself: getting started', category: 'quiz',
    settings: { ...DEFAULT_SETTINGS, attemptsAllowed: 3, timeLimitMinutes: 15, passingPercent: 60, partialCredit: 'proportional' },
    sections: (itemIds) => itemIds.slice(0, 10).map((itemId) => ({ kind: 'fixed', itemId, points: 1 })),
  },
  {
    id: DEMO_ADAPTIVE_EXAM_ID, courseId: DEMO_PRACTICE_COURSE_ID, title: 'Arithmetic placement check (adaptive)', category: 'exam',
    settings: { ...DEFAULT_SETTINGS, attemptsAllowed: 3, timeLimitMinutes: 20, passingPercent: 50, adaptive: true, adaptiveStop: { standardError: 0.45, minItems: 4, maxItems: 8 } },
    sections: (itemIds) => [{ kind: 'draw', pool: itemIds, count: Math.min(8, itemIds.length), points: 1 }],
  },
];

// A demo quiz should grade itself: essays and code items would leave the demo student waiting for a human.
const HAND_GRADED = ['essay', 'code'];
/** The most items a demo exam is built from (the quiz takes the first ten; the adaptive exam's pool all of them). */
const MAX_ITEMS = 20;
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
  for (const exam of DEMO_EXAMS) {
    if (!(await publishDemoExam(context, exam))) publishOnceItemsArrive(context, exam);
  }
}

/** Polls until the exam is published or the wait is over; never throws (it runs detached from the seed). */
function publishOnceItemsArrive(context: ServiceContext, demo: DemoExam): void {
  const giveUpAt = Date.now() + WAIT.forMs;
  const attempt = async () => {
    try {
      if (await publishDemoExam(context, demo)) {
        context.logger.info({ examId: demo.id }, 'demo exam published');
        return;
      }
    } catch (error) {
      // The platform closed (the `seed` command ends right after seeding) or another process published it first.
      context.logger.debug({ err: error, examId: demo.id }, 'demo exam: stopped waiting for its course\'s items');
      return;
    }
    if (Date.now() < giveUpAt) setTimeout(() => void attempt(), WAIT.everyMs).unref();
    else context.logger.info({ courseId: demo.courseId }, 'demo exam: its course has no published auto-graded items yet; the next start --seed-demo looks again');
  };
  setTimeout(() => void attempt(), WAIT.everyMs).unref();
}

/** Creates and publishes a demo exam once assessment knows its course's items; true when it is published. */
async function publishDemoExam(context: ServiceContext, demo: DemoExam): Promise<boolean> {
  const draft = await context.db.withTenant<AssessmentDatabase, Exam | 'published' | undefined>(DEMO_TENANT_ID, async (tx) => {
    const existing = await findExam(tx, DEMO_TENANT_ID, demo.id);
    if (existing && existing.publishedVersion !== null) return 'published';
    if (existing) return existing;
    const itemIds = await demoCourseItems(tx, demo.courseId);
    if (itemIds.length === 0) return undefined;
    return insertExam(tx, DEMO_TENANT_ID, {
      id: demo.id, courseId: demo.courseId, title: demo.title, category: demo.category, createdBy: null,
      definition: { settings: demo.settings, sections: demo.sections(itemIds) },
    });
  });
  if (draft === 'published') return true;
  if (!draft) return false;
  const exam = await publishExam(context, DEMO_TENANT_ID, demo.id, draft.version, null);
  await cacheExamHead(context, DEMO_TENANT_ID, { examId: exam.id, courseId: exam.courseId, status: exam.status, publishedVersion: exam.publishedVersion });
  return true;
}

/** A demo course's auto-graded items whose latest published version assessment has seen, oldest first. */
async function demoCourseItems(tx: Tx<AssessmentDatabase>, courseId: string): Promise<string[]> {
  const rows = await tx.selectFrom('assessment.items as i')
    .innerJoin('assessment.item_versions as v', (join) => join
      .onRef('v.tenant_id', '=', 'i.tenant_id').onRef('v.item_id', '=', 'i.item_id').onRef('v.version', '=', 'i.latest_version'))
    .select('i.item_id')
    .where('i.tenant_id', '=', DEMO_TENANT_ID).where('v.course_id', '=', courseId).where('i.type', 'not in', HAND_GRADED)
    .orderBy('v.published_at').orderBy('i.item_id').limit(MAX_ITEMS).execute();
  return rows.map((row) => row.item_id);
}
