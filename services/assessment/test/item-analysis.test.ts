import { describe, expect, it } from 'vitest';
import {
  BLANK_CHOICE,
  applyExamDelta,
  applyItemDelta,
  cronbachAlpha,
  emptyExamStats,
  emptyItemStats,
  examContribution,
  examReport,
  histogramBin,
  itemContribution,
  itemReport,
  medianPercentEstimate,
  type ExamStats,
  type ItemStats,
} from '../src/analysis/index.js';

/**
 * The incremental statistics are checked against a brute-force computation from the raw attempts (two-pass
 * means, direct Pearson correlations, alpha from the score matrix) on seeded, correlated random data.
 */

// ---------- seeded data ----------

/** mulberry32: a small, well-mixed 32-bit generator, so every run sees the same attempts. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function standardNormal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

type ItemKind = 'single' | 'multiple' | 'fourPoints' | 'quarters' | 'thirds';

interface PoolItem {
  id: string;
  kind: ItemKind;
  maxScore: number;
  options: string[];
  difficulty: number;
}

interface Slot {
  id: string;
  pool: PoolItem[];
}

interface Response {
  slotId: string;
  itemId: string;
  score: number;
  correct: boolean;
  selected: string[] | null;
}

interface Attempt {
  responses: Response[];
  maxPoints: number;
  passed: boolean;
}

const OPTIONS = ['a', 'b', 'c', 'd'];

function poolItem(id: string, kind: ItemKind, difficulty: number): PoolItem {
  const maxScore = { single: 1, multiple: 1, fourPoints: 4, quarters: 2, thirds: 1 }[kind];
  const options = kind === 'single' ? OPTIONS : kind === 'multiple' ? [...OPTIONS, 'e'] : [];
  return { id, kind, maxScore, options, difficulty };
}

/**
 * Eight slots, some drawing one of several items (so an item's statistics cover only the attempts that drew
 * it). `fractional` adds a slot scored in thirds, whose sums are not exact in binary floating point.
 */
function examStructure(fractional: boolean): Slot[] {
  return [
    { id: 's0', pool: [poolItem('single-0a', 'single', -1), poolItem('single-0b', 'single', 0.5)] },
    { id: 's1', pool: [poolItem('single-1', 'single', 0)] },
    { id: 's2', pool: [poolItem('single-2a', 'single', 1), poolItem('single-2b', 'single', -0.5), poolItem('single-2c', 'single', 0.2)] },
    { id: 's3', pool: [poolItem('four-3', 'fourPoints', 0.3)] },
    { id: 's4', pool: [poolItem('quarters-4a', 'quarters', -0.2), poolItem('quarters-4b', 'quarters', 0.8)] },
    { id: 's5', pool: [fractional ? poolItem('thirds-5', 'thirds', 0) : poolItem('four-5', 'fourPoints', -0.7)] },
    { id: 's6', pool: [poolItem('multiple-6', 'multiple', 0.6)] },
    { id: 's7', pool: [poolItem('single-7', 'single', 2.5)] },
  ];
}

function successes(random: () => number, trials: number, p: number): number {
  let count = 0;
  for (let i = 0; i < trials; i++) if (random() < p) count++;
  return count;
}

/** One student's answer: the chance of success rises with ability, which is what correlates the slots. */
function respond(random: () => number, slot: Slot, item: PoolItem, ability: number): Response {
  const p = 1 / (1 + Math.exp(-(1.3 * ability - item.difficulty)));
  const base = { slotId: slot.id, itemId: item.id };
  switch (item.kind) {
    case 'single': {
      const correct = random() < p;
      const selected = correct ? ['a'] : random() < 0.1 ? [] : [OPTIONS[1 + Math.floor(random() * 3)] ?? 'b'];
      return { ...base, score: correct ? 1 : 0, correct, selected };
    }
    case 'multiple': {
      const correct = random() < p;
      const selected = correct ? ['a', 'b'] : item.options.filter(() => random() < 0.3);
      return { ...base, score: correct ? 1 : 0, correct, selected };
    }
    case 'fourPoints': {
      const score = successes(random, 4, p);
      return { ...base, score, correct: score === 4, selected: null };
    }
    case 'quarters': {
      const quarters = successes(random, 8, p);
      return { ...base, score: quarters / 4, correct: quarters === 8, selected: null };
    }
    case 'thirds': {
      const thirds = successes(random, 3, p);
      return { ...base, score: thirds / 3, correct: thirds === 3, selected: null };
    }
  }
}

function generateAttempts(count: number, structure: Slot[], seed: number): Attempt[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const ability = standardNormal(random);
    const drawn = structure.map((slot) => ({ slot, item: slot.pool[Math.floor(random() * slot.pool.length)] ?? slot.pool[0]! }));
    const responses = drawn.map(({ slot, item }) => respond(random, slot, item, ability));
    const maxPoints = drawn.reduce((sum, { item }) => sum + item.maxScore, 0);
    return { responses, maxPoints, passed: totalOf(responses) >= maxPoints / 2 };
  });
}

// Summed in slot order, as `examContribution` sums its slot scores, so both see the same rounded total.
function totalOf(responses: readonly Response[]): number {
  return responses.reduce((sum, response) => sum + response.score, 0);
}

// ---------- the incremental side, as the grading worker would drive it ----------

interface Analysis {
  items: Record<string, ItemStats>;
  exam: ExamStats;
}

function emptyAnalysis(structure: Slot[]): Analysis {
  const items: Record<string, ItemStats> = {};
  for (const item of structure.flatMap((slot) => slot.pool)) items[item.id] = emptyItemStats(item.maxScore, item.options);
  return { items, exam: emptyExamStats() };
}

/** Adds or removes every contribution of one attempt: each of its items, and the exam. */
function applyAttempt(analysis: Analysis, attempt: Attempt, sign: 1 | -1): Analysis {
  const total = totalOf(attempt.responses);
  const items = { ...analysis.items };
  for (const response of attempt.responses) {
    const delta = itemContribution(response.score, response.correct, total, response.selected);
    items[response.itemId] = applyItemDelta(items[response.itemId]!, delta, sign);
  }
  const slotScores = Object.fromEntries(attempt.responses.map((response) => [response.slotId, response.score]));
  const exam = applyExamDelta(analysis.exam, examContribution({ slotScores, maxPoints: attempt.maxPoints, passed: attempt.passed }), sign);
  return { items, exam };
}

function analyse(structure: Slot[], attempts: readonly Attempt[]): Analysis {
  return attempts.reduce((analysis, attempt) => applyAttempt(analysis, attempt, 1), emptyAnalysis(structure));
}

// ---------- brute force from the raw data ----------

function average(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function sampleVariance(values: readonly number[]): number {
  const m = average(values);
  return values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1);
}

function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length < 2) return null;
  const mx = average(xs);
  const my = average(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const dy = ys[i]! - my;
    sxy += (x - mx) * dy;
    sxx += (x - mx) ** 2;
    syy += dy ** 2;
  });
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return sxy / Math.sqrt(sxx * syy);
}

function bruteItem(item: PoolItem, attempts: readonly Attempt[]) {
  const rows = attempts.flatMap((attempt) => {
    const response = attempt.responses.find((r) => r.itemId === item.id);
    return response ? [{ response, total: totalOf(attempt.responses) }] : [];
  });
  const scores = rows.map((row) => row.response.score);
  const totals = rows.map((row) => row.total);
  const n = rows.length;
  const choiceCount = (choice: string) =>
    rows.filter(({ response }) => response.selected !== null && (choice === BLANK_CHOICE ? response.selected.length === 0 : response.selected.includes(choice))).length;
  return {
    n,
    meanScore: n ? average(scores) : null,
    facility: n ? average(scores) / item.maxScore : null,
    pCorrect: n ? rows.filter((row) => row.response.correct).length / n : null,
    discrimination: pearson(scores, totals),
    itemRestCorrelation: pearson(scores, totals.map((total, i) => total - scores[i]!)),
    choices: item.options.length ? [...item.options, BLANK_CHOICE].map((choice) => ({ choice, count: choiceCount(choice), share: n ? choiceCount(choice) / n : null })) : [],
  };
}

function bruteExam(attempts: readonly Attempt[]) {
  const n = attempts.length;
  const totals = attempts.map((attempt) => totalOf(attempt.responses));
  const k = attempts[0]?.responses.length ?? 0;
  const columns = Array.from({ length: k }, (_, slot) => attempts.map((attempt) => attempt.responses[slot]!.score));
  const totalVariance = n >= 2 ? sampleVariance(totals) : 0;
  const alpha = k >= 2 && n >= 2 && totalVariance > 1e-12 ? (k / (k - 1)) * (1 - columns.reduce((sum, column) => sum + sampleVariance(column), 0) / totalVariance) : null;
  const sd = n >= 2 ? Math.sqrt(totalVariance) : null;
  const histogram = new Array<number>(10).fill(0);
  attempts.forEach((attempt, i) => histogram[Math.min(9, Math.floor((totals[i]! * 10) / attempt.maxPoints))]!++);
  return {
    n,
    meanTotal: n ? average(totals) : null,
    standardDeviation: sd,
    minTotal: n ? Math.min(...totals) : null,
    maxTotal: n ? Math.max(...totals) : null,
    passRate: n ? attempts.filter((attempt) => attempt.passed).length / n : null,
    histogram,
    cronbachAlpha: alpha,
    standardErrorOfMeasurement: sd !== null && alpha !== null ? sd * Math.sqrt(1 - alpha) : null,
    percents: attempts.map((attempt, i) => (totals[i]! / attempt.maxPoints) * 100),
  };
}


// ---------- comparisons ----------
// Each check returns the differences it found rather than asserting, so that half a million comparisons cost
// one assertion per step and a failure lists every difference at once.

const TOLERANCE = 1e-9;

/** Equal within 1e-9 (relative once past 1), and null exactly where the brute force is null. */
function closeness(actual: number | null, expected: number | null, what: string): string[] {
  if (expected === null || actual === null) return actual === expected ? [] : [`${what}: ${actual} vs ${expected}`];
  return Math.abs(actual - expected) <= TOLERANCE * Math.max(1, Math.abs(expected)) ? [] : [`${what}: ${actual} vs ${expected}`];
}

function equality(actual: unknown, expected: unknown, what: string): string[] {
  return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [`${what}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`];
}

/** Every number in a report is finite: NaN or Infinity would reach an instructor's screen as garbage. */
function nonFinite(value: unknown, path: string): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, entry]) => nonFinite(entry, `${path}.${key}`));
  return [];
}

function expectAllFinite(value: unknown): void {
  expect(nonFinite(value, 'report')).toEqual([]);
}

/** Same keys and numbers within 1e-9 (for sums of fractional scores, whose additions do not cancel exactly). */
function statsDifferences(actual: unknown, expected: unknown, path: string): string[] {
  if (typeof expected === 'number') return closeness(actual as number, expected, path);
  if (expected !== null && typeof expected === 'object') {
    return [
      ...equality(Object.keys(actual as object).sort(), Object.keys(expected).sort(), `${path} keys`),
      ...Object.entries(expected).flatMap(([key, entry]) => statsDifferences((actual as Record<string, unknown>)[key], entry, `${path}.${key}`)),
    ];
  }
  return equality(actual, expected, path);
}

function expectStatsClose(actual: unknown, expected: unknown): void {
  expect(statsDifferences(actual, expected, 'stats')).toEqual([]);
}

function itemDifferences(item: PoolItem, stats: ItemStats, attempts: readonly Attempt[]): string[] {
  const report = itemReport(stats);
  const brute = bruteItem(item, attempts);
  const at = `${item.id} after ${attempts.length}`;
  return [
    ...equality(report.n, brute.n, `${at} n`),
    ...closeness(report.meanScore, brute.meanScore, `${at} mean`),
    ...closeness(report.facility, brute.facility, `${at} facility`),
    ...closeness(report.pCorrect, brute.pCorrect, `${at} pCorrect`),
    ...closeness(report.discrimination, brute.discrimination, `${at} discrimination`),
    ...closeness(report.itemRestCorrelation, brute.itemRestCorrelation, `${at} item-rest`),
    ...equality(report.choices.map((row) => [row.choice, row.count]), brute.choices.map((row) => [row.choice, row.count]), `${at} choices`),
    ...report.choices.flatMap((row, i) => closeness(row.share, brute.choices[i]?.share ?? null, `${at} ${row.choice} share`)),
    ...nonFinite(report, at),
  ];
}

function examDifferences(stats: ExamStats, attempts: readonly Attempt[]): string[] {
  const report = examReport(stats);
  const brute = bruteExam(attempts);
  const at = `exam after ${attempts.length}`;
  return [
    ...equality(report.n, brute.n, `${at} n`),
    ...closeness(report.meanTotal, brute.meanTotal, `${at} mean`),
    ...closeness(report.standardDeviation, brute.standardDeviation, `${at} sd`),
    // Only additions so far, so the range is exact.
    ...equality([report.minTotal, report.maxTotal, report.minTotalMayBeStale, report.maxTotalMayBeStale], [brute.minTotal, brute.maxTotal, false, false], `${at} range`),
    ...closeness(report.passRate, brute.passRate, `${at} pass rate`),
    ...equality(report.histogram.map((row) => row.count), brute.histogram, `${at} histogram`),
    ...closeness(report.cronbachAlpha, brute.cronbachAlpha, `${at} alpha`),
    ...closeness(report.standardErrorOfMeasurement, brute.standardErrorOfMeasurement, `${at} sem`),
    ...medianDifferences(report.medianPercentEstimate, brute.percents, at),
    ...nonFinite(report, at),
  ];
}

/**
 * The estimate interpolates within the bin of the middle attempt; with an even count the two middle attempts
 * may sit in different bins. Either way it lies between the start of the lower middle attempt's bin and the
 * end of the upper one's, as does the true median.
 */
function medianDifferences(estimate: number | null, percents: readonly number[], at: string): string[] {
  if (percents.length === 0) return equality(estimate, null, `${at} median`);
  const sorted = [...percents].sort((a, b) => a - b);
  const lower = sorted[Math.ceil(sorted.length / 2) - 1]!;
  const upper = sorted[Math.floor(sorted.length / 2)]!;
  const from = Math.min(90, Math.floor(lower / 10) * 10);
  const to = Math.min(90, Math.floor(upper / 10) * 10) + 10;
  return estimate !== null && estimate >= from && estimate <= to ? [] : [`${at} median ${estimate} outside [${from}, ${to}]`];
}

function expectMatchesBruteForce(structure: Slot[], analysis: Analysis, attempts: readonly Attempt[]): void {
  const differences = [
    ...structure.flatMap((slot) => slot.pool).flatMap((item) => itemDifferences(item, analysis.items[item.id]!, attempts)),
    ...examDifferences(analysis.exam, attempts),
  ];
  expect(differences).toEqual([]);
}

// ---------- tests ----------

describe('item analysis from sufficient statistics', () => {
  for (const fractional of [false, true]) {
    const kind = fractional ? 'with scores in thirds' : 'with integer and quarter-point scores';

    // Compared after each of the first 20 attempts (the degenerate small-n cases) and then every 20th: every
    // step would cost O(n²) brute force and nothing more would be learnt.
    it(`matches a brute-force computation from the raw data as 500 attempts arrive (${kind})`, () => {
      const structure = examStructure(fractional);
      const attempts = generateAttempts(500, structure, fractional ? 7 : 42);
      let analysis = emptyAnalysis(structure);
      expectMatchesBruteForce(structure, analysis, []);
      attempts.forEach((attempt, i) => {
        analysis = applyAttempt(analysis, attempt, 1);
        if (i < 20 || (i + 1) % 20 === 0) expectMatchesBruteForce(structure, analysis, attempts.slice(0, i + 1));
      });
      // The data must really be correlated, or the comparisons above would be checking nulls and noise.
      const report = examReport(analysis.exam);
      expect(report.cronbachAlpha!).toBeGreaterThan(0.5);
      expect(itemReport(analysis.items['single-1']!).discrimination!).toBeGreaterThan(0.3);
    });

    it(`returns to the previous statistics when an attempt is applied then removed (${kind})`, () => {
      const structure = examStructure(fractional);
      const attempts = generateAttempts(500, structure, 3);
      const before = analyse(structure, attempts.slice(0, 499));
      // A total strictly inside the range, so that its removal cannot touch the minimum or maximum.
      const extra = attempts[499]!;
      expect(totalOf(extra.responses)).toBeGreaterThan(before.exam.minTotal);
      expect(totalOf(extra.responses)).toBeLessThan(before.exam.maxTotal);
      const after = applyAttempt(applyAttempt(before, extra, 1), extra, -1);
      if (fractional) expectStatsClose(after, before);
      else expect(after).toEqual(before);
    });

    it(`regrades attempts (remove old contribution, add new) exactly as if graded right the first time (${kind})`, () => {
      const structure = examStructure(fractional);
      const attempts = generateAttempts(500, structure, 11);
      const graded = analyse(structure, attempts);
      // The key of the single-answer item in slot 1 was wrong: "b" was right, not "a". Every attempt that
      // answered slot 1 changes score and total, so all of its items' contributions change.
      const rekeyed = (attempt: Attempt): Attempt => {
        const responses = attempt.responses.map((response) => {
          if (response.itemId !== 'single-1') return response;
          const correct = response.selected?.[0] === 'b';
          return { ...response, score: correct ? 1 : 0, correct };
        });
        return { ...attempt, responses, passed: totalOf(responses) >= attempt.maxPoints / 2 };
      };
      const corrected = attempts.map(rekeyed);
      const regraded = attempts.reduce((analysis, attempt, i) => applyAttempt(applyAttempt(analysis, attempt, -1), corrected[i]!, 1), graded);
      // Min and max were only ever added to in the from-scratch run; the regrade removed extremes, so they
      // are compared separately, as bounds.
      const fromScratch = analyse(structure, corrected);
      const withoutRange = ({ minTotal: _min, maxTotal: _max, minTotalMayBeStale: _minStale, maxTotalMayBeStale: _maxStale, ...rest }: ExamStats) => rest;
      expectStatsClose({ ...regraded, exam: withoutRange(regraded.exam) }, { ...fromScratch, exam: withoutRange(fromScratch.exam) });
      if (!fractional) {
        expect(regraded.items).toEqual(fromScratch.items);
        expect(withoutRange(regraded.exam)).toEqual(withoutRange(fromScratch.exam));
      }
      expect(regraded.exam.minTotal).toBeLessThanOrEqual(fromScratch.exam.minTotal);
      expect(regraded.exam.maxTotal).toBeGreaterThanOrEqual(fromScratch.exam.maxTotal);
      expectMatchesBruteForceExceptRange(structure, regraded, corrected);
    });
  }

  it('keeps statistics whose size does not depend on the number of attempts', () => {
    const structure = examStructure(true);
    const attempts = generateAttempts(10_000, structure, 99);
    const afterTen = analyse(structure, attempts.slice(0, 10));
    const afterTenThousand = analyse(structure, attempts);
    expect(shapeOf(afterTenThousand)).toEqual(shapeOf(afterTen));
    expect(afterTenThousand.exam.n).toBe(10_000);
    // The report reads nothing but these statistics, so its cost is that of ~200 numbers, not 10,000 attempts.
    const report = examReport(afterTenThousand.exam);
    expectAllFinite(report);
    expect(report.cronbachAlpha!).toBeGreaterThan(0.5);
    for (const stats of Object.values(afterTenThousand.items)) expectAllFinite(itemReport(stats));
  });
});

function expectMatchesBruteForceExceptRange(structure: Slot[], analysis: Analysis, attempts: readonly Attempt[]): void {
  const fromScratch = analyse(structure, attempts);
  const exam = { ...analysis.exam, minTotal: fromScratch.exam.minTotal, maxTotal: fromScratch.exam.maxTotal, minTotalMayBeStale: false, maxTotalMayBeStale: false };
  expectMatchesBruteForce(structure, { ...analysis, exam }, attempts);
}

/** The keys and array lengths of a value, all the way down, without its numbers. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, shapeOf(entry)]));
  return typeof value;
}

describe('item statistics on degenerate data', () => {
  it('reports nulls, never NaN, for an item nobody answered', () => {
    const report = itemReport(emptyItemStats(1, ['a', 'b']));
    expect(report).toEqual({
      n: 0, maxScore: 1, meanScore: null, facility: null, pCorrect: null, discrimination: null, itemRestCorrelation: null,
      choices: [{ choice: 'a', count: 0, share: null }, { choice: 'b', count: 0, share: null }, { choice: BLANK_CHOICE, count: 0, share: null }],
    });
  });

  it('reports facility but no correlation for a single attempt', () => {
    const stats = applyItemDelta(emptyItemStats(2, ['a', 'b']), itemContribution(1.5, false, 7, ['a']), 1);
    const report = itemReport(stats);
    expect([report.meanScore, report.facility, report.pCorrect, report.discrimination, report.itemRestCorrelation]).toEqual([1.5, 0.75, 0, null, null]);
    expect(report.choices).toEqual([{ choice: 'a', count: 1, share: 1 }, { choice: 'b', count: 0, share: 0 }, { choice: BLANK_CHOICE, count: 0, share: 0 }]);
  });

  it('reports no correlation when the item score or the total does not vary', () => {
    const everyoneRight = [3, 5, 8].reduce((stats, total) => applyItemDelta(stats, itemContribution(1, true, total, ['a']), 1), emptyItemStats(1, ['a']));
    const sameTotals = [0, 1, 1].reduce((stats, score) => applyItemDelta(stats, itemContribution(score, score === 1, 4, null), 1), emptyItemStats(1));
    const constant = itemReport(everyoneRight);
    expect([constant.facility, constant.discrimination, constant.itemRestCorrelation]).toEqual([1, null, null]);
    const flatTotals = itemReport(sameTotals);
    // With the total fixed, the rest moves exactly against the item: that correlation is defined, and -1.
    expect(flatTotals.discrimination).toBeNull();
    expect(flatTotals.itemRestCorrelation).toBeCloseTo(-1, 12);
    expectAllFinite(constant);
    expectAllFinite(flatTotals);
  });

  it('reports no item-rest correlation for the only item of an exam, whose rest is always 0', () => {
    const stats = [0, 1, 1, 0].reduce((sum, score) => applyItemDelta(sum, itemContribution(score, score === 1, score, null), 1), emptyItemStats(1));
    const report = itemReport(stats);
    expect(report.discrimination).toBeCloseTo(1, 12);
    expect(report.itemRestCorrelation).toBeNull();
  });

  it('reports no facility for an item worth no points', () => {
    const stats = applyItemDelta(emptyItemStats(0), itemContribution(0, true, 3, null), 1);
    expect(itemReport(stats).facility).toBeNull();
    expect(itemReport(stats).pCorrect).toBe(1);
  });

  it('counts each selected option of a multiple-response item, and a blank answer under "blank"', () => {
    const stats = [['a', 'c'], [], ['a']].reduce((sum, selected) => applyItemDelta(sum, itemContribution(0, false, 1, selected), 1), emptyItemStats(1, ['a', 'b', 'c']));
    expect(stats.choices).toEqual({ a: 2, b: 0, c: 1, [BLANK_CHOICE]: 1 });
    expect(itemReport(stats).choices.find((row) => row.choice === 'a')!.share).toBeCloseTo(2 / 3, 15);
  });

  it('refuses non-finite scores and removing what was never added', () => {
    expect(() => itemContribution(Number.NaN, false, 1, null)).toThrow(RangeError);
    expect(() => itemContribution(1, true, Number.POSITIVE_INFINITY, null)).toThrow(RangeError);
    expect(() => applyItemDelta(emptyItemStats(1), itemContribution(1, true, 1, null), -1)).toThrow(RangeError);
    const once = applyItemDelta(emptyItemStats(1, ['a', 'b']), itemContribution(1, true, 1, ['a']), 1);
    expect(() => applyItemDelta(once, itemContribution(0, false, 1, ['b']), -1)).toThrow(RangeError);
  });
});

describe('exam statistics on degenerate data', () => {
  const attempt = (slotScores: Record<string, number>, passed = true) => examContribution({ slotScores, maxPoints: 10, passed });
  const examOf = (...deltas: ReturnType<typeof attempt>[]) => deltas.reduce((stats, delta) => applyExamDelta(stats, delta, 1), emptyExamStats());

  it('reports nulls for an exam nobody took, and after its only attempt is removed', () => {
    const expected = {
      n: 0, meanTotal: null, standardDeviation: null, minTotal: null, maxTotal: null, minTotalMayBeStale: false, maxTotalMayBeStale: false,
      medianPercentEstimate: null, passRate: null, slotCount: 0, cronbachAlpha: null, standardErrorOfMeasurement: null,
    };
    const { histogram, ...report } = examReport(emptyExamStats());
    expect(report).toEqual(expected);
    expect(histogram.map((row) => [row.fromPercent, row.toPercent, row.count])).toEqual(Array.from({ length: 10 }, (_, i) => [i * 10, i * 10 + 10, 0]));
    const delta = attempt({ s1: 3, s2: 4 });
    expect(applyExamDelta(applyExamDelta(emptyExamStats(), delta, 1), delta, -1)).toEqual({ ...emptyExamStats(), slots: { s1: { n: 0, sum: 0, sumSq: 0 }, s2: { n: 0, sum: 0, sumSq: 0 } } });
  });

  it('reports a mean and range but no spread or reliability for a single attempt', () => {
    const report = examReport(examOf(attempt({ s1: 3, s2: 4 }, false)));
    expect([report.n, report.meanTotal, report.minTotal, report.maxTotal, report.passRate]).toEqual([1, 7, 7, 7, 0]);
    expect([report.standardDeviation, report.cronbachAlpha, report.standardErrorOfMeasurement]).toEqual([null, null, null]);
    expect(report.medianPercentEstimate).toBe(75);
    expectAllFinite(report);
  });

  it('reports no reliability when every total is the same', () => {
    const report = examReport(examOf(attempt({ s1: 3, s2: 4 }), attempt({ s1: 4, s2: 3 }), attempt({ s1: 5, s2: 2 })));
    expect(report.standardDeviation).toBe(0);
    expect([report.cronbachAlpha, report.standardErrorOfMeasurement]).toEqual([null, null]);
    expectAllFinite(report);
  });

  it('reports no reliability for a single slot (k = 1)', () => {
    const stats = examOf(attempt({ s1: 2 }), attempt({ s1: 5 }), attempt({ s1: 9 }));
    expect(cronbachAlpha(stats)).toBeNull();
    expect(examReport(stats).standardDeviation).toBeCloseTo(Math.sqrt(37 / 3), 12);
  });

  it('reports no reliability when attempts do not share one slot structure', () => {
    const stats = examOf(attempt({ s1: 2, s2: 1 }), attempt({ s1: 5, s2: 4 }), attempt({ s1: 9, s3: 7 }));
    expect(cronbachAlpha(stats)).toBeNull();
  });

  it('computes alpha = 1 for perfectly parallel slots and an SEM of 0', () => {
    const report = examReport(examOf(attempt({ s1: 1, s2: 1 }), attempt({ s1: 2, s2: 2 }), attempt({ s1: 4, s2: 4 })));
    expect(report.cronbachAlpha).toBeCloseTo(1, 12);
    expect(report.standardErrorOfMeasurement).toBeCloseTo(0, 12);
  });

  it('bins percent scores by tenths, 100 % in the top bin, out-of-range scores clamped', () => {
    expect([histogramBin(0, 100), histogramBin(9, 100), histogramBin(10, 100), histogramBin(29, 100), histogramBin(7, 10), histogramBin(100, 100)]).toEqual([0, 0, 1, 2, 7, 9]);
    expect([histogramBin(-3, 10), histogramBin(12, 10)]).toEqual([0, 9]);
  });

  it('estimates the median by interpolating within its bin', () => {
    expect(medianPercentEstimate([0, 0, 0, 0, 0, 2, 2, 0, 0, 0])).toBe(60);
    expect(medianPercentEstimate([1, 0, 0, 0, 0, 0, 0, 0, 0, 3])).toBeCloseTo(93.3333333333, 9);
    expect(medianPercentEstimate(new Array<number>(10).fill(0))).toBeNull();
  });

  it('marks a side of the range possibly stale only when an extreme is removed, and exact again once reached', () => {
    const low = attempt({ s1: 1 });
    const middle = attempt({ s1: 5 });
    const high = attempt({ s1: 9 });
    const all = examOf(low, middle, high);
    const withoutMiddle = applyExamDelta(all, middle, -1);
    expect([withoutMiddle.minTotal, withoutMiddle.maxTotal, withoutMiddle.minTotalMayBeStale, withoutMiddle.maxTotalMayBeStale]).toEqual([1, 9, false, false]);
    const withoutHigh = applyExamDelta(all, high, -1);
    // The true maximum is now 5; 9 is still reported, as an upper bound.
    expect([withoutHigh.minTotal, withoutHigh.maxTotal, withoutHigh.minTotalMayBeStale, withoutHigh.maxTotalMayBeStale]).toEqual([1, 9, false, true]);
    const regradedHigher = applyExamDelta(withoutHigh, attempt({ s1: 10 }), 1);
    expect([regradedHigher.maxTotal, regradedHigher.maxTotalMayBeStale]).toEqual([10, false]);
    const stillBelow = applyExamDelta(withoutHigh, attempt({ s1: 6 }), 1);
    expect([stillBelow.maxTotal, stillBelow.maxTotalMayBeStale]).toEqual([9, true]);
    expect(examReport(stillBelow).maxTotalMayBeStale).toBe(true);
  });

  it('refuses removing what was never added and an exam worth no points', () => {
    expect(() => applyExamDelta(emptyExamStats(), attempt({ s1: 1 }), -1)).toThrow(RangeError);
    expect(() => applyExamDelta(examOf(attempt({ s1: 1 })), attempt({ s1: 9 }), -1)).toThrow(RangeError);
    expect(() => examContribution({ slotScores: { s1: 1 }, maxPoints: 0, passed: false })).toThrow(RangeError);
    expect(() => examContribution({ slotScores: { s1: Number.NaN }, maxPoints: 1, passed: false })).toThrow(RangeError);
  });
});
