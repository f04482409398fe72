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
