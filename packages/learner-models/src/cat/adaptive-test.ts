import { information } from '../irt/irt-2pl.js';

/** An item of the adaptive test's pool. */
export interface CatItem {
  itemId: string;
  skills: readonly string[];
  a: number;
  b: number;
  uses: number;
}

export interface CatState {
  theta: number;
  se: number;
  administered: ReadonlyArray<{ itemId: string; skills: readonly string[] }>;
}

export interface CatRules {
  /** No stop for precision before this many items (a test of two lucky answers is not a test). */
  minItems?: number;
  maxItems: number;
  targetSe: number;
  /** Skills to balance: each should get its share of the items given so far. */
  skills: readonly string[];
  /** Choose at random among this many most informative items (randomesque exposure control), those nearly as informative as the best. */
  randomesque: number;
}

/** The share of the best item's information an item needs to be drawn instead of it (randomesque exposure control). */
const NEAR_BEST = 0.8;

/** Why a test stops: precise enough, or out of items (the limit or the pool). */
export type StopReason = 'target_se' | 'max_items' | 'pool_exhausted';

export function stopReason(state: CatState, rules: CatRules, poolLeft: number): StopReason | null {
  const enough = Math.max(1, rules.minItems ?? 1);
  if (state.administered.length >= enough && state.se <= rules.targetSe) return 'target_se';
  if (state.administered.length >= rules.maxItems) return 'max_items';
  if (poolLeft === 0) return 'pool_exhausted';
  return null;
}

/**
 * The next item of a computerized adaptive test: among items not given yet, those of the skill furthest
 * behind its share (content balancing), the most informative at the current ability estimate, picked at
 * random among the best few so the same start does not always show the same item.
 */
export function nextCatItem(pool: readonly CatItem[], state: CatState, rules: CatRules, random: () => number): CatItem | null {
  const given = new Set(state.administered.map((entry) => entry.itemId));
  const open = pool.filter((item) => !given.has(item.itemId));
  if (open.length === 0) return null;
  const lagging = mostBehindSkill(rules.skills, state, open);
  const balanced = lagging ? open.filter((item) => item.skills.includes(lagging)) : open;
  const ranked = [...balanced].sort((x, y) => information(y, state.theta) - information(x, state.theta) || x.uses - y.uses);
  // Only items nearly as informative as the best take part in the draw: in a small pool the third best can be
  // far off the student's level, and a test that picks it learns little.
  const floor = NEAR_BEST * information(ranked[0] ?? { a: 0, b: 0 }, state.theta);
  const top = ranked.slice(0, Math.max(1, rules.randomesque)).filter((item, rank) => rank === 0 || information(item, state.theta) >= floor);
  return top[Math.floor(random() * top.length)] ?? null;
}

/** The skill with the fewest items given so far among those that still have items. */
function mostBehindSkill(skills: readonly string[], state: CatState, open: readonly CatItem[]): string | null {
  const available = skills.filter((skill) => open.some((item) => item.skills.includes(skill)));
  if (available.length === 0) return null;
  const given = (skill: string) => state.administered.filter((entry) => entry.skills.includes(skill)).length;
  return available.reduce((best, skill) => (given(skill) < given(best) ? skill : best));
}
