import { describe, expect, it } from 'vitest';
import { accuracy, auc, logLoss, rmse } from '../src/index.js';

const labels = (values: number[]) => Uint8Array.from(values);
const predictions = (values: number[]) => Float64Array.from(values);

describe('metrics', () => {
  it('computes AUC over pairs, a tie counting one half', () => {
    // Pairs (positive, negative): (0.8, 0.8) ½, (0.8, 0.1) 1, (0.3, 0.8) 0, (0.3, 0.1) 1 → 2.5 / 4.
    expect(auc(labels([1, 0, 1, 0]), predictions([0.8, 0.8, 0.3, 0.1]))).toBeCloseTo(0.625, 12);
    expect(auc(labels([1, 1, 0, 0]), predictions([0.9, 0.7, 0.2, 0.1]))).toBe(1);
    expect(auc(labels([1, 0, 1, 0]), predictions([0.5, 0.5, 0.5, 0.5]))).toBe(0.5);
    expect(auc(labels([1, 1]), predictions([0.2, 0.3]))).toBeNaN();
  });

  it('computes log-loss, RMSE and accuracy at the 0.5 threshold', () => {
    const y = labels([1, 0]);
    const p = predictions([0.8, 0.4]);
    expect(logLoss(y, p)).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 12); // 0.366985
    expect(rmse(y, p)).toBeCloseTo(Math.sqrt((0.04 + 0.16) / 2), 12);
    expect(accuracy(y, p)).toBe(1);
    expect(accuracy(labels([0]), predictions([0.5]))).toBe(0);
    expect(Number.isFinite(logLoss(labels([1]), predictions([0])))).toBe(true);
  });
});
