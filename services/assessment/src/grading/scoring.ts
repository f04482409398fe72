import type { ScoringRules } from './outcome.js';

const SCORE_DECIMALS = 1e4;

/**
 * Refuses points and rules no assessment can have. They come from validated configuration, so a bad value
 * is a bug upstream: failing loudly beats storing scores computed from it.
 */
export function assertScoringInput(points: number, rules: ScoringRules): void {
  if (!Number.isFinite(points) || points < 0) throw new RangeError(`points must be a finite number ≥ 0, got ${points}`);
  const { negativeMarking, partialCredit } = rules;
  if (!Number.isFinite(negativeMarking) || negativeMarking < 0 || negativeMarking > 1) {
    throw new RangeError(`negativeMarking must be between 0 and 1, got ${negativeMarking}`);
  }
  if (partialCredit !== 'all_or_nothing' && partialCredit !== 'proportional') {
    throw new RangeError(`partialCredit must be all_or_nothing or proportional, got ${String(partialCredit)}`);
  }
}

/** Points for an answered (not blank) response whose right share is `fraction`. */
export function scoreAnswered(fraction: number, points: number, rules: ScoringRules): number {
  const penalty = -rules.negativeMarking * points;
  const raw = rules.partialCredit === 'all_or_nothing'
    ? (fraction === 1 ? points : penalty)
    : (fraction > 0 ? fraction * points : penalty);
  // Rounding points given with more than 4 decimals could step past them: keep the score within its bounds.
  return clamp(roundScore(raw), penalty, points);
}

/** A score rounded to 4 decimals, so sums of shares like 1/3 do not carry float noise; never −0. */
export function roundScore(value: number): number {
  const rounded = Math.round(value * SCORE_DECIMALS) / SCORE_DECIMALS;
  return rounded === 0 ? 0 : rounded;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
