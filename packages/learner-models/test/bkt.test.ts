import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BKT_BOUNDS,
  bktEmStep,
  fitBktSkill,
  predictCorrect,
  updateMastery,
  type BktParams,
  type BktSequences,
} from '../src/index.js';

const params: BktParams = { prior: 0.4, learn: 0.2, guess: 0.25, slip: 0.1, forget: 0 };

function sequences(...answers: number[][]): BktSequences {
  const starts = [0];
  for (const sequence of answers) starts.push(starts[starts.length - 1]! + sequence.length);
  return { correct: Uint8Array.from(answers.flat()), starts: Int32Array.from(starts) };
}

describe('BKT forward filter', () => {
  it('predicts P(correct) = P(known)(1 − slip) + P(unknown)·guess', () => {
    expect(predictCorrect(params, 0.4)).toBeCloseTo(0.4 * 0.9 + 0.6 * 0.25, 12); // 0.51
  });

  it('updates mastery by Bayes on the answer, then the learning transition', () => {
    // Correct: posterior 0.36 / 0.51; then + (1 − posterior)·0.2.
    expect(updateMastery(params, 0.4, true)).toBeCloseTo(0.36 / 0.51 + (1 - 0.36 / 0.51) * 0.2, 12); // 0.764706
    // Wrong: posterior 0.04 / 0.49.
    expect(updateMastery(params, 0.4, false)).toBeCloseTo(0.04 / 0.49 + (1 - 0.04 / 0.49) * 0.2, 12); // 0.265306
  });

  it('forgets: a known skill can be lost between attempts', () => {
    const forgetful = { ...params, forget: 0.1 };
    expect(updateMastery(forgetful, 1, true)).toBeCloseTo(0.9, 12);
  });

  it('keeps mastery a probability and predictions strictly inside (0, 1) (property)', () => {
    const inBounds = (bounds: readonly [number, number]) => fc.double({ min: bounds[0], max: bounds[1], noNaN: true });
    fc.assert(
      fc.property(
        fc.record({
          prior: inBounds(BKT_BOUNDS.prior),
          learn: inBounds(BKT_BOUNDS.learn),
          guess: inBounds(BKT_BOUNDS.guess),
          slip: inBounds(BKT_BOUNDS.slip),
          forget: inBounds(BKT_BOUNDS.forget),
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.boolean(), { maxLength: 50 }),
        (random, start, answers) => {
          let pKnown = start;
          for (const answer of answers) {
            const p = predictCorrect(random, pKnown);
            expect(p).toBeGreaterThan(0);
            expect(p).toBeLessThan(1);
            pKnown = updateMastery(random, pKnown, answer);
            expect(pKnown).toBeGreaterThanOrEqual(0);
            expect(pKnown).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('BKT EM', () => {
  it('one iteration on a single correct answer: prior becomes P(known | correct), guess and slip hit their bounds', () => {
    const step = bktEmStep(params, sequences([1]));
    expect(step.params.prior).toBeCloseTo(0.36 / 0.51, 12);
    expect(step.params.guess).toBe(BKT_BOUNDS.guess[1]); // every unknown-state answer was correct: 1, clipped
    expect(step.params.slip).toBe(BKT_BOUNDS.slip[0]); // no known-state answer was wrong: 0, clipped
    expect(step.logLikelihood).toBeCloseTo(Math.log(0.51), 12);
  });

  it('one iteration matches expected counts enumerated over every hidden path', () => {
    const data = sequences([1, 0, 1], [0, 0, 1, 1]);
    const forgetful: BktParams = { prior: 0.3, learn: 0.25, guess: 0.2, slip: 0.15, forget: 0.05 };
    const expected = enumerateEm(forgetful, [
      [1, 0, 1],
      [0, 0, 1, 1],
    ]);
    const step = bktEmStep(forgetful, data, true);
    expect(step.logLikelihood).toBeCloseTo(expected.logLikelihood, 10);
    for (const key of ['prior', 'learn', 'guess', 'slip', 'forget'] as const) {
      expect(step.params[key]).toBeCloseTo(Math.min(Math.max(expected.params[key], BKT_BOUNDS[key][0]), BKT_BOUNDS[key][1]), 10);
    }
  });

  it('stays inside the bounds on degenerate data (all correct, all wrong, one answer each)', () => {
    const cases = [
      sequences(...Array.from({ length: 20 }, () => [1, 1, 1, 1, 1])),
      sequences(...Array.from({ length: 20 }, () => [0, 0, 0])),
      sequences([1], [0], [1], [1]),
      sequences(...Array.from({ length: 10 }, () => [1, 0, 1, 0, 1, 0])),
    ];
    for (const data of cases) {
      for (const fitForget of [false, true]) {
        const { params: fitted } = fitBktSkill(data, { fitForget, seed: 7 });
        for (const key of ['prior', 'learn', 'guess', 'slip', 'forget'] as const) {
          expect(fitted[key]).toBeGreaterThanOrEqual(BKT_BOUNDS[key][0]);
          expect(fitted[key]).toBeLessThanOrEqual(BKT_BOUNDS[key][1]);
        }
        expect(fitted.guess + fitted.slip).toBeLessThan(1);
        if (!fitForget) expect(fitted.forget).toBe(0);
      }
    }
  });

  it('is deterministic for a seed and recovers the direction of learning from simulated students', () => {
    const truth: BktParams = { prior: 0.2, learn: 0.3, guess: 0.15, slip: 0.1, forget: 0 };
    const data = simulate(truth, 400, 12);
    const first = fitBktSkill(data, { seed: 3 });
    expect(fitBktSkill(data, { seed: 3 })).toEqual(first);
    expect(first.params.learn).toBeGreaterThan(0.15);
    expect(first.params.prior).toBeLessThan(0.4);
  });
});

/** Expected counts by summing over all 2^T hidden paths of each sequence: the definition of one EM step. */
function enumerateEm(p: BktParams, data: number[][]): { params: BktParams; logLikelihood: number } {
  const sums = { firstKnown: 0, uk: 0, uBefore: 0, ku: 0, kBefore: 0, u: 0, uCorrect: 0, k: 0, kWrong: 0 };
  let logLikelihood = 0;
  for (const answers of data) {
    const length = answers.length;
    const paths: { states: number[]; weight: number }[] = [];
    for (let mask = 0; mask < 1 << length; mask++) {
      const states = Array.from({ length }, (_, t) => (mask >> t) & 1); // 1 = known
      let weight = states[0] ? p.prior : 1 - p.prior;
      for (let t = 0; t < length; t++) {
        if (t > 0) {
          const from = states[t - 1]!;
          const to = states[t]!;
          weight *= from ? (to ? 1 - p.forget : p.forget) : to ? p.learn : 1 - p.learn;
        }
        const known = states[t]!;
        weight *= known ? (answers[t] ? 1 - p.slip : p.slip) : answers[t] ? p.guess : 1 - p.guess;
      }
      paths.push({ states, weight });
    }
    const total = paths.reduce((sum, path) => sum + path.weight, 0);
    logLikelihood += Math.log(total);
    for (const { states, weight } of paths) {
      const w = weight / total;
      if (states[0]) sums.firstKnown += w;
      for (let t = 0; t < length; t++) {
        if (states[t]) {
          sums.k += w;
          if (!answers[t]) sums.kWrong += w;
        } else {
          sums.u += w;
          if (answers[t]) sums.uCorrect += w;
        }
        if (t + 1 < length) {
          if (states[t]) {
            sums.kBefore += w;
            if (!states[t + 1]) sums.ku += w;
          } else {
            sums.uBefore += w;
            if (states[t + 1]) sums.uk += w;
          }
        }
      }
    }
  }
  return {
    params: {
      prior: sums.firstKnown / data.length,
      learn: sums.uk / sums.uBefore,
      guess: sums.uCorrect / sums.u,
      slip: sums.kWrong / sums.k,
      forget: sums.ku / sums.kBefore,
    },
    logLikelihood,
  };
}

function simulate(truth: BktParams, students: number, length: number): BktSequences {
  let state = 12345;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const answers: number[][] = [];
  for (let s = 0; s < students; s++) {
    let known = random() < truth.prior;
    const sequence: number[] = [];
    for (let t = 0; t < length; t++) {
      sequence.push((known ? random() >= truth.slip : random() < truth.guess) ? 1 : 0);
      if (!known && random() < truth.learn) known = true;
    }
    answers.push(sequence);
  }
  return sequences(...answers);
}
