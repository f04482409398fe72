import type { ResponseLog } from '../core/response-log.js';

/** Answers a rate is pulled towards its parent's rate by (item towards skill, skill towards overall). */
export const BASE_RATE_SHRINK = 5;

/** Smoothed success rates per item and skill from training answers: the "expected" answer of the residual features. */
export interface BaseRates {
  readonly item: Float64Array;
  readonly skill: Float64Array;
  readonly overall: number;
}

/** Raw attempt and win counts per item and skill. */
export interface AnswerCounts {
  readonly itemAttempts: Int32Array;
  readonly itemWins: Int32Array;
  readonly skillRate: Float64Array;
  readonly overall: number;
}

export function countAnswers(log: ResponseLog): AnswerCounts {
  const itemAttempts = new Int32Array(log.numItems);
  const itemWins = new Int32Array(log.numItems);
  const skillAttempts = new Int32Array(log.numSkills);
  const skillWins = new Int32Array(log.numSkills);
  let wins = 0;
  for (let row = 0; row < log.length; row++) {
    const y = log.correct[row]!;
    const item = log.item[row]!;
    const skill = log.skill[row]!;
    wins += y;
    if (item < log.numItems) {
      itemAttempts[item]! += 1;
      itemWins[item]! += y;
    }
    if (skill < log.numSkills) {
      skillAttempts[skill]! += 1;
      skillWins[skill]! += y;
    }
  }
  const overall = log.length > 0 ? wins / log.length : 0.5;
  const skillRate = skillWins.reduce<Float64Array>((rates, w, skill) => {
    rates[skill] = shrink(w, skillAttempts[skill]!, overall);
    return rates;
  }, new Float64Array(log.numSkills));
  return { itemAttempts, itemWins, skillRate, overall };
}

export function baseRates(log: ResponseLog, counts: AnswerCounts): BaseRates {
  const item = new Float64Array(log.numItems);
  const skillOfItem = new Int32Array(log.numItems);
  for (let row = 0; row < log.length; row++) if (log.item[row]! < log.numItems) skillOfItem[log.item[row]!] = log.skill[row]!;
  for (let i = 0; i < log.numItems; i++) {
    item[i] = shrink(counts.itemWins[i]!, counts.itemAttempts[i]!, counts.skillRate[skillOfItem[i]!] ?? counts.overall);
  }
  return { item, skill: counts.skillRate, overall: counts.overall };
}

/** The item's rate with one answer (`y`) left out: what training uses, so no answer explains itself. */
export function leaveOneOutRate(counts: AnswerCounts, item: number, skill: number, y: number): number {
  const parent = counts.skillRate[skill] ?? counts.overall;
  if (item >= counts.itemAttempts.length) return parent;
  return shrink(counts.itemWins[item]! - y, counts.itemAttempts[item]! - 1, parent);
}

/** The expected answer on an item: its rate, else its skill's, else the overall rate. */
export function expectedRate(rates: BaseRates, item: number, skill: number): number {
  return rates.item[item] ?? rates.skill[skill] ?? rates.overall;
}

function shrink(wins: number, attempts: number, parent: number): number {
  return (wins + BASE_RATE_SHRINK * parent) / (attempts + BASE_RATE_SHRINK);
}
