import { mean, pearsonCorrelation, requireFinite } from './moments.js';

/**
 * Sufficient statistics of one item over the graded attempts that contained it. Every field is a running
 * sum that a grading worker adds an attempt's contribution to (and subtracts it from on a regrade), so the
 * item report costs the same for 10 attempts as for 10,000 and the row is updated in place with
 * `sum_score = sum_score + $delta`. The shape is flat numbers plus one count map on purpose: it is what a
 * database row holds.
 */
export interface ItemStats {
  /** Attempts that contained the item. */
  n: number;
  sumScore: number;
  sumScoreSq: number;
  /** Totals of those attempts (the whole attempt's score, this item included). */
  sumTotal: number;
  sumTotalSq: number;
  /** Σ item score × attempt total: the cross term of the item–total correlation. */
  sumScoreTotal: number;
  /** Attempts with the item fully right. */
  sumCorrect: number;
  /** Points the item is worth; not a sum, fixed when the statistics are created. */
  maxScore: number;
  /** How many attempts selected each option id; `BLANK_CHOICE` counts attempts that selected none. */
  choices: Record<string, number>;
}

/** One attempt's contribution to an item's statistics: the same sums, over that attempt alone. */
export type ItemStatsDelta = Omit<ItemStats, 'maxScore'>;

/** The choice key counting attempts that left a choice item unanswered. */
export const BLANK_CHOICE = 'blank';

/**
 * Statistics of an item nobody has answered yet. For a choice item, pass its `optionIds`: they (and
 * `BLANK_CHOICE`) start at zero, so the report shows options nobody picked, which is itself a finding (a
 * distractor that distracts no one), and the statistics have their final shape from the first attempt.
 */
export function emptyItemStats(maxScore: number, optionIds: readonly string[] = []): ItemStats {
  requireFinite(maxScore, 'maxScore');
  const choices: Record<string, number> = {};
  for (const id of optionIds) choices[id] = 0;
  if (optionIds.length > 0) choices[BLANK_CHOICE] = 0;
  return { n: 0, sumScore: 0, sumScoreSq: 0, sumTotal: 0, sumTotalSq: 0, sumScoreTotal: 0, sumCorrect: 0, maxScore, choices };
}

/**
 * What one graded attempt adds to the statistics of one of its items.
 *
 * `total` is the attempt's total score, including this item: it is what makes discrimination computable, and
 * it is also why a regrade of any item of an attempt must un-apply and re-apply the contributions of every
 * item of that attempt, since all of them saw the total change.
 *
 * `selected` holds the option ids the student chose (`[]` when they left the item blank, counted under
 * `BLANK_CHOICE`); pass `null` for items without options, which count no choice at all. A multiple-response
 * item counts each selected option once.
 */
export function itemContribution(score: number, correct: boolean, total: number, selected: readonly string[] | null): ItemStatsDelta {
  requireFinite(score, 'score');
  requireFinite(total, 'total');
  return {
    n: 1,
    sumScore: score,
    sumScoreSq: score * score,
    sumTotal: total,
    sumTotalSq: total * total,
    sumScoreTotal: score * total,
    sumCorrect: correct ? 1 : 0,
    choices: choiceCounts(selected),
  };
}

function choiceCounts(selected: readonly string[] | null): Record<string, number> {
  if (selected === null) return {};
  if (selected.length === 0) return { [BLANK_CHOICE]: 1 };
  const counts: Record<string, number> = {};
  for (const id of selected) counts[id] = 1;
  return counts;
}

/**
 * Adds (`sign` 1) or removes (`sign` −1, for the old scores of a regraded attempt) one contribution. Returns
 * new statistics; the input is left untouched. Removing what was never added is refused rather than letting
 * a count go negative, because negative counts would silently corrupt every later report.
 */
export function applyItemDelta(stats: ItemStats, delta: ItemStatsDelta, sign: 1 | -1): ItemStats {
  const n = stats.n + sign * delta.n;
  if (n < 0) throw new RangeError('Cannot remove an attempt from item statistics that hold none');
  return {
    n,
    sumScore: stats.sumScore + sign * delta.sumScore,
    sumScoreSq: stats.sumScoreSq + sign * delta.sumScoreSq,
    sumTotal: stats.sumTotal + sign * delta.sumTotal,
    sumTotalSq: stats.sumTotalSq + sign * delta.sumTotalSq,
    sumScoreTotal: stats.sumScoreTotal + sign * delta.sumScoreTotal,
    sumCorrect: stats.sumCorrect + sign * delta.sumCorrect,
    maxScore: stats.maxScore,
    choices: applyChoiceCounts(stats.choices, delta.choices, sign),
  };
}

function applyChoiceCounts(counts: Record<string, number>, delta: Record<string, number>, sign: 1 | -1): Record<string, number> {
  const next = { ...counts };
  for (const [id, count] of Object.entries(delta)) {
    const updated = (next[id] ?? 0) + sign * count;
    if (updated < 0) throw new RangeError(`Cannot remove a selection of choice ${id} that was never counted`);
    // A choice whose count falls back to 0 keeps its key: the shape of the statistics only ever grows by the
    // item's own options, never by the number of attempts.
    next[id] = updated;
  }
  return next;
}

/** How often one option (or `BLANK_CHOICE`) was chosen. */
export interface ChoiceRow {
  choice: string;
  count: number;
  /** Share of the item's attempts that selected it (shares of a multiple-response item can sum past 1). */
  share: number | null;
}

/** Classical item analysis of one item. Every ratio is null, never NaN, when the data cannot define it. */
export interface ItemReport {
  n: number;
  maxScore: number;
  meanScore: number | null;
  /** Mean score ÷ max score: the p-value generalised to partial credit. */
  facility: number | null;
  /** Share of attempts with the item fully right. */
  pCorrect: number | null;
  /** Point-biserial (Pearson) correlation of item score with attempt total; null when n < 2 or either is constant. */
  discrimination: number | null;
  /**
   * Correlation of item score with the rest of the attempt (total − item): discrimination without the item
   * correlating with itself, which inflates it most on short exams.
   */
  itemRestCorrelation: number | null;
  /** Options in id order, `BLANK_CHOICE` last. */
  choices: ChoiceRow[];
}

export function itemReport(stats: ItemStats): ItemReport {
  const meanScore = mean(stats.n, stats.sumScore);
  return {
    n: stats.n,
    maxScore: stats.maxScore,
    meanScore,
    facility: meanScore !== null && stats.maxScore > 0 ? meanScore / stats.maxScore : null,
    pCorrect: mean(stats.n, stats.sumCorrect),
    discrimination: pearsonCorrelation({
      n: stats.n,
      sumX: stats.sumScore,
      sumXSq: stats.sumScoreSq,
      sumY: stats.sumTotal,
      sumYSq: stats.sumTotalSq,
      sumXY: stats.sumScoreTotal,
    }),
    itemRestCorrelation: itemRestCorrelation(stats),
    choices: choiceRows(stats),
  };
}

/**
 * The rest score r = total − score needs no sums of its own: Σr = Σt − Σs, Σr² = Σt² − 2Σst + Σs² and
 * Σsr = Σst − Σs², so the corrected correlation comes from the same statistics as the uncorrected one.
 */
function itemRestCorrelation(stats: ItemStats): number | null {
  return pearsonCorrelation({
    n: stats.n,
    sumX: stats.sumScore,
    sumXSq: stats.sumScoreSq,
    sumY: stats.sumTotal - stats.sumScore,
    sumYSq: stats.sumTotalSq - 2 * stats.sumScoreTotal + stats.sumScoreSq,
    sumXY: stats.sumScoreTotal - stats.sumScoreSq,
  });
}

function choiceRows(stats: ItemStats): ChoiceRow[] {
  const ids = Object.keys(stats.choices).sort(blankLast);
  return ids.map((choice) => {
    const count = stats.choices[choice] ?? 0;
    return { choice, count, share: mean(stats.n, count) };
  });
}

function blankLast(a: string, b: string): number {
  if (a === BLANK_CHOICE || b === BLANK_CHOICE) return Number(a === BLANK_CHOICE) - Number(b === BLANK_CHOICE);
  return a < b ? -1 : a > b ? 1 : 0;
}
