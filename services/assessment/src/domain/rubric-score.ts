/** A criterion of an essay's rubric, as catalog's item format has it. */
export interface RubricCriterion {
  criterion: string;
  points: number;
}

/** What a grader gives one criterion, by its index in the rubric. */
export interface CriterionScore {
  criterion: number;
  points: number;
}

/** The name of the single criterion an essay without rubric points is graded on. */
export const OVERALL_CRITERION = 'Overall';

/**
 * The rubric a grader scores: the item's own, or, when it has no points to give (no criteria, or all worth
 * 0), one criterion worth the slot's points, so that such an essay can still be graded.
 */
export function effectiveRubric(rubric: unknown, slotMaxScore: number): RubricCriterion[] {
  const criteria = Array.isArray(rubric) ? rubric.filter(isCriterion) : [];
  return totalOf(criteria) > 0 ? criteria : [{ criterion: OVERALL_CRITERION, points: slotMaxScore }];
}

/** What is wrong with a grader's scores (empty when nothing): every criterion scored once, between 0 and its points. */
export function rubricProblems(rubric: readonly RubricCriterion[], scores: readonly CriterionScore[]): Array<{ path: string; detail: string }> {
  const problems: Array<{ path: string; detail: string }> = [];
  const seen = new Set<number>();
  scores.forEach((score, i) => {
    const criterion = rubric[score.criterion];
    if (!criterion) {
      problems.push({ path: `/rubric/${i}/criterion`, detail: `the rubric has no criterion ${score.criterion} (it has ${rubric.length})` });
      return;
    }
    if (seen.has(score.criterion)) problems.push({ path: `/rubric/${i}/criterion`, detail: `criterion ${score.criterion} is scored twice` });
    seen.add(score.criterion);
    if (!(score.points >= 0 && score.points <= criterion.points)) {
      problems.push({ path: `/rubric/${i}/points`, detail: `criterion ${score.criterion} (${criterion.criterion}) takes 0 to ${criterion.points} points, not ${score.points}` });
    }
  });
  rubric.forEach((criterion, index) => {
    if (!seen.has(index)) problems.push({ path: '/rubric', detail: `criterion ${index} (${criterion.criterion}) is not scored` });
  });
  return problems;
}

/**
 * The slot's score from valid rubric scores: the share of the rubric's points earned, times the slot's
 * points (a rubric of 10 points on a slot worth 5 gives half a point per rubric point). Never above the
 * slot's points; rounded to 4 decimals like every score.
 */
export function rubricScore(rubric: readonly RubricCriterion[], scores: readonly CriterionScore[], slotMaxScore: number): number {
  const total = totalOf(rubric);
  const earned = scores.reduce((sum, s) => sum + s.points, 0);
  const score = total > 0 ? (earned / total) * slotMaxScore : 0;
  return Math.round(Math.min(slotMaxScore, Math.max(0, score)) * 10_000) / 10_000;
}

function totalOf(rubric: readonly RubricCriterion[]): number {
  return rubric.reduce((sum, c) => sum + c.points, 0);
}

function isCriterion(value: unknown): value is RubricCriterion {
  const c = value as Partial<RubricCriterion> | null;
  return typeof c?.criterion === 'string' && typeof c.points === 'number' && Number.isFinite(c.points) && c.points >= 0;
}
