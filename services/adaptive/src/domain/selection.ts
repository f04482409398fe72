import type { SkillGraph } from './skill-graph.js';

/** How a course tunes selection (each course may change them). */
export interface SelectionSettings {
  /** Items whose predicted success lies in [low, high] are preferred: hard enough to learn from, not hopeless. */
  targetLow: number;
  targetHigh: number;
  /** P(known) at or above which a skill counts as mastered and is skipped (unless its review is due). */
  masteryThreshold: number;
  /** The largest share of a pool's uses one item may take while others are available (exposure control). */
  maxExposure: number;
}

export const DEFAULT_SELECTION: SelectionSettings = { targetLow: 0.6, targetHigh: 0.85, masteryThreshold: 0.95, maxExposure: 0.25 };

/** A candidate item; the model's prediction for this student comes from `SelectionRequest.predict`. */
export interface Candidate {
  itemId: string;
  skills: readonly string[];
  /** Times used for practice by anyone, and whether exams use it (exam items are kept for exams when possible). */
  uses: number;
  examItem: boolean;
  /** Learning gain observed after it so far: the bandit's evidence. */
  gainSum: number;
  gainCount: number;
}

export interface LearnerView {
  /** P(known) per skill; a skill never practised is absent. */
  mastery: ReadonlyMap<string, number>;
  /** Skills whose review is due now, most overdue first. */
  dueReviews: readonly string[];
  /** Items answered recently, newest first: not offered again while others remain. */
  recentItems: readonly string[];
  /** Answers since the last review, so reviews are interleaved with new learning rather than blocking it. */
  answersSinceReview: number;
  /** P(known) before any practice, per skill (the BKT prior), for skills never practised. */
  priorOf(skillId: string): number;
}

export type ReasonCode = 'review_due' | 'prerequisite' | 'close_to_mastery' | 'new_skill' | 'practice' | 'explore';

export interface Selection {
  itemId: string;
  skillId: string;
  reason: ReasonCode;
  /** For `prerequisite`: the skill it unlocks. */
  forSkillId: string | null;
  pCorrect: number;
}

export interface SelectionRequest {
  /** The goal: the course's skills or the skills a student chose. Their prerequisites join the scope. */
  goalSkills: readonly string[];
  graph: SkillGraph;
  learner: LearnerView;
  /** The practice items of a skill (built once per tenant, not per request: pools hold thousands of items). */
  candidatesOf(skillId: string): readonly Candidate[];
  /** P(correct) of the student on a candidate; asked only for the items of the chosen skill. */
  predict(candidate: Candidate): number;
  settings: SelectionSettings;
  /** A uniform random number in [0, 1): injected so tests are deterministic. */
  random: () => number;
}

const CLOSE_TO_MASTERY = 0.15;
const RECENT_WINDOW = 10;

/**
 * Picks the next item: a due review every other answer, else a skill to learn (prerequisites before the
 * skills that need them, mastered skills skipped), then among that skill's items the ones predicted in the
 * target band, with Thompson sampling on observed learning gain so new items get tried and calibrated, and
 * exposure control. Null when every skill in scope is mastered and nothing is due.
 */
export function selectNext(request: SelectionRequest): Selection | null {
  const { graph, learner, settings } = request;
  const scope = graph.topologicalOrder([...graph.closure(request.goalSkills)]);
  const mastered = (skill: string) => pKnown(learner, skill) >= settings.masteryThreshold;
  const hasItems = (skill: string) => request.candidatesOf(skill).length > 0;

  const review = learner.dueReviews.find((skill) => scope.includes(skill) && hasItems(skill));
  const learnable = learningOrder(scope, graph, mastered).filter((entry) => hasItems(entry.skillId));
  const reviewFirst = review !== undefined && (learner.answersSinceReview >= 1 || learnable.length === 0);
  if (review !== undefined && reviewFirst) return pick(request, request.candidatesOf(review), review, 'review_due', null);
  const target = learnable[0];
  if (target) return pick(request, request.candidatesOf(target.skillId), target.skillId, reasonFor(target, learner, settings), target.forSkillId);
  if (review !== undefined) return pick(request, request.candidatesOf(review), review, 'review_due', null);
  return null;
}

interface LearningEntry {
  skillId: string;
  /** The unmastered skill this one is a prerequisite of, if any. */
  forSkillId: string | null;
  /** Whether all its prerequisites are mastered. */
  ready: boolean;
}

/**
 * Unmastered skills in learning order: ready ones (prerequisites mastered) first, in topological order; a
 * skill whose prerequisites are unmet only when no ready skill has items (the "unless none else" rule).
 */
function learningOrder(scope: readonly string[], graph: SkillGraph, mastered: (skill: string) => boolean): LearningEntry[] {
  const open = scope.filter((skill) => !mastered(skill));
  const entries = open.map((skillId) => ({
    skillId,
    ready: graph.prerequisitesOf(skillId).every((required) => !scope.includes(required) || mastered(required)),
    forSkillId: graph.dependentsOf(skillId).find((dependent) => open.includes(dependent)) ?? null,
  }));
  return [...entries.filter((entry) => entry.ready), ...entries.filter((entry) => !entry.ready)];
}

function reasonFor(entry: LearningEntry, learner: LearnerView, settings: SelectionSettings): ReasonCode {
  if (entry.forSkillId !== null) return 'prerequisite';
  if (!learner.mastery.has(entry.skillId)) return 'new_skill';
  return pKnown(learner, entry.skillId) >= settings.masteryThreshold - CLOSE_TO_MASTERY ? 'close_to_mastery' : 'practice';
}

type Scored = Candidate & { pCorrect: number };

function pick(request: SelectionRequest, pool: readonly Candidate[], skillId: string, reason: ReasonCode, forSkillId: string | null): Selection {
  const fresh = withoutRecent(pool, request.learner.recentItems);
  const allowed = withinExposure(fresh, request.settings.maxExposure).map((c): Scored => ({ ...c, pCorrect: request.predict(c) }));
  const inBand = allowed.filter((c) => c.pCorrect >= request.settings.targetLow && c.pCorrect <= request.settings.targetHigh);
  const choices = inBand.length > 0 ? inBand : nearestToBand(allowed, request.settings);
  const chosen = thompson(choices, request.random);
  const explored = inBand.length > 1 && chosen.gainCount === 0 && reason === 'practice';
  return { itemId: chosen.itemId, skillId, reason: explored ? 'explore' : reason, forSkillId, pCorrect: chosen.pCorrect };
}

/** Candidates grouped by each of their skills: what `candidatesOf` looks up. */
export function candidatesBySkill(candidates: Iterable<Candidate>): Map<string, Candidate[]> {
  const bySkill = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    for (const skill of candidate.skills) {
      const list = bySkill.get(skill);
      if (list) list.push(candidate);
      else bySkill.set(skill, [candidate]);
    }
  }
  return bySkill;
}

/** Items not answered in the last few answers; all of them when every item was. */
function withoutRecent(pool: readonly Candidate[], recent: readonly string[]): readonly Candidate[] {
  const recentSet = new Set(recent.slice(0, RECENT_WINDOW));
  const fresh = pool.filter((c) => !recentSet.has(c.itemId));
  if (fresh.length > 0) return fresh;
  // Everything was seen lately: the least recently seen first.
  const order = new Map(recent.map((id, index) => [id, index]));
  const oldest = Math.max(...pool.map((c) => order.get(c.itemId) ?? Infinity));
  return pool.filter((c) => (order.get(c.itemId) ?? Infinity) === oldest);
}

/**
 * Exposure control: drops items that took more than `maxExposure` of the pool's uses, and keeps exam items out
 * of practice while practice items exist, so an exam's items are not known by heart before the exam.
 */
function withinExposure(pool: readonly Candidate[], maxExposure: number): readonly Candidate[] {
  const practiceOnly = pool.filter((c) => !c.examItem);
  const base = practiceOnly.length > 0 ? practiceOnly : pool;
  const total = base.reduce((sum, c) => sum + c.uses, 0);
  if (base.length < 2 || total < 20) return base;
  const capped = base.filter((c) => c.uses / total <= maxExposure);
  return capped.length > 0 ? capped : base;
}

function nearestToBand(pool: readonly Scored[], settings: SelectionSettings): readonly Scored[] {
  const distance = (c: Scored) => (c.pCorrect < settings.targetLow ? settings.targetLow - c.pCorrect : Math.max(0, c.pCorrect - settings.targetHigh));
  const best = Math.min(...pool.map(distance));
  return pool.filter((c) => distance(c) <= best + 0.02);
}

/** Prior belief about an item's learning gain (P(known) points per use) before any evidence. */
const GAIN_PRIOR = { mean: 0.05, sd: 0.05, weight: 2 };

/**
 * Thompson sampling: draws a plausible mean gain for each item from its posterior (a normal approximation
 * whose spread shrinks with evidence) and takes the best draw. Items with little evidence draw widely, so
 * they get tried; items that taught well keep winning.
 */
function thompson(pool: readonly Scored[], random: () => number): Scored {
  let best = pool[0]!;
  let bestDraw = -Infinity;
  for (const candidate of pool) {
    const n = candidate.gainCount + GAIN_PRIOR.weight;
    const mean = (candidate.gainSum + GAIN_PRIOR.mean * GAIN_PRIOR.weight) / n;
    const draw = mean + (GAIN_PRIOR.sd / Math.sqrt(n)) * gaussian(random);
    if (draw > bestDraw) {
      best = candidate;
      bestDraw = draw;
    }
  }
  return best;
}

/** Box–Muller from two uniforms. */
function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function pKnown(learner: LearnerView, skill: string): number {
  return learner.mastery.get(skill) ?? learner.priorOf(skill);
}
