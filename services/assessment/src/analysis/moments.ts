/**
 * Statistics computed from running sums (n, Σx, Σx², Σxy) rather than from the raw values, so that item
 * analysis never has to read the attempts again.
 *
 * Variances and covariances are kept in their n-scaled form, n·Σx² − (Σx)², until the last division: for
 * integer (and dyadic, e.g. quarter-point) scores every operand is an exact integer in a double, so a zero
 * variance is exactly 0 and adding then removing an attempt cancels exactly. Sample (n − 1) variances are
 * used throughout; correlations and Cronbach's alpha are ratios in which that factor cancels, so the choice
 * only shows in the reported standard deviation.
 */

/**
 * Below this share of n·Σx², an n-scaled variance is rounding noise, not spread: with fractional scores
 * (thirds of a point) the sums carry a relative error of about n·2⁻⁵³, and a correlation divided by such a
 * residue would be a confident-looking number made of noise. A genuine spread that small (a coefficient of
 * variation of 10⁻⁵) says nothing about an item either.
 */
const RELATIVE_ZERO = 1e-10;

/** n·Σx² − (Σx)², or 0 when that is indistinguishable from rounding error (never negative). */
export function scaledVariance(n: number, sum: number, sumSq: number): number {
  const scaled = n * sumSq - sum * sum;
  return scaled <= RELATIVE_ZERO * n * sumSq ? 0 : scaled;
}

/** Sample variance (divisor n − 1), or null when it is undefined (n < 2). */
export function sampleVariance(n: number, sum: number, sumSq: number): number | null {
  if (n < 2) return null;
  return scaledVariance(n, sum, sumSq) / (n * (n - 1));
}

/** Sample standard deviation, or null when undefined (n < 2). */
export function sampleStandardDeviation(n: number, sum: number, sumSq: number): number | null {
  const variance = sampleVariance(n, sum, sumSq);
  return variance === null ? null : Math.sqrt(variance);
}

/** Mean, or null over no values. */
export function mean(n: number, sum: number): number | null {
  return n > 0 ? sum / n : null;
}

/** The running sums of two paired variables x and y. */
export interface PairedSums {
  n: number;
  sumX: number;
  sumXSq: number;
  sumY: number;
  sumYSq: number;
  sumXY: number;
}

/**
 * Pearson's correlation of x and y, or null when it is undefined: fewer than two pairs, or either variable
 * constant (a correlation with a constant is 0/0, and reporting 0 would claim "no relation" where there is
 * simply no information).
 */
export function pearsonCorrelation(sums: PairedSums): number | null {
  const { n, sumX, sumXSq, sumY, sumYSq, sumXY } = sums;
  if (n < 2) return null;
  const varianceX = scaledVariance(n, sumX, sumXSq);
  const varianceY = scaledVariance(n, sumY, sumYSq);
  if (varianceX === 0 || varianceY === 0) return null;
  const covariance = n * sumXY - sumX * sumY;
  // Rounding can push a perfect correlation a hair past ±1.
  return clamp(covariance / Math.sqrt(varianceX * varianceY), -1, 1);
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Refuses NaN and ±Infinity at the door: one of them in a running sum would poison it for good. */
export function requireFinite(value: number, name: string): number {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
  return value;
}
