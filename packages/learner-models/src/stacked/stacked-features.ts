import { predictCorrect } from '../bkt/bkt-filter.js';
import type { BktParams } from '../bkt/bkt-params.js';
import { clamp, logit, sigmoid } from '../core/math.js';
import { probabilityCorrect, type ItemParams } from '../irt/irt-2pl.js';

/**
 * The stacked predictor: a small logistic model over the other models' own estimates — the BKT prediction
 * for the item's weakest skill (log-odds), the IRT term a·(θ − b), and PFA counts of past successes and
 * failures on that skill. Five weights, so it refits in milliseconds per tenant and every prediction can say
 * how much each feature moved it. What the adaptive service serves.
 */
export const STACKED_FEATURES = ['bias', 'mastery', 'ability', 'successes', 'failures'] as const;
export type StackedFeature = (typeof STACKED_FEATURES)[number];
export type StackedWeights = Record<StackedFeature, number>;

/** Before any fit: trust BKT and IRT about equally. */
export const DEFAULT_STACKED_WEIGHTS: StackedWeights = { bias: 0, mastery: 0.8, ability: 0.6, successes: 0, failures: 0 };

/** What is known of the student on one skill of the item. */
export interface SkillState {
  skillId: string;
  pKnown: number;
  attempts: number;
  successes: number;
  params: BktParams;
}

export interface StackedInput {
  skills: readonly SkillState[];
  ability: { theta: number; se: number };
  item: ItemParams;
}

export interface StackedPrediction {
  pCorrect: number;
  /** The skill the prediction turned on (the weakest of the item's), null for an item without skills. */
  skillId: string | null;
  contributions: Array<{ feature: StackedFeature; value: number; weight: number; contribution: number }>;
}

/** The feature vector of a prediction, in STACKED_FEATURES order. */
export function stackedFeatures(input: StackedInput): { values: number[]; skillId: string | null } {
  const weakest = weakestSkill(input.skills);
  const pSkill = weakest ? predictCorrect(weakest.params, weakest.pKnown) : probabilityCorrect(input.item, input.ability.theta);
  const failures = weakest ? weakest.attempts - weakest.successes : 0;
  return {
    skillId: weakest?.skillId ?? null,
    values: [1, logit(pSkill), input.item.a * (input.ability.theta - input.item.b), Math.log1p(weakest?.successes ?? 0), Math.log1p(failures)],
  };
}

export function predictStacked(weights: StackedWeights, input: StackedInput): StackedPrediction {
  const { values, skillId } = stackedFeatures(input);
  const contributions = STACKED_FEATURES.map((feature, index) => {
    const value = values[index] ?? 0;
    return { feature, value, weight: weights[feature], contribution: weights[feature] * value };
  });
  const score = contributions.reduce((sum, part) => sum + part.contribution, 0);
  return { pCorrect: clamp(sigmoid(score), 1e-4, 1 - 1e-4), skillId, contributions };
}

/** P(correct) from a feature vector already computed (replays and evaluation). */
export function scoreStacked(weights: StackedWeights, values: readonly number[]): number {
  return sigmoid(values.reduce((sum, value, i) => sum + value * weights[STACKED_FEATURES[i]!], 0));
}

function weakestSkill(skills: readonly SkillState[]): SkillState | undefined {
  let weakest: SkillState | undefined;
  for (const skill of skills) {
    if (!weakest || predictCorrect(skill.params, skill.pKnown) < predictCorrect(weakest.params, weakest.pKnown)) weakest = skill;
  }
  return weakest;
}

/**
 * Fits the weights by L2-regularised logistic regression with Newton's method (five features: the Hessian is
 * 5×5). Returns the defaults when there is too little to learn from.
 */
export function fitStackedWeights(rows: ReadonlyArray<{ values: readonly number[]; correct: boolean }>, options = { iterations: 25, l2: 1 }): StackedWeights {
  const k = STACKED_FEATURES.length;
  if (rows.length < 50) return { ...DEFAULT_STACKED_WEIGHTS };
  let w = STACKED_FEATURES.map((feature) => DEFAULT_STACKED_WEIGHTS[feature]);
  for (let iteration = 0; iteration < options.iterations; iteration += 1) {
    const gradient = w.map((weight) => options.l2 * weight);
    const hessian = Array.from({ length: k }, (_row, i) => Array.from({ length: k }, (_col, j) => (i === j ? options.l2 : 0)));
    for (const row of rows) {
      const p = sigmoid(row.values.reduce((sum, value, i) => sum + value * (w[i] ?? 0), 0));
      const error = p - (row.correct ? 1 : 0);
      const curvature = Math.max(p * (1 - p), 1e-6);
      for (let i = 0; i < k; i += 1) {
        gradient[i]! += error * (row.values[i] ?? 0);
        for (let j = 0; j < k; j += 1) hessian[i]![j]! += curvature * (row.values[i] ?? 0) * (row.values[j] ?? 0);
      }
    }
    const step = solve(hessian, gradient);
    if (!step) break;
    w = w.map((weight, i) => weight - (step[i] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return Object.fromEntries(STACKED_FEATURES.map((feature, i) => [feature, w[i] ?? 0])) as StackedWeights;
}

/** Gaussian elimination with partial pivoting; null when singular. */
function solve(matrix: number[][], vector: number[]): number[] | null {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < n; row += 1) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let row = 0; row < n; row += 1) {
      if (row === col) continue;
      const factor = a[row]![col]! / a[col]![col]!;
      for (let c = col; c <= n; c += 1) a[row]![c]! -= factor * a[col]![c]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}
