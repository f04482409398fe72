/**
 * What catalog announces for the adaptive bench's tenant: a skill graph of a few prerequisite chains, one
 * course teaching every skill (a lesson per skill, chain after chain) and practice items spread evenly over the
 * skills. The same seed gives the same catalog, so two runs differ by the code and the machine.
 */
import type { CoursePublishedData, ItemContent, ItemPublishedData, SkillGraphChangedData } from '@tessera/catalog/contract';
import { Random } from '../catalog/random.js';

export interface ShapeSpec {
  skills: number;
  /** Prerequisite chains: each skill of a chain requires the one before it. */
  chains: number;
  items: number;
  seed: number;
}

export interface CatalogShape {
  graph: SkillGraphChangedData;
  /** The course's skills in lesson order: every skill after its prerequisites. */
  skillOrder: string[];
  course: CoursePublishedData;
  items: ItemPublishedData[];
}

/** Share of items that are true/false; the others are single choice with four options. */
const TRUE_FALSE_SHARE = 0.2;
/** The option a single-choice item of the bench marks correct, and one it marks wrong. */
export const RIGHT_OPTION = 'A';
export const WRONG_OPTION = 'B';

/** The whole catalog side of the tenant, announced at `publishedAt`. */
export function catalogShape(spec: ShapeSpec, publishedAt: Date): CatalogShape {
  const random = new Random(spec.seed);
  const skillOrder = Array.from({ length: spec.skills }, () => random.uuid());
  const graph = skillGraph(skillOrder, spec.chains);
  const course = courseOf(random.uuid(), skillOrder, publishedAt);
  const items = Array.from({ length: spec.items }, (_, index) => itemOf(random, skillOrder[index % skillOrder.length] as string, index, publishedAt));
  return { graph, skillOrder, course, items };
}

/** `skills` cut into `chains` runs of (nearly) equal length, each skill requiring the one before it in its run. */
export function skillGraph(skills: readonly string[], chains: number): SkillGraphChangedData {
  const length = Math.ceil(skills.length / Math.max(1, chains));
  const prerequisites: SkillGraphChangedData['prerequisites'] = [];
  skills.forEach((skillId, index) => {
    if (index % length !== 0) prerequisites.push({ skillId, requiresSkillId: skills[index - 1] as string });
  });
  return { graphVersion: 1, skills: skills.map((skillId, index) => ({ skillId, name: `Skill ${Math.floor(index / length) + 1}.${(index % length) + 1}` })), prerequisites };
}

function courseOf(courseId: string, skills: readonly string[], publishedAt: Date): CoursePublishedData {
  return {
    courseId, version: 1, title: 'Adaptive bench course', visibility: 'tenant', priceRef: null, language: 'en', level: 'beginner', category: null, tags: [],
    skills: [...skills],
    modules: [{
      moduleId: courseId, title: 'Every skill', position: 1,
      lessons: skills.map((skillId, index) => ({ lessonId: skillId, title: `Lesson ${index + 1}`, position: index + 1, skills: [skillId] })),
    }],
    publishedAt: publishedAt.toISOString(), publishedBy: null,
  };
}

function itemOf(random: Random, skillId: string, index: number, publishedAt: Date): ItemPublishedData {
  const itemId = random.uuid();
  // The author's guess of the share who fail: spread so items fall inside and outside the target band.
  const difficulty = Math.round((0.15 + 0.7 * random.next()) * 100) / 100;
  const content = random.next() < TRUE_FALSE_SHARE ? trueFalse(index) : singleChoice(index);
  return {
    itemId, version: 1, type: content.type, skills: [skillId], difficulty, parameters: {}, courseId: null,
    publishedAt: publishedAt.toISOString(), content: { ...content, skills: [skillId], difficulty } as ItemContent,
  };
}

function singleChoice(index: number): Record<string, unknown> & { type: string } {
  return {
    type: 'single_choice', title: `Practice question ${index + 1}`, stem: `<p>Which statement about case ${index + 1} holds?</p>`,
    options: ['A', 'B', 'C', 'D'].map((id) => ({ id, text: `<p>Statement ${id} of case ${index + 1}</p>`, correct: id === RIGHT_OPTION })),
    hints: ['<p>Start from the definition.</p>'], feedback: { correct: '<p>Right.</p>', incorrect: '<p>Not quite: look at the definition again.</p>' },
  };
}

function trueFalse(index: number): Record<string, unknown> & { type: string } {
  return {
    type: 'true_false', title: `True or false ${index + 1}`, stem: `<p>Claim ${index + 1} always holds.</p>`, answer: true,
    hints: ['<p>Try a small example.</p>'], feedback: { correct: '<p>Right.</p>', incorrect: '<p>It does hold.</p>' },
  };
}

/** A wrong response to an item of this bench, in the shape of its type (as served by `GET /adaptive/next`). */
export function wrongResponse(type: string): Record<string, unknown> {
  if (type === 'true_false') return { type, value: false };
  if (type === 'single_choice') return { type, choice: WRONG_OPTION };
  throw new Error(`the adaptive bench has no ${type} items`);
}
