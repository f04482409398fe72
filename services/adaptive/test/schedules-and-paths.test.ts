import { describe, expect, it } from 'vitest';
import { nextCatItem, stopReason, type CatItem } from '@tessera/learner-models';
import { DEFAULT_BKT, estimateAbility } from '../src/domain/learner-math.js';
import { expectedItemsToMastery, learningPath } from '../src/domain/learning-path.js';
import { DEFAULT_WEIGHTS, fitWeights, predict, PREDICTOR_FEATURES } from '../src/domain/predictor.js';
import { scheduleReview } from '../src/domain/review-schedule.js';
import { SkillGraph } from '../src/domain/skill-graph.js';
import { sm2Review, NEW_SM2_CARD } from '../src/domain/sm2.js';

const DAY = 86_400_000;

describe('spaced review', () => {
  it('SM-2 follows the published intervals: 1 day, 6 days, then × easiness; a lapse starts again', () => {
    const first = sm2Review(NEW_SM2_CARD, 4);
    const second = sm2Review(first, 4);
    const third = sm2Review(second, 4);
    expect([first.intervalDays, second.intervalDays, third.intervalDays]).toEqual([1, 6, Math.round(6 * second.easiness)]);
    expect(sm2Review(third, 1)).toMatchObject({ repetitions: 0, intervalDays: 1 });
    expect(sm2Review(NEW_SM2_CARD, 0).easiness).toBeGreaterThanOrEqual(1.3);
  });

  it('FSRS spaces successful reviews further apart and brings a lapse back soon', () => {
    const start = new Date('2026-01-01T10:00:00Z');
    let outcome = scheduleReview('fsrs', null, true, start, null, null);
    const intervals: number[] = [];
    let at = start;
    for (let review = 0; review < 4; review += 1) {
      at = outcome.dueAt;
      const next = scheduleReview('fsrs', outcome.card, true, at, new Date(at.getTime() - 1), null);
      intervals.push(next.dueAt.getTime() - at.getTime());
      outcome = next;
    }
    for (let i = 1; i < intervals.length; i += 1) expect(intervals[i]!).toBeGreaterThan(intervals[i - 1]!);
    const lapse = scheduleReview('fsrs', outcome.card, false, outcome.dueAt, at, null);
    expect(lapse.dueAt.getTime() - outcome.dueAt.getTime()).toBeLessThan(DAY);
    expect(lapse.rating).toBe(1);
  });

  it('SM-2 cards are scheduled in whole days', () => {
    const at = new Date('2026-01-01T10:00:00Z');
    const outcome = scheduleReview('sm2', null, true, at, null, null);
    expect(outcome.dueAt.getTime() - at.getTime()).toBe(DAY);
  });
});

describe('learning paths', () => {
  const graph = new SkillGraph([{ skillId: 'B', requiresSkillId: 'A' }, { skillId: 'C', requiresSkillId: 'B' }], new Map());

  it('orders skills after their prerequisites, marks mastered and locked ones, and counts items left', () => {
    const path = learningPath({
      goalSkills: ['C'], graph, paramsOf: () => DEFAULT_BKT, threshold: 0.95, mastery: new Map([['A', 0.97], ['B', 0.5]]),
      lessons: [{ lessonId: 'l3', title: 'Gamma', skills: ['C'] }, { lessonId: 'l1', title: 'Alpha', skills: ['A'] }],
    });
    expect(path.steps.map((step) => [step.skillId, step.status])).toEqual([['A', 'mastered'], ['B', 'ready'], ['C', 'locked']]);
    expect(path.steps[0]!.itemsRemaining).toBe(0);
    expect(path.steps[2]!.lessons).toEqual([{ lessonId: 'l3', title: 'Gamma' }]);
    expect(path.itemsRemaining).toBe(path.steps[1]!.itemsRemaining + path.steps[2]!.itemsRemaining);
  });

  it('estimates items to mastery from the BKT learning rate (1 − (1 − p)(1 − learn)^n ≥ threshold)', () => {
    const params = { ...DEFAULT_BKT, learn: 0.2 };
    const n = expectedItemsToMastery(params, 0.3, 0.95);
    expect(1 - 0.7 * 0.8 ** n).toBeGreaterThanOrEqual(0.95);
    expect(1 - 0.7 * 0.8 ** (n - 1)).toBeLessThan(0.95);
  });
});

describe('the stacked predictor', () => {
  it('explains each prediction: the contributions add up to its log-odds', () => {
    const prediction = predict(DEFAULT_WEIGHTS, {
      skills: [{ skillId: 's', pKnown: 0.6, attempts: 4, successes: 3, params: DEFAULT_BKT }], ability: { theta: 0.5, se: 0.4 }, item: { a: 1.2, b: -0.3 },
    });
    const logOdds = prediction.contributions.reduce((sum, part) => sum + part.contribution, 0);
    expect(Math.log(prediction.pCorrect / (1 - prediction.pCorrect))).toBeCloseTo(logOdds, 6);
    expect(prediction.contributions.map((part) => part.feature)).toEqual([...PREDICTOR_FEATURES]);
  });

  it('fits weights that recover a planted relation', () => {
    let seed = 7;
    const random = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
    const truth = [0.2, 1.5, 0, 0, -0.5];
    const rows = Array.from({ length: 4_000 }, () => {
      const values = [1, random() * 4 - 2, random() * 2 - 1, random() * 2, random() * 2];
      const score = values.reduce((sum, value, i) => sum + value * truth[i]!, 0);
      return { values, correct: random() < 1 / (1 + Math.exp(-score)) };
    });
    const weights = fitWeights(rows, { iterations: 30, l2: 0.01 });
    expect(weights.mastery).toBeCloseTo(1.5, 0);
    expect(weights.failures).toBeCloseTo(-0.5, 0);
  });
});

describe('computerized adaptive testing', () => {
  const pool: CatItem[] = [
    ...[-2, -1, 0, 1, 2].map((b, i) => ({ itemId: `x${i}`, skills: ['X'], a: 1.5, b, uses: 0 })),
    ...[-2, -1, 0, 1, 2].map((b, i) => ({ itemId: `y${i}`, skills: ['Y'], a: 1.5, b, uses: 0 })),
  ];
  const rules = { maxItems: 6, targetSe: 0.3, skills: ['X', 'Y'], randomesque: 1 };

  it('asks the most informative item at the current ability, balancing skills', () => {
    const first = nextCatItem(pool, { theta: 1, se: 1, administered: [] }, rules, () => 0);
    expect(first?.b).toBe(1);
    const second = nextCatItem(pool, { theta: 1, se: 1, administered: [{ itemId: first!.itemId, skills: first!.skills }] }, rules, () => 0);
    expect(second?.skills).not.toEqual(first!.skills);
  });

  it('stops at the target standard error, the item limit or an empty pool', () => {
    expect(stopReason({ theta: 0, se: 0.25, administered: [{ itemId: 'x0', skills: ['X'] }] }, rules, 5)).toBe('target_se');
    expect(stopReason({ theta: 0, se: 0.5, administered: Array.from({ length: 6 }, () => ({ itemId: 'x', skills: ['X'] })) }, rules, 5)).toBe('max_items');
    expect(stopReason({ theta: 0, se: 0.5, administered: [{ itemId: 'x0', skills: ['X'] }] }, rules, 0)).toBe('pool_exhausted');
    expect(stopReason({ theta: 0, se: 0.5, administered: [] }, rules, 5)).toBeNull();
  });

  it('ability estimates rise with right answers and grow more precise with each answer', () => {
    const items = [{ a: 1.5, b: 0 }, { a: 1.5, b: 0.5 }, { a: 1.5, b: 1 }];
    const low = estimateAbility(items, [false, false, false]);
    const high = estimateAbility(items, [true, true, true]);
    expect(high.theta).toBeGreaterThan(low.theta);
    expect(estimateAbility(items, [true, true, true]).se).toBeLessThan(estimateAbility(items.slice(0, 1), [true]).se);
  });
});
