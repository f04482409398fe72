import type { BktParams } from './bkt-params.js';

/** P(correct) on the next attempt for a student who knows the skill with probability `pKnown`. */
export function predictCorrect(params: BktParams, pKnown: number): number {
  return pKnown * (1 - params.slip) + (1 - pKnown) * params.guess;
}

/** P(known) before the next attempt, after observing one answer: Bayes on the answer, then the transition. */
export function updateMastery(params: BktParams, pKnown: number, correct: boolean): number {
  const known = correct ? pKnown * (1 - params.slip) : pKnown * params.slip;
  const unknown = correct ? (1 - pKnown) * params.guess : (1 - pKnown) * (1 - params.guess);
  const posterior = known / (known + unknown);
  return posterior * (1 - params.forget) + (1 - posterior) * params.learn;
}
