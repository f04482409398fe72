import { describe, expect, it } from 'vitest';
import { information, nextCatItem, stopReason, type CatItem } from '../src/index.js';

const pool: CatItem[] = Array.from({ length: 12 }, (_, k) => ({ itemId: `i${k}`, skills: [`s${k % 2}`], a: 1.5, b: -2.75 + k * 0.5, uses: 0 }));
const rules = { minItems: 3, maxItems: 6, targetSe: 0.3, skills: ['s0', 's1'], randomesque: 3 };

/** A deterministic stand-in for Math.random, cycling through `values`. */
const cycling = (values: number[]) => { let k = 0; return () => values[k++ % values.length]!; };

describe('computerized adaptive testing', () => {
  it('draws only among items nearly as informative as the best, whatever the random draw', () => {
    for (const theta of [-2, -0.5, 0, 1.3, 2.5]) {
      for (const r of [0, 0.4, 0.99]) {
        const state = { theta, se: 0.5, administered: [] };
        const chosen = nextCatItem(pool, state, rules, cycling([r]))!;
        const best = Math.max(...pool.filter((item) => item.skills[0] === chosen.skills[0]).map((item) => information(item, theta)));
        expect(information(chosen, theta)).toBeGreaterThanOrEqual(0.8 * best);
      }
    }
  });

  it('balances skills: the next item is of the skill with fewer items given', () => {
    const state = { theta: 0, se: 0.8, administered: [{ itemId: 'i0', skills: ['s0'] }, { itemId: 'i2', skills: ['s0'] }, { itemId: 'i1', skills: ['s1'] }] };
    expect(nextCatItem(pool, state, rules, cycling([0.5]))!.skills).toEqual(['s1']);
  });

  it('stops for precision only after the minimum number of items, and at the maximum', () => {
    const given = (n: number) => Array.from({ length: n }, (_, k) => ({ itemId: `i${k}`, skills: [`s${k % 2}`] }));
    expect(stopReason({ theta: 0, se: 0.2, administered: given(2) }, rules, 10)).toBeNull();
    expect(stopReason({ theta: 0, se: 0.2, administered: given(3) }, rules, 9)).toBe('target_se');
    expect(stopReason({ theta: 0, se: 0.5, administered: given(6) }, rules, 6)).toBe('max_items');
    expect(stopReason({ theta: 0, se: 0.5, administered: given(4) }, rules, 0)).toBe('pool_exhausted');
  });
});
