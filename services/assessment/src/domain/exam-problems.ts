import type { Exam, Section } from '../contract/exams.js';

/** One reason an exam cannot be published, with where it is (a JSON pointer into the draft). */
export interface ExamProblem {
  path: string;
  detail: string;
}

/** What is wrong with the draft itself, items aside. */
export function examProblems(exam: Pick<Exam, 'settings' | 'sections'>): ExamProblem[] {
  const problems: ExamProblem[] = [];
  if (exam.sections.length === 0) problems.push({ path: '/sections', detail: 'an exam needs at least one item' });
  const { opensAt, closesAt } = exam.settings;
  if (opensAt && closesAt && Date.parse(opensAt) >= Date.parse(closesAt)) {
    problems.push({ path: '/settings/closesAt', detail: 'the exam must close after it opens' });
  }
  if (exam.settings.adaptive) problems.push(...adaptiveProblems(exam));
  const seen = new Set<string>();
  for (const [index, section] of exam.sections.entries()) {
    if (section.kind !== 'fixed') continue;
    if (seen.has(section.itemId)) problems.push({ path: `/sections/${index}/itemId`, detail: `item ${section.itemId} appears twice` });
    seen.add(section.itemId);
  }
  return problems;
}

/** What is wrong with a draw section once its pool is known. */
export function sectionProblems(index: number, section: Extract<Section, { kind: 'draw' }>, poolSize: number): ExamProblem[] {
  const problems: ExamProblem[] = [];
  if (!section.pool && !section.skills && !section.difficulty) {
    problems.push({ path: `/sections/${index}`, detail: 'a draw needs a pool of items, skills or a difficulty range' });
  }
  if (section.difficulty && section.difficulty.min > section.difficulty.max) {
    problems.push({ path: `/sections/${index}/difficulty`, detail: 'the difficulty range is empty (min > max)' });
  }
  if (poolSize < section.count) {
    problems.push({ path: `/sections/${index}/count`, detail: `draws ${section.count} items from a pool of ${poolSize} published items` });
  }
  return problems;
}

/** An adaptive exam chooses every item itself, from its draw sections' pools. */
function adaptiveProblems(exam: Pick<Exam, 'settings' | 'sections'>): ExamProblem[] {
  const problems: ExamProblem[] = [];
  for (const [index, section] of exam.sections.entries()) {
    if (section.kind === 'fixed') problems.push({ path: `/sections/${index}`, detail: 'an adaptive exam chooses its items: use draw sections as its pools, not fixed items' });
  }
  const stop = exam.settings.adaptiveStop;
  if (stop && stop.minItems > stop.maxItems) problems.push({ path: '/settings/adaptiveStop/minItems', detail: `at least ${stop.minItems} items cannot fit in at most ${stop.maxItems}` });
  return problems;
}

/** What is wrong with an adaptive exam's pool once its items are known. */
export function adaptivePoolProblems(pool: ReadonlyArray<{ itemId: string; type: string }>, minItems: number, gradedAtOnce: ReadonlySet<string>): ExamProblem[] {
  const problems = pool.filter((item) => !gradedAtOnce.has(item.type))
    .map((item) => ({ path: '/sections', detail: `item ${item.itemId} is a ${item.type} item: an adaptive exam grades each answer at once, so it cannot hold essays or code` }));
  if (pool.length < minItems) problems.push({ path: '/sections', detail: `the pools hold ${pool.length} items, fewer than the ${minItems} an attempt gives at least` });
  return problems;
}
