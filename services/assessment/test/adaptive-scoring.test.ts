import { describe, expect, it } from 'vitest';
import type { SlotOutcome } from '../src/contract/attempts.js';
import { adaptiveTotals, nextStep, type PoolItem } from '../src/domain/adaptive-exam.js';

const pool: PoolItem[] = Array.from({ length: 10 }, (_, k) => ({ itemId: `i${k}`, version: 1, type: 'numeric', points: 1, skills: ['s'], a: 1.2, b: -2 + k * 0.45, uses: 0 }));
const outcome = (itemId: string, correct: boolean | null): SlotOutcome => ({
  slot: `a${itemId.slice(1)}`, itemId, itemVersion: 1, status: 'graded', score: correct ? 1 : 0, maxScore: 1, correct, selected: [],
});
const settings = { passingPercent: 60 };

describe('scoring an adaptive attempt', () => {
  it('scores the share of the pool expected right at the estimated ability: more right answers, a higher score', () => {
    const scores = [0, 1, 2, 3, 4].map((right) => adaptiveTotals(pool.slice(0, 4).map((item, k) => outcome(item.itemId, k < right)), pool, settings, 0).score);
    for (let k = 1; k < scores.length; k++) expect(scores[k]!).toBeGreaterThan(scores[k - 1]!);
    expect(scores[0]!).toBeGreaterThanOrEqual(0);
    expect(scores[4]!).toBeLessThanOrEqual(100);
  });

  it('counts a blank as wrong, takes the late penalty off, and passes at the passing percentage', () => {
    const items = [outcome('i0', true), outcome('i5', null)];
    const blank = adaptiveTotals(items, pool, settings, 0);
    const wrong = adaptiveTotals([outcome('i0', true), outcome('i5', false)], pool, settings, 0);
    expect(blank.score).toBe(wrong.score);
    const late = adaptiveTotals(items, pool, settings, 10);
    expect(late.score).toBeCloseTo(blank.score * 0.9, 3);
    expect(late.penalty).toBeCloseTo(blank.score * 0.1, 3);
    expect(blank.maxScore).toBe(100);
    expect(blank.passed).toBe(blank.score >= 60);
  });

  it('chooses the same items again from the same seed and answers (any process rebuilds the same test)', () => {
    const stop = { standardError: 0.2, minItems: 2, maxItems: 5 };
    const answered = [{ itemId: 'i4', correct: true }, { itemId: 'i7', correct: false }];
    expect(nextStep(pool, stop, answered, 42)).toEqual(nextStep(pool, stop, answered, 42));
    expect(nextStep(pool, stop, answered, 42).next!.slot).toBe('a3');
  });
});
