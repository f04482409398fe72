import { emptyExamStats, HISTOGRAM_BINS, type ExamStats, type SlotStats } from './exam-statistics.js';
import type { ItemStats } from './item-statistics.js';

/**
 * Statistics kept in parts (shards that concurrent grading workers update apart) add up to the statistics of
 * all their attempts: every field is a sum, except the score range, whose staleness is merged with care.
 */

/** The statistics of the attempts of both `a` and `b`. The points an item is worth come from `a` unless it is empty. */
export function mergeItemStats(a: ItemStats, b: ItemStats): ItemStats {
  const choices = { ...a.choices };
  for (const [id, count] of Object.entries(b.choices)) choices[id] = (choices[id] ?? 0) + count;
  return {
    n: a.n + b.n,
    sumScore: a.sumScore + b.sumScore,
    sumScoreSq: a.sumScoreSq + b.sumScoreSq,
    sumTotal: a.sumTotal + b.sumTotal,
    sumTotalSq: a.sumTotalSq + b.sumTotalSq,
    sumScoreTotal: a.sumScoreTotal + b.sumScoreTotal,
    sumCorrect: a.sumCorrect + b.sumCorrect,
    maxScore: a.n === 0 && b.n > 0 ? b.maxScore : a.maxScore,
    choices,
  };
}

/** The statistics of the attempts of both `a` and `b`. */
export function mergeExamStats(a: ExamStats, b: ExamStats): ExamStats {
  if (b.n === 0) return { ...a, histogram: [...a.histogram], slots: mergeSlots(a.slots, b.slots) };
  if (a.n === 0) return { ...b, histogram: [...b.histogram], slots: mergeSlots(a.slots, b.slots) };
  return {
    n: a.n + b.n,
    sumTotal: a.sumTotal + b.sumTotal,
    sumTotalSq: a.sumTotalSq + b.sumTotalSq,
    passed: a.passed + b.passed,
    histogram: Array.from({ length: HISTOGRAM_BINS }, (_, bin) => (a.histogram[bin] ?? 0) + (b.histogram[bin] ?? 0)),
    ...mergeRange(a, b),
    slots: mergeSlots(a.slots, b.slots),
  };
}

/** Adds up any number of parts; no parts are the empty statistics. */
export function mergeAllExamStats(parts: readonly ExamStats[]): ExamStats {
  return parts.reduce(mergeExamStats, emptyExamStats());
}

type Range = Pick<ExamStats, 'minTotal' | 'maxTotal' | 'minTotalMayBeStale' | 'maxTotalMayBeStale'>;

/**
 * A stale extreme is only a bound on its part's true one (see `ExamStats.minTotal`). The merged minimum is the
 * lower stored one; it is exact when a part that holds it exactly reaches it, since every other part's true
 * minimum is at least its stored bound. The same goes for the maximum.
 */
function mergeRange(a: ExamStats, b: ExamStats): Range {
  const minTotal = Math.min(a.minTotal, b.minTotal);
  const maxTotal = Math.max(a.maxTotal, b.maxTotal);
  const exactMin = [a, b].some((part) => part.minTotal === minTotal && !part.minTotalMayBeStale);
  const exactMax = [a, b].some((part) => part.maxTotal === maxTotal && !part.maxTotalMayBeStale);
  return { minTotal, maxTotal, minTotalMayBeStale: !exactMin, maxTotalMayBeStale: !exactMax };
}

function mergeSlots(a: Record<string, SlotStats>, b: Record<string, SlotStats>): Record<string, SlotStats> {
  const slots = { ...a };
  for (const [slotId, part] of Object.entries(b)) {
    const held = slots[slotId];
    slots[slotId] = held ? { n: held.n + part.n, sum: held.sum + part.sum, sumSq: held.sumSq + part.sumSq } : { ...part };
  }
  return slots;
}
