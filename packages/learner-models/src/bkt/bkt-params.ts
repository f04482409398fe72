import { clamp } from '../core/math.js';

/** Per-skill Bayesian Knowledge Tracing parameters (Corbett & Anderson 1994), all probabilities. */
export interface BktParams {
  /** P(known) before the first attempt. */
  readonly prior: number;
  /** P(unknown → known) after an attempt. */
  readonly learn: number;
  /** P(correct | unknown). */
  readonly guess: number;
  /** P(incorrect | known). */
  readonly slip: number;
  /** P(known → unknown) after an attempt; 0 is classic BKT. */
  readonly forget: number;
}

/**
 * Bounds EM may not leave. With guess and slip at most 0.3 a correct answer is always evidence of
 * knowing (guess < 1 - slip), so the model cannot flip into its degenerate mirror image.
 */
export const BKT_BOUNDS = {
  prior: [0.01, 0.99],
  learn: [0.001, 0.9],
  guess: [0.01, 0.3],
  slip: [0.01, 0.3],
  forget: [0, 0.5],
} as const satisfies Record<keyof BktParams, readonly [number, number]>;

/** Parameters used before anything is fitted. */
export const DEFAULT_BKT_PARAMS: BktParams = { prior: 0.5, learn: 0.1, guess: 0.2, slip: 0.1, forget: 0 };

/** `params` pulled inside BKT_BOUNDS. */
export function clampBktParams(params: BktParams): BktParams {
  return {
    prior: clamp(params.prior, ...BKT_BOUNDS.prior),
    learn: clamp(params.learn, ...BKT_BOUNDS.learn),
    guess: clamp(params.guess, ...BKT_BOUNDS.guess),
    slip: clamp(params.slip, ...BKT_BOUNDS.slip),
    forget: clamp(params.forget, ...BKT_BOUNDS.forget),
  };
}
