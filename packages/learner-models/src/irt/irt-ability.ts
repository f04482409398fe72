import { probabilityCorrect, type ItemParams } from './irt-2pl.js';

/** An ability estimate and its standard error (posterior standard deviation). */
export interface AbilityEstimate {
  theta: number;
  se: number;
}

export interface AbilityPrior {
  mean: number;
  sd: number;
}

const STANDARD_PRIOR: AbilityPrior = { mean: 0, sd: 1 };
const GRID = Float64Array.from({ length: 49 }, (_, k) => -6 + k / 4);

/**
 * Expected a posteriori ability under a normal prior, by quadrature on a fixed grid. Unlike maximum
 * likelihood it stays finite for all-correct or all-wrong patterns, and its SE shrinks as answers accrue.
 */
export function estimateAbility(
  items: readonly ItemParams[],
  responses: readonly boolean[],
  prior: AbilityPrior = STANDARD_PRIOR,
): AbilityEstimate {
  const posterior = new AbilityPosterior(prior);
  for (let k = 0; k < items.length; k++) posterior.observe(items[k]!, responses[k] === true);
  return posterior.estimate();
}

/** A student's ability posterior on a grid, updated one answer at a time (online IRT and CAT). */
export class AbilityPosterior {
  private readonly logDensity: Float64Array;
  private readonly weights = new Float64Array(GRID.length);
  private weightsStale = true;

  constructor(prior: AbilityPrior = STANDARD_PRIOR) {
    this.logDensity = GRID.map((theta) => -0.5 * ((theta - prior.mean) / prior.sd) ** 2);
  }

  observe(item: ItemParams, correct: boolean): void {
    for (let k = 0; k < GRID.length; k++) {
      const p = probabilityCorrect(item, GRID[k]!);
      this.logDensity[k] = this.logDensity[k]! + Math.log(correct ? p : 1 - p);
    }
    this.weightsStale = true;
  }

  estimate(): AbilityEstimate {
    const weights = this.normalisedWeights();
    let mean = 0;
    for (let k = 0; k < GRID.length; k++) mean += weights[k]! * GRID[k]!;
    let variance = 0;
    for (let k = 0; k < GRID.length; k++) variance += weights[k]! * (GRID[k]! - mean) ** 2;
    return { theta: mean, se: Math.sqrt(variance) };
  }

  /** P(correct) on `item`, averaged over the ability posterior. */
  predict(item: ItemParams): number {
    const weights = this.normalisedWeights();
    let p = 0;
    for (let k = 0; k < GRID.length; k++) {
      const weight = weights[k]!;
      if (weight > 1e-9) p += weight * probabilityCorrect(item, GRID[k]!);
    }
    return p;
  }

  private normalisedWeights(): Float64Array {
    if (!this.weightsStale) return this.weights;
    let max = -Infinity;
    for (let k = 0; k < GRID.length; k++) max = Math.max(max, this.logDensity[k]!);
    let total = 0;
    for (let k = 0; k < GRID.length; k++) {
      const weight = Math.exp(this.logDensity[k]! - max);
      this.weights[k] = weight;
      total += weight;
    }
    for (let k = 0; k < GRID.length; k++) this.weights[k] = this.weights[k]! / total;
    this.weightsStale = false;
    return this.weights;
  }
}
