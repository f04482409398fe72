import { DEMO_TENANT_ID } from '@tessera/identity';
import type { ServiceContext } from '@tessera/platform';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { findCourse } from '../db/course.repository.js';
import { createItems } from '../items/item-commands.js';
import type { ItemContent } from '../items/item-types.js';
import { createBlock } from './blocks.js';
import { createCourse } from './courses.js';
import type { Editor } from './editor.js';
import { createLesson } from './lessons.js';
import { createModule } from './modules.js';
import { publishCourse } from './publish-course.js';
import { createSkill, setPrerequisites } from './skills.js';

/** The adaptive demo course's fixed id, so seeding twice finds it. */
export const DEMO_PRACTICE_COURSE_ID = '00000000-0000-4000-8000-00000000c002';

/**
 * Three skills in a chain, each taught by one lesson whose questions are the practice pool: true/false
 * statements (all true) and sums a reader can work out from the stem, so the demo (and its browser journey)
 * can practise without knowing the keys.
 */
const skills = [
  { name: 'Counting', requires: [], lesson: 'Counting on', facts: ['7 comes after 6.', '10 is more than 9.', 'Counting from 3 to 5 says three numbers.'], sums: [[4, 1], [8, 1], [2, 1]] as const, op: '+' },
  { name: 'Addition', requires: ['Counting'], lesson: 'Adding numbers', facts: ['2 + 2 makes 4.', 'Adding 0 changes nothing.', 'Order does not matter in a sum.'], sums: [[3, 4], [5, 6], [9, 8]] as const, op: '+' },
  { name: 'Subtraction', requires: ['Addition'], lesson: 'Taking away', facts: ['5 − 5 makes 0.', 'Taking away 0 changes nothing.', '10 − 3 makes 7.'], sums: [[9, 4], [12, 5], [15, 7]] as const, op: '−' },
];

function questionsFor(skill: (typeof skills)[number], skillId: string): ItemContent[] {
  const statements: ItemContent[] = skill.facts.map((fact, index) => ({
    type: 'true_false', title: `${skill.name}: statement ${index + 1}`, stem: `<p>${fact}</p>`, answer: true, skills: [skillId],
    courseId: DEMO_PRACTICE_COURSE_ID, difficulty: 0.2 + index * 0.1, hints: ['<p>Read it slowly and try it with your fingers.</p>'],
  }));
  const sums: ItemContent[] = skill.sums.map(([a, b], index) => ({
    type: 'numeric', title: `${skill.name}: sum ${index + 1}`, stem: `<p>What is ${a} ${skill.op} ${b}?</p>`, skills: [skillId],
    value: skill.op === '+' ? a + b : a - b, courseId: DEMO_PRACTICE_COURSE_ID, difficulty: 0.3 + index * 0.15,
    hints: ['<p>Count on from the first number.</p>'], feedback: { correct: '<p>Well done.</p>', incorrect: `<p>${a} ${skill.op} ${b} = ${skill.op === '+' ? a + b : a - b}.</p>` },
  }));
  return [...statements, ...sums];
}

/** The adaptive practice demo: a published course with a skill graph; does nothing when it exists. */
export async function seedDemoPracticeCourse(context: ServiceContext, seeder: Editor, seedActor: string): Promise<void> {
  const exists = await context.db.withTenant<CatalogDatabase, boolean>(DEMO_TENANT_ID, async (tx) => (await findCourse(tx, DEMO_TENANT_ID, DEMO_PRACTICE_COURSE_ID, false)) !== undefined);
  if (exists) return;
  const ids = new Map<string, string>();
  for (const skill of skills) {
    const created = await createSkill(context, DEMO_TENANT_ID, { name: skill.name, description: `Demo skill: ${skill.lesson.toLowerCase()}` });
    ids.set(skill.name, created.id);
    if (skill.requires.length > 0) {
      await setPrerequisites(context, DEMO_TENANT_ID, { id: created.id, requires: skill.requires.map((name) => ids.get(name)!), expectedVersion: created.version });
    }
  }
  await createCourse(context.db, DEMO_TENANT_ID, null, {
    title: 'Arithmetic practice', summary: 'Counting, adding and taking away, with practice chosen for you.', category: 'Mathematics',
    language: 'en', level: 'beginner', tags: ['practice', 'demo', 'adaptive'], visibility: 'public',
  }, DEMO_PRACTICE_COURSE_ID);
  const module = await createModule(context.db, DEMO_TENANT_ID, DEMO_PRACTICE_COURSE_ID, { title: 'Number sense' }, seeder);
  for (const skill of skills) {
    const skillId = ids.get(skill.name)!;
    const lesson = await createLesson(context.db, DEMO_TENANT_ID, module.id, { title: skill.lesson, skills: [skillId] }, seeder);
    await createBlock(context.db, DEMO_TENANT_ID, lesson.id, { kind: 'rich_text', markdown: `# ${skill.lesson}\n\nPractise **${skill.name.toLowerCase()}** with the questions below.` }, seeder);
    for (const item of await createItems(context, DEMO_TENANT_ID, seedActor, questionsFor(skill, skillId))) {
      await createBlock(context.db, DEMO_TENANT_ID, lesson.id, { kind: 'question', itemId: item.id }, seeder);
    }
  }
  const draft = await context.db.withTenant<CatalogDatabase, number>(DEMO_TENANT_ID, async (tx) => (await findCourse(tx, DEMO_TENANT_ID, DEMO_PRACTICE_COURSE_ID, false))!.version);
  await publishCourse(context, DEMO_TENANT_ID, { courseId: DEMO_PRACTICE_COURSE_ID, expectedVersion: draft, actorId: seedActor, via: 'publish' });
}
