import {
  estimateAbility, itemParameters, nextCatItem, probabilityCorrect, stopReason,
  type AbilityEstimate, type CatItem, type CatRules, type ItemParams, type StopReason,
} from '@tessera/learner-models';
import type { SlotOutcome } from '../contract/attempts.js';
import { DEFAULT_ADAPTIVE_STOP, type AdaptiveStop, type ExamSettings, type ExamVersion } from '../contract/exams.js';
import type { AdaptiveState } from '../db/assessment.table.js';
import type { ItemCalibration } from '../db/item.repository.js';
import type { AttemptScore } from './score-attempt.js';
import { totalsOf } from './score-attempt.js';
import { seededRandom, type DrawnSlot } from './draw.js';

/** Item types an adaptive exam can hold: graded the moment they are answered (no essays, no code waiting for a grader). */
export const ADAPTIVE_ITEM_TYPES: ReadonlySet<string> = new Set(['single_choice', 'multiple_choice', 'true_false', 'numeric', 'short_text', 'ordering', 'matching', 'cloze']);

/** Choose among this many of the most informative items, so the first items are not the same for everyone. */
const RANDOMESQUE = 3;

/** An item an adaptive exam may give: its version in the exam, its points, skills and 2PL parameters. */
export interface PoolItem extends CatItem {
  version: number;
  type: string;
  points: number;
}

/** The exam's draw sections' candidates as one pool, with parameters from the best source known for each. */
export function adaptivePool(exam: ExamVersion, calibrations: ReadonlyMap<string, ItemCalibration>): PoolItem[] {
  const seen = new Set<string>();
  return exam.sections.flatMap((section) => (section.kind === 'draw' ? section.candidates.map((item) => ({ item, points: section.points })) : []))
    .filter(({ item }) => !seen.has(item.itemId) && Boolean(seen.add(item.itemId)))
    .map(({ item, points }) => {
      const known = calibrations.get(item.itemId);
      const params = itemParameters(known ?? { calibratedA: null, calibratedB: null, authorA: null, authorB: null, difficulty: null });
      return { itemId: item.itemId, version: item.version, type: item.type, points, skills: known?.skills ?? [], a: params.a, b: params.b, uses: 0 };
    });
}

export function stopRulesOf(settings: Pick<ExamSettings, 'adaptiveStop'>): AdaptiveStop {
  return settings.adaptiveStop ?? DEFAULT_ADAPTIVE_STOP;
}

function catRules(stop: AdaptiveStop, pool: readonly PoolItem[]): CatRules {
  return { minItems: stop.minItems, maxItems: stop.maxItems, targetSe: stop.standardError, skills: [...new Set(pool.flatMap((item) => item.skills))], randomesque: RANDOMESQUE };
}

/** An answered item of an adaptive attempt: which one, and whether it was right. */
export interface AnsweredItem {
  itemId: string;
  correct: boolean;
}

/** The ability estimate after the answers so far (EAP under a standard normal prior). */
export function abilityAfter(pool: readonly PoolItem[], answered: readonly AnsweredItem[]): AbilityEstimate {
  const byId = new Map(pool.map((item) => [item.itemId, item]));
  const known = answered.filter((answer) => byId.has(answer.itemId));
  return estimateAbility(known.map((answer) => byId.get(answer.itemId) as ItemParams), known.map((answer) => answer.correct));
}

/** What comes after the answers so far: the next item, or the reason to stop, with the state to store. */
export interface AdaptiveStep {
  next: DrawnSlot | null;
  state: AdaptiveState;
}

/**
 * The next step of an adaptive attempt: stop when precise enough (after the minimum), at the maximum or when
 * the pool is used up; else the most informative item at the current estimate among the skill furthest
 * behind, picked at random among the best few. Reproducible: the randomness comes from the attempt's seed
 * and the number of items given.
 */
export function nextStep(pool: readonly PoolItem[], stop: AdaptiveStop, answered: readonly AnsweredItem[], seed: number): AdaptiveStep {
  const estimate = abilityAfter(pool, answered);
  const skillsOf = new Map(pool.map((item) => [item.itemId, item.skills]));
  const catState = { theta: estimate.theta, se: estimate.se, administered: answered.map((a) => ({ itemId: a.itemId, skills: skillsOf.get(a.itemId) ?? [] })) };
  const rules = catRules(stop, pool);
  const given = new Set(answered.map((a) => a.itemId));
  const reason: StopReason | null = stopReason(catState, rules, pool.filter((item) => !given.has(item.itemId)).length);
  const state: AdaptiveState = { maxItems: stop.maxItems, finished: reason !== null, stopReason: reason, theta: estimate.theta, se: estimate.se };
  if (reason) return { next: null, state };
  const item = nextCatItem(pool, catState, rules, seededRandom(seed + answered.length)) as PoolItem | null;
  if (!item) return { next: null, state: { ...state, finished: true, stopReason: 'pool_exhausted' } };
  return { next: { slot: `a${answered.length + 1}`, itemId: item.itemId, version: item.version, type: item.type, points: item.points, optionOrder: null }, state };
}

/**
 * The score of an adaptive attempt: the share of the whole pool the student is expected to answer right at
 * the estimated ability (a domain score), as a percentage, the late penalty taken off. Counting right answers
 * would be unfair: every student gets items near their own level, so everyone gets about half of them right.
 */
export function adaptiveTotals(items: readonly SlotOutcome[], pool: readonly PoolItem[], settings: Pick<ExamSettings, 'passingPercent'>, penaltyPercent: number):
  Omit<AttemptScore, 'items'> & { ability: { theta: number; standardError: number } } {
  const estimate = abilityAfter(pool, items.map((item) => ({ itemId: item.itemId, correct: item.correct === true })));
  const expected = pool.length === 0 ? 0 : pool.reduce((sum, item) => sum + probabilityCorrect(item, estimate.theta), 0) / pool.length;
  const raw = round(expected * 100);
  const penalty = round(raw * penaltyPercent / 100);
  const score = round(raw - penalty);
  const { status } = totalsOf(items, settings, 0);
  const passed = status === 'graded' && settings.passingPercent !== null ? score >= settings.passingPercent : null;
  return { status, score, maxScore: 100, penalty, passed, ability: { theta: round(estimate.theta), standardError: round(estimate.se) } };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
