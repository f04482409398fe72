import { mean, requireFinite, sampleStandardDeviation, scaledVariance } from './moments.js';

/**
 * Sufficient statistics of one exam over its graded attempts, kept up to date by the grading worker like
 * the item statistics: running sums, a fixed-size histogram, and per-slot sums for reliability. A slot is a
 * stable position in the exam's structure (say, section 2, draw 1), so attempts that drew different items
 * or saw them shuffled still line up position by position, which Cronbach's alpha needs.
 */
export interface ExamStats {
  n: number;
  sumTotal: number;
  sumTotalSq: number;
  /** Attempts that passed. */
  passed: number;
  /** Attempts per tenth of the percent score: [0,10), [10,20) … [90,100]; always `HISTOGRAM_BINS` long. */
  histogram: number[];
  /**
   * Lowest and highest totals seen. A minimum is not a sum: adding an attempt updates it exactly, but removing
   * the attempt that held it cannot restore the runner-up without the raw data. Rather than drop the range,
   * removal of an extreme marks that side as possibly stale: the stored value is then only a bound (the true
   * minimum is at least `minTotal`, the true maximum at most `maxTotal`), until an attempt at or beyond it
   * makes it exact again. Removing a total strictly inside the range leaves both sides exact.
   */
  minTotal: number;
  maxTotal: number;
  minTotalMayBeStale: boolean;
  maxTotalMayBeStale: boolean;
  /** Per slot id: the scores of that position across attempts. */
  slots: Record<string, SlotStats>;
}

export interface SlotStats {
  n: number;
  sum: number;
  sumSq: number;
}

/**
 * One attempt's contribution. Its bin is an index rather than a one-hot array, which is what an
 * `histogram[bin] = histogram[bin] + 1` update needs.
 */
export interface ExamStatsDelta {
  n: number;
  sumTotal: number;
  sumTotalSq: number;
  passed: number;
  histogramBin: number;
  slots: Record<string, SlotStats>;
}

/** What the grading worker knows of an attempt once it is graded. */
export interface GradedAttemptScores {
  /** Score per slot id; every slot of the attempt's exam version. */
  slotScores: Readonly<Record<string, number>>;
  /** Points the attempt's version is worth, for its percent score. */
  maxPoints: number;
  passed: boolean;
}

export const HISTOGRAM_BINS = 10;
const BIN_WIDTH_PERCENT = 100 / HISTOGRAM_BINS;

export function emptyExamStats(): ExamStats {
  return {
    n: 0, sumTotal: 0, sumTotalSq: 0, passed: 0, histogram: new Array<number>(HISTOGRAM_BINS).fill(0),
    minTotal: 0, maxTotal: 0, minTotalMayBeStale: false, maxTotalMayBeStale: false, slots: {},
  };
}

/**
 * What one graded attempt adds to its exam's statistics. The total is the sum of the slot scores, not a
 * separate input: alpha compares the variance of the totals with the variances of their parts, and is
 * meaningless if the two could disagree.
 */
export function examContribution(attempt: GradedAttemptScores): ExamStatsDelta {
  const maxPoints = requireFinite(attempt.maxPoints, 'maxPoints');
  if (maxPoints <= 0) throw new RangeError(`maxPoints must be positive, got ${maxPoints}`);
  const slots: Record<string, SlotStats> = {};
  let total = 0;
  for (const [slotId, score] of Object.entries(attempt.slotScores)) {
    requireFinite(score, `score of slot ${slotId}`);
    slots[slotId] = { n: 1, sum: score, sumSq: score * score };
    total += score;
  }
  return { n: 1, sumTotal: total, sumTotalSq: total * total, passed: attempt.passed ? 1 : 0, histogramBin: histogramBin(total, maxPoints), slots };
}

/**
 * The tenth of the percent score the total falls in. Computed as ⌊10·total ÷ maxPoints⌋ rather than via a
 * percentage, so that integer points land in the right bin exactly (0.29 × 100 is 28.999…). Bonus points
 * above 100 % go to the top bin and negative marking below 0 % to the bottom one.
 */
export function histogramBin(total: number, maxPoints: number): number {
  const bin = Math.floor((total * HISTOGRAM_BINS) / maxPoints);
  return Math.min(HISTOGRAM_BINS - 1, Math.max(0, bin));
}

/**
 * Adds (`sign` 1) or removes (`sign` −1, for the old scores of a regraded attempt) one contribution. Returns
 * new statistics. Removing what was never added is refused, since a negative count would corrupt every
 * later report without any visible error.
 */
export function applyExamDelta(stats: ExamStats, delta: ExamStatsDelta, sign: 1 | -1): ExamStats {
  const n = stats.n + sign * delta.n;
  if (n < 0) throw new RangeError('Cannot remove an attempt from exam statistics that hold none');
  return {
    n,
    sumTotal: stats.sumTotal + sign * delta.sumTotal,
    sumTotalSq: stats.sumTotalSq + sign * delta.sumTotalSq,
    passed: stats.passed + sign * delta.passed,
    histogram: applyHistogram(stats.histogram, delta.histogramBin, sign),
    ...applyRange(stats, delta.sumTotal, sign, n),
    slots: applySlots(stats.slots, delta.slots, sign),
  };
}

function applyHistogram(histogram: readonly number[], bin: number, sign: 1 | -1): number[] {
  if (!Number.isInteger(bin) || bin < 0 || bin >= HISTOGRAM_BINS) throw new RangeError(`No histogram bin ${bin}`);
  const next = [...histogram];
  const updated = (next[bin] ?? 0) + sign;
  if (updated < 0) throw new RangeError(`Cannot remove an attempt from empty histogram bin ${bin}`);
  next[bin] = updated;
  return next;
}

type TotalRange = Pick<ExamStats, 'minTotal' | 'maxTotal' | 'minTotalMayBeStale' | 'maxTotalMayBeStale'>;

/** See `ExamStats.minTotal` for why removals can only mark the range stale. */
function applyRange(stats: ExamStats, total: number, sign: 1 | -1, nAfter: number): TotalRange {
  if (nAfter === 0) return { minTotal: 0, maxTotal: 0, minTotalMayBeStale: false, maxTotalMayBeStale: false };
  if (sign === 1 && stats.n === 0) return { minTotal: total, maxTotal: total, minTotalMayBeStale: false, maxTotalMayBeStale: false };
  if (sign === 1) {
    // A new total at or beyond a stale bound is itself the extreme, since the bound was never tighter than it.
    return {
      minTotal: Math.min(stats.minTotal, total),
      maxTotal: Math.max(stats.maxTotal, total),
      minTotalMayBeStale: stats.minTotalMayBeStale && total > stats.minTotal,
      maxTotalMayBeStale: stats.maxTotalMayBeStale && total < stats.maxTotal,
    };
  }
  return {
    minTotal: stats.minTotal,
    maxTotal: stats.maxTotal,
    minTotalMayBeStale: stats.minTotalMayBeStale || total <= stats.minTotal,
    maxTotalMayBeStale: stats.maxTotalMayBeStale || total >= stats.maxTotal,
  };
}

function applySlots(slots: Record<string, SlotStats>, delta: Record<string, SlotStats>, sign: 1 | -1): Record<string, SlotStats> {
  const next = { ...slots };
  for (const [slotId, change] of Object.entries(delta)) {
    const current = next[slotId] ?? { n: 0, sum: 0, sumSq: 0 };
    const n = current.n + sign * change.n;
    if (n < 0) throw new RangeError(`Cannot remove an attempt from slot ${slotId} that holds none`);
    next[slotId] = { n, sum: current.sum + sign * change.sum, sumSq: current.sumSq + sign * change.sumSq };
  }
  return next;
}

export interface HistogramRow {
  fromPercent: number;
  /** Exclusive, except for the top bin, which includes 100 %. */
  toPercent: number;
  count: number;
}

/** The exam's score distribution and reliability. Every ratio is null, never NaN, when undefined. */
export interface ExamReport {
  n: number;
  meanTotal: number | null;
  /** Sample standard deviation of the totals (divisor n − 1). */
  standardDeviation: number | null;
  /** Lowest total; a lower bound of it when `minTotalMayBeStale` (see `ExamStats.minTotal`). */
  minTotal: number | null;
  maxTotal: number | null;
  minTotalMayBeStale: boolean;
  maxTotalMayBeStale: boolean;
  /** Median of the percent scores, interpolated within the histogram (see `medianPercentEstimate`). */
  medianPercentEstimate: number | null;
  passRate: number | null;
  histogram: HistogramRow[];
  /** Slots the reliability is computed over. */
  slotCount: number;
  cronbachAlpha: number | null;
  /** Standard deviation × √(1 − alpha): the spread of a total around the student's true score. */
  standardErrorOfMeasurement: number | null;
}

export function examReport(stats: ExamStats): ExamReport {
  const standardDeviation = sampleStandardDeviation(stats.n, stats.sumTotal, stats.sumTotalSq);
  const alpha = cronbachAlpha(stats);
  const empty = stats.n === 0;
  return {
    n: stats.n,
    meanTotal: mean(stats.n, stats.sumTotal),
    standardDeviation,
    minTotal: empty ? null : stats.minTotal,
    maxTotal: empty ? null : stats.maxTotal,
    minTotalMayBeStale: stats.minTotalMayBeStale,
    maxTotalMayBeStale: stats.maxTotalMayBeStale,
    medianPercentEstimate: medianPercentEstimate(stats.histogram),
    passRate: mean(stats.n, stats.passed),
    histogram: stats.histogram.map((count, bin) => ({ fromPercent: bin * BIN_WIDTH_PERCENT, toPercent: (bin + 1) * BIN_WIDTH_PERCENT, count })),
    slotCount: Object.keys(stats.slots).length,
    cronbachAlpha: alpha,
    // alpha ≤ 1 in exact arithmetic; the floor only absorbs rounding.
    standardErrorOfMeasurement: standardDeviation === null || alpha === null ? null : standardDeviation * Math.sqrt(Math.max(0, 1 - alpha)),
  };
}

/**
 * Cronbach's alpha = k/(k−1) · (1 − Σ slot variances ÷ variance of totals). Every variance here is the
 * n-scaled one, n·Σx² − (Σx)²: the factor n·(n−1) that turns it into a sample (or n² into a population)
 * variance is the same for every term and cancels, so this equals alpha from sample variances exactly.
 *
 * Alpha is only defined when every attempt answered every slot; since a slot's count is the number of
 * attempts that had it, a slot whose count differs from the exam's means the attempts do not share one
 * structure (different versions, a slot added later), and alpha is null rather than a wrong number.
 */
export function cronbachAlpha(stats: ExamStats): number | null {
  const slots = Object.values(stats.slots);
  const k = slots.length;
  if (k < 2 || stats.n < 2) return null;
  if (slots.some((slot) => slot.n !== stats.n)) return null;
  const totalVariance = scaledVariance(stats.n, stats.sumTotal, stats.sumTotalSq);
  if (totalVariance === 0) return null;
  const sumOfSlotVariances = slots.reduce((sum, slot) => sum + scaledVariance(slot.n, slot.sum, slot.sumSq), 0);
  return (k / (k - 1)) * (1 - sumOfSlotVariances / totalVariance);
}

/**
 * The median percent score, assuming attempts spread evenly within their bin, since exact ranks are not kept.
 * The estimate lies in the bin of the middle attempt (or between the bins of the two middle attempts, for an
 * even count), as the true median does: precise to a tenth of the scale, enough for a distribution summary.
 */
export function medianPercentEstimate(histogram: readonly number[]): number | null {
  const n = histogram.reduce((sum, count) => sum + count, 0);
  if (n === 0) return null;
  const half = n / 2;
  let below = 0;
  for (const [bin, count] of histogram.entries()) {
    if (count > 0 && below + count >= half) return (bin + (half - below) / count) * BIN_WIDTH_PERCENT;
    below += count;
  }
  return null;
}
