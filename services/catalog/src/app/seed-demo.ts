import { DEMO_TENANT_ID } from '@tessera/identity';
import type { ServiceContext } from '@tessera/platform';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { findCourse } from '../db/course.repository.js';
import { createBlock } from './blocks.js';
import { createCourse } from './courses.js';
import type { Editor } from './editor.js';
import { createLesson } from './lessons.js';
import { createModule } from './modules.js';
import { createItems } from '../items/item-commands.js';
import type { ItemContent } from '../items/item-types.js';
import { publishCourse } from './publish-course.js';
import { seedDemoPracticeCourse } from './seed-demo-practice.js';
import { seedDemoPaidCourse } from './seed-demo-paid.js';

/** The demo course's fixed id, so seeding twice finds it. */
export const DEMO_COURSE_ID = '00000000-0000-4000-8000-00000000c001';
// Demo users get random ids from identity, so the seed acts as a system actor with admin rights.
const SEED_ACTOR = '00000000-0000-4000-8000-00000000c0de';
const seeder: Editor = { userId: SEED_ACTOR, manageAll: true };

const lessons = [
  { title: 'Finding your way', markdown: '# Welcome\n\nThis course shows how **Tessera** organises learning: courses, modules, lessons.' },
  { title: 'Skills and prerequisites', markdown: 'Lessons teach *skills*; a skill may require others first.\n\n- Read the lesson\n- Try the questions' },
];

/** Questions of the last lesson: published with the course, and what the demo quiz is built from. */
const questions: ItemContent[] = [
  {
    type: 'single_choice', title: 'What a course holds', stem: '<p>What does a course hold directly?</p>', courseId: DEMO_COURSE_ID,
    options: [{ id: 'A', text: 'Modules', correct: true }, { id: 'B', text: 'Exams only', correct: false }, { id: 'C', text: 'Tenants', correct: false }],
    feedback: { correct: '<p>Right: courses hold modules, modules hold lessons.</p>' },
  },
  {
    type: 'true_false', title: 'Prerequisites', stem: '<p>A skill may require other skills first.</p>', courseId: DEMO_COURSE_ID, answer: true,
  },
  {
    type: 'multiple_choice', title: 'Lesson blocks', stem: '<p>Which of these can a lesson contain?</p>', courseId: DEMO_COURSE_ID,
    options: [{ id: 'T', text: 'Rich text', correct: true }, { id: 'Q', text: 'Questions', correct: true }, { id: 'P', text: 'Payments', correct: false }],
  },
  {
    type: 'numeric', title: 'Counting lessons', stem: '<p>How many lessons does this course have?</p>', courseId: DEMO_COURSE_ID, value: 3,
  },
];

/** The demo tenant's courses: a small tour (its last lesson asks questions), an adaptive practice course and a paid one. */
export async function seedDemoCatalog(context: ServiceContext): Promise<void> {
  await seedDemoTourCourse(context);
  await seedDemoPracticeCourse(context, seeder, SEED_ACTOR);
  await seedDemoPaidCourse(context, seeder, SEED_ACTOR);
}

async function seedDemoTourCourse(context: ServiceContext): Promise<void> {
  const exists = await context.db.withTenant<CatalogDatabase, boolean>(DEMO_TENANT_ID, async (tx) => (await findCourse(tx, DEMO_TENANT_ID, DEMO_COURSE_ID, false)) !== undefined);
  if (exists) return;
  await createCourse(context.db, DEMO_TENANT_ID, null, {
    title: 'Getting started with Tessera', summary: 'A short tour of courses, lessons and skills.', category: 'Onboarding',
    language: 'en', level: 'beginner', tags: ['tour', 'demo'], visibility: 'public',
  }, DEMO_COURSE_ID);
  const module = await createModule(context.db, DEMO_TENANT_ID, DEMO_COURSE_ID, { title: 'The basics' }, seeder);
  for (const lesson of lessons) {
    const created = await createLesson(context.db, DEMO_TENANT_ID, module.id, { title: lesson.title }, seeder);
    await createBlock(context.db, DEMO_TENANT_ID, created.id, { kind: 'rich_text', markdown: lesson.markdown }, seeder);
  }
  const check = await createLesson(context.db, DEMO_TENANT_ID, module.id, { title: 'Check your understanding' }, seeder);
  for (const item of await createItems(context, DEMO_TENANT_ID, SEED_ACTOR, questions)) {
    await createBlock(context.db, DEMO_TENANT_ID, check.id, { kind: 'question', itemId: item.id }, seeder);
  }
  const draft = await context.db.withTenant<CatalogDatabase, number>(DEMO_TENANT_ID, async (tx) => (await findCourse(tx, DEMO_TENANT_ID, DEMO_COURSE_ID, false))!.version);
  await publishCourse(context, DEMO_TENANT_ID, { courseId: DEMO_COURSE_ID, expectedVersion: draft, actorId: SEED_ACTOR, via: 'publish' });
}
