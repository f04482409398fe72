import { clamp, estimateAbility, information, predictCorrect, probabilityCorrect, updateMastery, type BktParams } from '@tessera/learner-models';

/**
 * The per-answer steps of the learner models, from @tessera/learner-models (the same math the evaluation
 * harness measures on real data), with the service's defaults and bounds.
 */
export { clamp, estimateAbility, logit, sigmoid, type BktParams } from '@tessera/learner-models';

/**
 * Before the tenant has history for a skill. The prior is lower than the package's neutral 0.5: a skill a
 * course teaches is usually new to its students, and a low prior keeps mastery from being claimed early.
 */
export const DEFAULT_BKT: BktParams = { prior: 0.35, learn: 0.12, guess: 0.2, slip: 0.1, forget: 0 };

/** P(correct) of the next answer on a skill known with probability `pKnown`. */
export function bktPCorrect(params: BktParams, pKnown: number): number {
  return predictCorrect(params, pKnown);
}

/** P(known) after an answer (posterior, then the learning and forgetting transition), kept off 0 and 1. */
export function bktUpdate(params: BktParams, pKnown: number, correct: boolean): number {
  return clamp(updateMastery(params, pKnown, correct), 1e-4, 1 - 1e-4);
}

/** A prior of ability for a student never seen: N(0, 1). */
export const ABILITY_PRIOR = { theta: 0, se: 1 } as const;

/** The ability posterior N(theta, se²) after one more answer (grid EAP with the current estimate as prior). */
export function updateAbility(ability: { theta: number; se: number }, item: { a: number; b: number }, correct: boolean): { theta: number; se: number } {
  const estimate = estimateAbility([item], [correct], { mean: ability.theta, sd: Math.max(ability.se, 0.05) });
  return { theta: clamp(estimate.theta, -6, 6), se: estimate.se };
}

/** 2PL P(correct). */
export function irtPCorrect(a: number, b: number, theta: number): number {
  return probabilityCorrect({ a, b }, theta);
}

/** Fisher information of a 2PL item at `theta` (what adaptive testing maximises). */
export function itemInformation(a: number, b: number, theta: number): number {
  return information({ a, b }, theta);
}
