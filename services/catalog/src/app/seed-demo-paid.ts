import { DEMO_TENANT_ID } from '@tessera/identity';
import type { ServiceContext } from '@tessera/platform';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { findCourse } from '../db/course.repository.js';
import { createBlock } from './blocks.js';
import { createCourse } from './courses.js';
import type { Editor } from './editor.js';
import { createLesson } from './lessons.js';
import { createModule } from './modules.js';
import { publishCourse } from './publish-course.js';

/** The paid demo course's fixed id, so seeding twice finds it (billing's demo seed prices it). */
export const DEMO_PAID_COURSE_ID = '00000000-0000-4000-8000-00000000c003';

const lessons = [
  { title: 'One question, one idea', markdown: 'A good question tests **one** thing, in words the student already knows.' },
  { title: 'Distractors that teach', markdown: 'Wrong options should be the mistakes students really make, so a wrong answer tells you which one.' },
];

/** A short course sold in the demo tenant (marked paid with `priceRef`), so checkout can be tried with a test card. */
export async function seedDemoPaidCourse(context: ServiceContext, seeder: Editor, actorId: string): Promise<void> {
  const exists = await context.db.withTenant<CatalogDatabase, boolean>(DEMO_TENANT_ID, async (tx) => (await findCourse(tx, DEMO_TENANT_ID, DEMO_PAID_COURSE_ID, false)) !== undefined);
  if (exists) return;
  await createCourse(context.db, DEMO_TENANT_ID, null, {
    title: 'Writing good questions', summary: 'How to write questions that tell you what students know. A paid course: buy it with a test card.',
    category: 'Teaching', language: 'en', level: 'intermediate', tags: ['assessment', 'demo'], visibility: 'tenant', priceRef: 'course',
  }, DEMO_PAID_COURSE_ID);
  const module = await createModule(context.db, DEMO_TENANT_ID, DEMO_PAID_COURSE_ID, { title: 'Questions' }, seeder);
  for (const lesson of lessons) {
    const created = await createLesson(context.db, DEMO_TENANT_ID, module.id, { title: lesson.title }, seeder);
    await createBlock(context.db, DEMO_TENANT_ID, created.id, { kind: 'rich_text', markdown: lesson.markdown }, seeder);
  }
  const draft = await context.db.withTenant<CatalogDatabase, number>(DEMO_TENANT_ID, async (tx) => (await findCourse(tx, DEMO_TENANT_ID, DEMO_PAID_COURSE_ID, false))!.version);
  await publishCourse(context, DEMO_TENANT_ID, { courseId: DEMO_PAID_COURSE_ID, expectedVersion: draft, actorId, via: 'publish' });
}
