import { sigmoid } from '../core/math.js';

/** A 2PL item: discrimination `a` (slope) and difficulty `b` (ability at which P(correct) = 0.5). */
export interface ItemParams {
  readonly a: number;
  readonly b: number;
}

/** P(correct) under 2PL: σ(a(θ − b)). */
export function probabilityCorrect(item: ItemParams, theta: number): number {
  return sigmoid(item.a * (theta - item.b));
}

/** Fisher information of an item at ability θ, a²·p·(1 − p): what CAT maximises. */
export function information(item: ItemParams, theta: number): number {
  const p = probabilityCorrect(item, theta);
  return item.a * item.a * p * (1 - p);
}
