import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AbilityPosterior,
  DEFAULT_IRT_PRIORS,
  estimateAbility,
  information,
  irtObjective,
  probabilityCorrect,
  type ItemParams,
} from '../src/index.js';
import { seededRandom } from '../src/core/random.js';

describe('2PL', () => {
  it('gives P = 0.5 at θ = b and information a²·p·(1 − p), largest at θ = b', () => {
    const item: ItemParams = { a: 1.7, b: 0.4 };
    expect(probabilityCorrect(item, 0.4)).toBeCloseTo(0.5, 12);
    expect(information(item, 0.4)).toBeCloseTo(1.7 * 1.7 * 0.25, 12);
    expect(information(item, 1.4)).toBeLessThan(information(item, 0.4));
    expect(information(item, -0.6)).toBeLessThan(information(item, 0.4));
  });

  it('has an analytic gradient that matches central differences of the negative log-posterior', () => {
    const random = seededRandom(11);
    const numUsers = 6;
    const numItems = 5;
    const rows = 60;
    const log = {
      length: rows,
      user: Int32Array.from({ length: rows }, () => Math.floor(random() * numUsers)),
      item: Int32Array.from({ length: rows }, () => Math.floor(random() * numItems)),
      correct: Uint8Array.from({ length: rows }, () => (random() < 0.6 ? 1 : 0)),
      numUsers,
      numItems,
    };
    const objective = irtObjective(log, DEFAULT_IRT_PRIORS);
    const x = Float64Array.from({ length: numUsers + 2 * numItems }, () => random() * 2 - 1);
    const gradient = new Float64Array(x.length);
    objective(x, gradient);
    const scratch = new Float64Array(x.length);
    const h = 1e-6;
    for (let k = 0; k < x.length; k++) {
      const plus = Float64Array.from(x);
      const minus = Float64Array.from(x);
      plus[k]! += h;
      minus[k]! -= h;
      const numerical = (objective(plus, scratch) - objective(minus, scratch)) / (2 * h);
      expect(gradient[k]).toBeCloseTo(numerical, 5);
    }
  });
});

describe('ability estimation', () => {
  const item: ItemParams = { a: 1.2, b: 0 };

  it('has a standard error that shrinks as answers accrue', () => {
    const answers = (n: number) => Array.from({ length: n }, (_, k) => k % 3 !== 0);
    const items = (n: number) => Array.from({ length: n }, () => item);
    const one = estimateAbility(items(1), answers(1));
    const five = estimateAbility(items(5), answers(5));
    const thirty = estimateAbility(items(30), answers(30));
    expect(five.se).toBeLessThan(one.se);
    expect(thirty.se).toBeLessThan(five.se);
    expect(thirty.theta).toBeGreaterThan(0); // two thirds right on an item of difficulty 0
  });

  it('stays finite for all-correct patterns and starts from the prior', () => {
    const none = estimateAbility([], []);
    expect(none.theta).toBeCloseTo(0, 6);
    expect(none.se).toBeCloseTo(1, 2);
    const perfect = estimateAbility([item, item, item, item], [true, true, true, true]);
    expect(Number.isFinite(perfect.theta)).toBe(true);
    expect(perfect.theta).toBeGreaterThan(0.5);
  });

  it('predicts strictly inside (0, 1) whatever the answers (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: fc.double({ min: -2, max: 3, noNaN: true }), b: fc.double({ min: -4, max: 4, noNaN: true }), correct: fc.boolean() }), {
          maxLength: 40,
        }),
        (answers) => {
          const posterior = new AbilityPosterior();
          for (const answer of answers) posterior.observe(answer, answer.correct);
          const p = posterior.predict(item);
          expect(p).toBeGreaterThan(0);
          expect(p).toBeLessThan(1);
        },
      ),
    );
  });
});
