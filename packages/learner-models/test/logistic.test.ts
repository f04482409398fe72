import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LR_SPEC,
  ResponseLogBuilder,
  fitLogisticModel,
  fitSparseLogistic,
  logisticTracer,
  logit,
  SparseRowsBuilder,
  type ResponseLog,
} from '../src/index.js';
import { seededRandom } from '../src/core/random.js';

/** Students of varying ability answering items of varying difficulty in 3 skills, improving with practice. */
function simulatedLog(students: number, answersEach: number, withTime: boolean): ResponseLog {
  const random = seededRandom(5);
  const builder = new ResponseLogBuilder();
  const difficulty = Array.from({ length: 30 }, () => random() * 2 - 1);
  for (let user = 0; user < students; user++) {
    const ability = random() * 2 - 1;
    for (let k = 0; k < answersEach; k++) {
      const item = Math.floor(random() * 30);
      const p = 1 / (1 + Math.exp(-(ability - difficulty[item]! + 0.05 * k)));
      builder.push(user, item, item % 3, random() < p, withTime ? 1_700_000_000 + user * 1000 + k * 60 : 0);
    }
  }
  return builder.build({ numItems: 30, numSkills: 3 });
}

describe('sparse logistic regression', () => {
  it('with only an unpenalised bias, fits the mean label', () => {
    const builder = new SparseRowsBuilder();
    for (const label of [1, 1, 1, 0]) {
      builder.add(0, 1);
      builder.endRow(label === 1);
    }
    const [bias] = fitSparseLogistic(builder.build(1), { penalty: new Float64Array(1) });
    expect(bias).toBeCloseTo(logit(0.75), 5);
  });
});

describe('logistic knowledge tracing', () => {
  const log = simulatedLog(60, 25, true);
  const model = fitLogisticModel(log, LR_SPEC);
  const tracer = logisticTracer(model);

  it('explains a prediction: the contributions add up to its log-odds', () => {
    const state = tracer.newState();
    tracer.update(state, { item: 3, skill: 0, time: 1_700_000_000 }, true);
    tracer.update(state, { item: 4, skill: 1, time: 1_700_000_060 }, false);
    const item = { item: 6, skill: 0, time: 1_700_000_120 };
    const explanation = tracer.explain(state, item);
    expect(explanation.probability).toBeCloseTo(tracer.predict(state, item), 12);
    const total = explanation.contributions.reduce((sum, entry) => sum + entry.contribution, 0);
    expect(total).toBeCloseTo(logit(explanation.probability), 8);
    expect(explanation.contributions.map((entry) => entry.feature)).toContain('difficulty of this item');
    expect(explanation.contributions.map((entry) => entry.feature)).toContain('recent practice on this skill');
  });

  it('predicts strictly inside (0, 1) for any history, unseen items and skills included (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ item: fc.nat(40), skill: fc.nat(5), correct: fc.boolean() }), { maxLength: 30 }),
        fc.nat(40),
        (answers, next) => {
          const state = tracer.newState();
          for (const answer of answers) tracer.update(state, answer, answer.correct);
          const p = tracer.predict(state, { item: next, skill: next % 5 });
          expect(p).toBeGreaterThan(0);
          expect(p).toBeLessThan(1);
        },
      ),
    );
  });

  it('is plain data: the same weights rebuild the same predictions', () => {
    const copy = logisticTracer({ ...model, weights: Float64Array.from(model.weights) });
    const [a, b] = [tracer.newState(), copy.newState()];
    tracer.update(a, { item: 1, skill: 1 }, true);
    copy.update(b, { item: 1, skill: 1 }, true);
    expect(copy.predict(b, { item: 2, skill: 2 })).toBe(tracer.predict(a, { item: 2, skill: 2 }));
  });
});
