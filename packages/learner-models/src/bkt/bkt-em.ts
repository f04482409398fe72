import { seededRandom, uniform } from '../core/random.js';
import { BKT_BOUNDS, DEFAULT_BKT_PARAMS, clampBktParams, type BktParams } from './bkt-params.js';

/** One skill's answer sequences: `correct` concatenated, sequence k in [starts[k], starts[k+1]). */
export interface BktSequences {
  readonly correct: Uint8Array;
  readonly starts: Int32Array;
}

export interface BktEmOptions {
  /** Fit the forget probability too (otherwise it stays 0). */
  fitForget?: boolean;
  maxIterations?: number;
  /** Random starts besides the standard one; the best log-likelihood wins. */
  restarts?: number;
  seed?: number;
}

export interface BktFit {
  params: BktParams;
  logLikelihood: number;
}

/**
 * One Baum-Welch iteration: expected counts under `params` (scaled forward-backward over the two
 * hidden states), then the re-estimated parameters clipped to BKT_BOUNDS. The log-likelihood
 * returned is that of `params` (the input), as computed by the forward pass.
 */
export function bktEmStep(params: BktParams, sequences: BktSequences, fitForget = false): BktFit {
  const counts = expectedCounts(params, sequences);
  const next: BktParams = {
    prior: counts.firstKnown / Math.max(counts.sequences, 1e-12),
    learn: ratio(counts.unknownToKnown, counts.unknownBeforeTransition, params.learn),
    guess: ratio(counts.unknownCorrect, counts.unknown, params.guess),
    slip: ratio(counts.knownIncorrect, counts.known, params.slip),
    forget: fitForget ? ratio(counts.knownToUnknown, counts.knownBeforeTransition, params.forget) : 0,
  };
  return { params: clampBktParams(next), logLikelihood: counts.logLikelihood };
}

/** Fits one skill's parameters by EM from a standard start and `restarts` seeded random starts. */
export function fitBktSkill(sequences: BktSequences, options: BktEmOptions = {}): BktFit {
  const random = seededRandom(options.seed ?? 1);
  const starts: BktParams[] = [DEFAULT_BKT_PARAMS];
  for (let k = 0; k < (options.restarts ?? 3); k++) starts.push(randomStart(random, options.fitForget === true));
  let best: BktFit | null = null;
  for (const start of starts) {
    const fit = runEm(start, sequences, options);
    if (best === null || fit.logLikelihood > best.logLikelihood) best = fit;
  }
  return best!;
}

function runEm(start: BktParams, sequences: BktSequences, options: BktEmOptions): BktFit {
  const fitForget = options.fitForget === true;
  const tolerance = 1e-6 * Math.max(1, sequences.correct.length);
  let params = fitForget ? start : { ...start, forget: 0 };
  let previous = -Infinity;
  for (let iteration = 0; iteration < (options.maxIterations ?? 100); iteration++) {
    const step = bktEmStep(params, sequences, fitForget);
    params = step.params;
    if (step.logLikelihood - previous < tolerance) break;
    previous = step.logLikelihood;
  }
  return { params, logLikelihood: expectedCounts(params, sequences).logLikelihood };
}

function randomStart(random: () => number, fitForget: boolean): BktParams {
  return {
    prior: uniform(random, 0.1, 0.9),
    learn: uniform(random, 0.01, 0.4),
    guess: uniform(random, 0.05, BKT_BOUNDS.guess[1]),
    slip: uniform(random, 0.05, BKT_BOUNDS.slip[1]),
    forget: fitForget ? uniform(random, 0, 0.1) : 0,
  };
}

function ratio(numerator: number, denominator: number, fallback: number): number {
  return denominator > 1e-12 ? numerator / denominator : fallback;
}

interface ExpectedCounts {
  sequences: number;
  firstKnown: number;
  unknownToKnown: number;
  unknownBeforeTransition: number;
  knownToUnknown: number;
  knownBeforeTransition: number;
  unknown: number;
  unknownCorrect: number;
  known: number;
  knownIncorrect: number;
  logLikelihood: number;
}

let knownBuffer = new Float64Array(256);
let unknownBuffer = new Float64Array(256);

function expectedCounts(params: BktParams, sequences: BktSequences): ExpectedCounts {
  const counts: ExpectedCounts = {
    sequences: 0,
    firstKnown: 0,
    unknownToKnown: 0,
    unknownBeforeTransition: 0,
    knownToUnknown: 0,
    knownBeforeTransition: 0,
    unknown: 0,
    unknownCorrect: 0,
    known: 0,
    knownIncorrect: 0,
    logLikelihood: 0,
  };
  const { starts, correct } = sequences;
  for (let k = 0; k + 1 < starts.length; k++) {
    const from = starts[k]!;
    const to = starts[k + 1]!;
    if (to > from) accumulateSequence(params, correct, from, to, counts);
  }
  return counts;
}

/**
 * Forward pass storing the filtered state P(state | answers so far), then a backward pass accumulating
 * expected counts. Both states are kept separately and every backward message is renormalised: on
 * sequences of thousands of answers, 1 − P(known) underflows and unnormalised messages overflow.
 */
function accumulateSequence(params: BktParams, correct: Uint8Array, from: number, to: number, counts: ExpectedCounts): void {
  const { prior, learn, forget, guess, slip } = params;
  const length = to - from;
  if (knownBuffer.length < length) {
    knownBuffer = new Float64Array(length * 2);
    unknownBuffer = new Float64Array(length * 2);
  }
  const filteredKnown = knownBuffer;
  const filteredUnknown = unknownBuffer;
  let predictedKnown = prior;
  let predictedUnknown = 1 - prior;
  for (let t = 0; t < length; t++) {
    const answer = correct[from + t]!;
    const known = predictedKnown * (answer ? 1 - slip : slip);
    const unknown = predictedUnknown * (answer ? guess : 1 - guess);
    const evidence = known + unknown;
    counts.logLikelihood += Math.log(evidence);
    const aKnown = known / evidence;
    const aUnknown = unknown / evidence;
    filteredKnown[t] = aKnown;
    filteredUnknown[t] = aUnknown;
    predictedKnown = aKnown * (1 - forget) + aUnknown * learn;
    predictedUnknown = aKnown * forget + aUnknown * (1 - learn);
  }
  let betaKnown = 0.5;
  let betaUnknown = 0.5;
  for (let t = length - 1; t >= 0; t--) {
    const aKnown = filteredKnown[t]!;
    const aUnknown = filteredUnknown[t]!;
    if (t < length - 1) {
      const next = correct[from + t + 1]!;
      const toKnown = (next ? 1 - slip : slip) * betaKnown;
      const toUnknown = (next ? guess : 1 - guess) * betaUnknown;
      const knownKnown = aKnown * (1 - forget) * toKnown;
      const knownUnknown = aKnown * forget * toUnknown;
      const unknownKnown = aUnknown * learn * toKnown;
      const unknownUnknown = aUnknown * (1 - learn) * toUnknown;
      const total = knownKnown + knownUnknown + unknownKnown + unknownUnknown;
      counts.unknownToKnown += unknownKnown / total;
      counts.knownToUnknown += knownUnknown / total;
      counts.unknownBeforeTransition += (unknownKnown + unknownUnknown) / total;
      counts.knownBeforeTransition += (knownKnown + knownUnknown) / total;
      const newKnown = (1 - forget) * toKnown + forget * toUnknown;
      const newUnknown = learn * toKnown + (1 - learn) * toUnknown;
      betaKnown = newKnown / (newKnown + newUnknown);
      betaUnknown = newUnknown / (newKnown + newUnknown);
    }
    const joint = aKnown * betaKnown + aUnknown * betaUnknown;
    const gammaKnown = (aKnown * betaKnown) / joint;
    const gammaUnknown = (aUnknown * betaUnknown) / joint;
    counts.known += gammaKnown;
    counts.unknown += gammaUnknown;
    if (correct[from + t]) counts.unknownCorrect += gammaUnknown;
    else counts.knownIncorrect += gammaKnown;
    if (t === 0) counts.firstKnown += gammaKnown;
  }
  counts.sequences += 1;
}
