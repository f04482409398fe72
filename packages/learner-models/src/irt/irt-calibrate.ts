import { minimizeLbfgs, type Objective } from '../core/lbfgs.js';
import { sigmoid, softplus } from '../core/math.js';
import type { ResponseLog } from '../core/response-log.js';
import type { ItemParams } from './irt-2pl.js';

/** Normal priors that regularise joint estimation (items with a handful of answers stay near the mean). */
export interface IrtPriors {
  abilitySd: number;
  difficultySd: number;
  discriminationMean: number;
  discriminationSd: number;
}

export const DEFAULT_IRT_PRIORS: IrtPriors = { abilitySd: 1, difficultySd: 2, discriminationMean: 1, discriminationSd: 0.5 };

/** Calibrated items, plus a typical item per skill and overall for items calibration never saw. */
export interface IrtModel {
  readonly items: readonly ItemParams[];
  readonly bySkill: readonly ItemParams[];
  readonly fallback: ItemParams;
}

export interface IrtCalibrationOptions {
  priors?: IrtPriors;
  maxIterations?: number;
}

/**
 * Joint maximum a posteriori calibration of 2PL items and the training students' abilities (the
 * abilities are discarded). Unknowns are laid out as [θ per user, a per item, b per item].
 */
export function calibrateIrt(log: ResponseLog, options: IrtCalibrationOptions = {}): IrtModel {
  const priors = options.priors ?? DEFAULT_IRT_PRIORS;
  const { numUsers, numItems } = log;
  const start = new Float64Array(numUsers + 2 * numItems);
  start.fill(priors.discriminationMean, numUsers, numUsers + numItems);
  const fit = minimizeLbfgs(irtObjective(log, priors), start, { maxIterations: options.maxIterations ?? 300 });
  const items = Array.from({ length: numItems }, (_, i) => ({ a: fit.x[numUsers + i]!, b: fit.x[numUsers + numItems + i]! }));
  return { items, ...typicalItems(log, items) };
}

/** The item a model uses for an item index (its skill's typical item when never calibrated). */
export function irtItemFor(model: IrtModel, item: number, skill: number): ItemParams {
  return model.items[item] ?? model.bySkill[skill] ?? model.fallback;
}

/** Negative log-posterior of 2PL and its gradient; exported so tests can check the gradient numerically. */
export function irtObjective(log: Pick<ResponseLog, 'length' | 'user' | 'item' | 'correct' | 'numUsers' | 'numItems'>, priors: IrtPriors): Objective {
  const { numUsers, numItems } = log;
  const aOffset = numUsers;
  const bOffset = numUsers + numItems;
  return (x, gradient) => {
    let value = 0;
    gradient.fill(0);
    for (let row = 0; row < log.length; row++) {
      const u = log.user[row]!;
      const i = log.item[row]!;
      if (i >= numItems) continue;
      const theta = x[u]!;
      const a = x[aOffset + i]!;
      const b = x[bOffset + i]!;
      const margin = a * (theta - b);
      const y = log.correct[row]!;
      value += softplus(y ? -margin : margin);
      // d(loss)/d(margin) = p − y
      const residual = sigmoid(margin) - y;
      gradient[u] = gradient[u]! + residual * a;
      gradient[aOffset + i] = gradient[aOffset + i]! + residual * (theta - b);
      gradient[bOffset + i] = gradient[bOffset + i]! - residual * a;
    }
    value += addNormalPrior(x, gradient, 0, numUsers, 0, priors.abilitySd);
    value += addNormalPrior(x, gradient, aOffset, numItems, priors.discriminationMean, priors.discriminationSd);
    value += addNormalPrior(x, gradient, bOffset, numItems, 0, priors.difficultySd);
    return value;
  };
}

function addNormalPrior(x: Float64Array, gradient: Float64Array, offset: number, count: number, mean: number, sd: number): number {
  const precision = 1 / (sd * sd);
  let value = 0;
  for (let k = offset; k < offset + count; k++) {
    const deviation = x[k]! - mean;
    value += 0.5 * precision * deviation * deviation;
    gradient[k] = gradient[k]! + precision * deviation;
  }
  return value;
}

/** Answer-weighted mean a and b per skill and overall. */
function typicalItems(log: ResponseLog, items: readonly ItemParams[]): { bySkill: ItemParams[]; fallback: ItemParams } {
  const sums = Array.from({ length: log.numSkills }, () => ({ a: 0, b: 0, n: 0 }));
  const total = { a: 0, b: 0, n: 0 };
  for (let row = 0; row < log.length; row++) {
    const item = items[log.item[row]!];
    const sum = sums[log.skill[row]!];
    if (!item || !sum) continue;
    for (const target of [sum, total]) {
      target.a += item.a;
      target.b += item.b;
      target.n += 1;
    }
  }
  const fallback = total.n > 0 ? { a: total.a / total.n, b: total.b / total.n } : { a: 1, b: 0 };
  return { bySkill: sums.map((sum) => (sum.n > 0 ? { a: sum.a / sum.n, b: sum.b / sum.n } : fallback)), fallback };
}
