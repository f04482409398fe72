import { logit, sigmoid } from '../core/math.js';
import type { ItemRef } from '../core/tracer.js';

/** How many of the latest answers the pattern features look at (2 + 4 + … + 32 patterns). */
export const PATTERN_LENGTH = 5;
/** Prior variance (logit units) of a student's ability offset over the items' base rates. */
export const ABILITY_PRIOR_VARIANCE = 1;
/** Variance the drifting ability gains per answer, so that recent answers weigh more. */
export const ABILITY_DRIFT = 0.05;
/** Half-lives (seconds) of the time-decayed counts: an hour, a day, a week, a month. */
export const TIME_HALF_LIVES = [3600, 86400, 604800, 2592000] as const;

/**
 * A running ability estimate: a Gaussian posterior over the student's logit offset from the items'
 * base rates, updated by one Newton step per answer (online Bayesian logistic regression with one unknown).
 */
export class AbilityTracker {
  mean = 0;
  variance = ABILITY_PRIOR_VARIANCE;

  constructor(private readonly drift = 0) {}

  record(y: number, expected: number): void {
    const p = sigmoid(this.mean + logit(expected));
    const posteriorVariance = 1 / (1 / this.variance + p * (1 - p));
    this.mean += posteriorVariance * (y - p);
    this.variance = posteriorVariance + this.drift;
  }
}

/** Counters over one skill's answers (or over all of a student's answers). */
export class Tally {
  attempts = 0;
  wins = 0;
  /** The last PATTERN_LENGTH answers as bits, newest lowest. */
  pattern = 0;
  readonly ability = new AbilityTracker();
  readonly driftingAbility = new AbilityTracker(ABILITY_DRIFT);
  /** Attempts and wins weighted by 2^(−elapsed / half-life), as of `lastTime`. */
  readonly timedAttempts = new Float64Array(TIME_HALF_LIVES.length);
  readonly timedWins = new Float64Array(TIME_HALF_LIVES.length);
  lastTime = Number.NaN;

  /** Records an answer; `expected` is the item's base rate. */
  record(correct: boolean, expected: number, time: number | undefined): void {
    const y = correct ? 1 : 0;
    this.attempts += 1;
    this.wins += y;
    this.pattern = ((this.pattern << 1) | y) & ((1 << PATTERN_LENGTH) - 1);
    this.ability.record(y, expected);
    this.driftingAbility.record(y, expected);
    if (time !== undefined) this.recordTime(y, time);
  }

  /** A time-decayed count (attempts or wins, half-life k) as seen at `time`. */
  timed(counts: Float64Array, k: number, time: number): number {
    if (Number.isNaN(this.lastTime)) return 0;
    return counts[k]! * Math.pow(2, -Math.max(0, time - this.lastTime) / TIME_HALF_LIVES[k]!);
  }

  private recordTime(y: number, time: number): void {
    for (let k = 0; k < TIME_HALF_LIVES.length; k++) {
      this.timedAttempts[k] = this.timed(this.timedAttempts, k, time) + 1;
      this.timedWins[k] = this.timed(this.timedWins, k, time) + y;
    }
    this.lastTime = time;
  }
}

/** Attempts and wins on one item. */
export interface ItemTally {
  attempts: number;
  wins: number;
}

/** Everything the logistic models remember about one student: their online feature state. */
export class StudentHistory {
  readonly overall = new Tally();
  readonly skills = new Map<number, Tally>();
  readonly items = new Map<number, ItemTally>();

  skill(skill: number): Tally | undefined {
    return this.skills.get(skill);
  }

  item(item: number): ItemTally | undefined {
    return this.items.get(item);
  }

  /** Records an answer; `expected` is the item's base rate (what an average student scores on it). */
  record(item: ItemRef, correct: boolean, expected: number): void {
    this.overall.record(correct, expected, item.time);
    let skill = this.skills.get(item.skill);
    if (!skill) this.skills.set(item.skill, (skill = new Tally()));
    skill.record(correct, expected, item.time);
    const tally = this.items.get(item.item);
    if (tally) {
      tally.attempts += 1;
      tally.wins += correct ? 1 : 0;
    } else {
      this.items.set(item.item, { attempts: 1, wins: correct ? 1 : 0 });
    }
  }
}
