import { EXAM_CATEGORIES, type ExamCategory } from '../contract/exams.js';

/** How a course weighs one exam category: `weight` is a percentage, the `dropLowest` lowest results do not count. */
export interface CategoryRule {
  category: ExamCategory;
  weight: number;
  dropLowest: number;
}

/** An exam as a gradebook column. */
export interface ExamColumn {
  id: string;
  title: string;
  category: ExamCategory;
}

/** One submission of a student, as the gradebook needs it. */
export interface GradedAttempt {
  examId: string;
  status: 'graded' | 'pending_manual' | 'awaiting_code_grader';
  /** After the late penalty. */
  score: number;
  maxScore: number;
  /** Whether the student may see this result (the exam's release rules). */
  released: boolean;
}

/** A student's standing in one exam. */
export interface ExamCell {
  examId: string;
  /** The best percent over their fully graded submissions; null when none is graded yet. */
  percent: number | null;
  /** Some submission still waits for a person (essays) or the code runner. */
  pending: boolean;
  /** Submissions counted (graded or pending). */
  attempts: number;
  /** Whether the student may see the result counted here. */
  released: boolean;
}

/** A student's standing in one category. */
export interface CategoryCell {
  category: ExamCategory;
  /** The weight the scheme gives (0 for a category it does not list). */
  weight: number;
  /** The weight after renormalising over the categories the student has grades in; null when it does not count. */
  effectiveWeight: number | null;
  /** The mean of the exams counted; null when the student has no graded exam in the category. */
  percent: number | null;
  counted: string[];
  dropped: string[];
}

/** A student's gradebook row. */
export interface GradebookRow {
  userId: string;
  exams: ExamCell[];
  categories: CategoryCell[];
  /** The weighted course percent; null without any graded exam in a weighted category. */
  percent: number | null;
}

/** With no scheme set: equal weights over the categories of the course's exams, nothing dropped. */
export function defaultScheme(columns: readonly ExamColumn[]): CategoryRule[] {
  const present = EXAM_CATEGORIES.filter((category) => columns.some((c) => c.category === category));
  return present.map((category) => ({ category, weight: round(100 / present.length), dropLowest: 0 }));
}

/**
 * A student's cell per exam column, from their submissions. The best graded percent counts (a later, worse
 * attempt does not lower a grade earned); submissions still waiting for a grader mark the cell pending.
 */
export function examCells(columns: readonly ExamColumn[], attempts: readonly GradedAttempt[]): ExamCell[] {
  return columns.map((column) => {
    const mine = attempts.filter((a) => a.examId === column.id);
    const graded = mine.filter((a) => a.status === 'graded').map((a) => ({ percent: percentOf(a.score, a.maxScore), released: a.released }));
    const best = graded.reduce<{ percent: number; released: boolean } | null>((held, g) => (held === null || g.percent > held.percent ? g : held), null);
    return {
      examId: column.id, percent: best?.percent ?? null, pending: mine.some((a) => a.status !== 'graded'), attempts: mine.length,
      released: best?.released ?? false,
    };
  });
}

/**
 * The mean of a category's results after dropping the `dropLowest` lowest. At least one result always
 * counts: dropping more than a student has would leave the category empty. Ties drop in exam id order.
 */
export function categoryMean(results: ReadonlyArray<{ examId: string; percent: number }>, dropLowest: number): Pick<CategoryCell, 'percent' | 'counted' | 'dropped'> {
  if (results.length === 0) return { percent: null, counted: [], dropped: [] };
  const ordered = [...results].sort((a, b) => a.percent - b.percent || a.examId.localeCompare(b.examId));
  const drop = Math.min(Math.max(0, Math.floor(dropLowest)), ordered.length - 1);
  const counted = ordered.slice(drop);
  return {
    percent: counted.reduce((sum, r) => sum + r.percent, 0) / counted.length,
    counted: counted.map((r) => r.examId),
    dropped: ordered.slice(0, drop).map((r) => r.examId),
  };
}

/**
 * The weighted mean of category percents, the weights renormalised over the categories that have a
 * percent and a positive weight: a student without any quiz graded yet is weighed on the rest alone.
 */
export function weightedPercent(categories: ReadonlyArray<{ weight: number; percent: number | null }>): number | null {
  const counting = categories.filter((c) => c.percent !== null && c.weight > 0);
  const total = counting.reduce((sum, c) => sum + c.weight, 0);
  if (total <= 0) return null;
  return counting.reduce((sum, c) => sum + c.weight * (c.percent as number), 0) / total;
}

/** A student's row: exam cells, category means after drops, and the weighted course percent (all rounded to 2 decimals). */
export function gradebookRow(userId: string, columns: readonly ExamColumn[], scheme: readonly CategoryRule[], attempts: readonly GradedAttempt[]): GradebookRow {
  const exams = examCells(columns, attempts);
  const categories = categoriesOf(columns, scheme).map((rule) => {
    const results = exams.flatMap((cell, i) => (columns[i]!.category === rule.category && cell.percent !== null ? [{ examId: cell.examId, percent: cell.percent }] : []));
    return { category: rule.category, weight: rule.weight, ...categoryMean(results, rule.dropLowest) };
  });
  const percent = weightedPercent(categories);
  const weightTotal = categories.filter((c) => c.percent !== null && c.weight > 0).reduce((sum, c) => sum + c.weight, 0);
  return {
    userId,
    exams: exams.map((cell) => ({ ...cell, percent: roundOrNull(cell.percent) })),
    categories: categories.map((c) => ({
      ...c, percent: roundOrNull(c.percent), effectiveWeight: c.percent !== null && c.weight > 0 && weightTotal > 0 ? round((c.weight / weightTotal) * 100) : null,
    })),
    percent: roundOrNull(percent),
  };
}

/** The scheme's categories in its order, then those of the course's exams it does not list (weight 0: shown, not counted). */
export function categoriesOf(columns: readonly ExamColumn[], scheme: readonly CategoryRule[]): CategoryRule[] {
  const listed = new Set(scheme.map((r) => r.category));
  const unlisted = EXAM_CATEGORIES.filter((category) => !listed.has(category) && columns.some((c) => c.category === category));
  return [...scheme, ...unlisted.map((category) => ({ category, weight: 0, dropLowest: 0 }))];
}

/** What is wrong with a scheme (empty when nothing): each category once, some weight above 0. */
export function schemeProblems(scheme: readonly CategoryRule[]): Array<{ path: string; detail: string }> {
  const problems: Array<{ path: string; detail: string }> = [];
  const seen = new Set<string>();
  scheme.forEach((rule, i) => {
    if (seen.has(rule.category)) problems.push({ path: `/categories/${i}/category`, detail: `${rule.category} is listed twice` });
    seen.add(rule.category);
  });
  if (scheme.length > 0 && scheme.every((rule) => rule.weight === 0)) problems.push({ path: '/categories', detail: 'at least one category needs a weight above 0' });
  return problems;
}

/**
 * Whether students see the results of a submission, by the exam version's release policy: at once, once
 * the exam has closed, or once staff released them by hand (the same rules as the results read model).
 */
export function resultsReleased(policy: string, closesAt: string | null, releasedAt: string | Date | null, now: Date): boolean {
  if (policy === 'immediately' || releasedAt !== null) return true;
  return policy === 'after_close' && closesAt !== null && now.getTime() >= Date.parse(closesAt);
}

function percentOf(score: number, maxScore: number): number {
  return maxScore > 0 ? (score / maxScore) * 100 : 0;
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round(value);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
