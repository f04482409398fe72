import type { ItemRef } from '../core/tracer.js';
import { PATTERN_LENGTH, TIME_HALF_LIVES, type StudentHistory, type Tally } from './student-history.js';

/** Sizes the index-valued features need: items and skills the model was fitted on. */
export interface FeatureContext {
  readonly numItems: number;
  readonly numSkills: number;
}

/** Receives one block's features as (column within the block, value); zeros may be skipped. */
export interface FeatureSink {
  add(column: number, value: number): void;
}

/** A group of columns computed from the student's history and the item asked about. */
export interface FeatureBlock {
  /** What the block stands for, in words (used in explanations). */
  readonly label: string;
  readonly size: number;
  emit(history: StudentHistory, item: ItemRef, sink: FeatureSink): void;
}

/** Answer patterns of length 1..PATTERN_LENGTH, each its own column. */
const PATTERN_STATES = (1 << (PATTERN_LENGTH + 1)) - 2;

const blockFactories = {
  bias: () => ({ label: 'baseline', size: 1, emit: (_history, _item, sink) => sink.add(0, 1) }),
  item: (context) => ({
    label: 'difficulty of this item',
    size: context.numItems,
    emit: (_history, item, sink) => {
      if (item.item < context.numItems) sink.add(item.item, 1);
    },
  }),
  skill: (context) => ({
    label: 'difficulty of this skill',
    size: context.numSkills,
    emit: (_history, item, sink) => {
      if (item.skill < context.numSkills) sink.add(item.skill, 1);
    },
  }),
  /** log(1 + attempts) and log(1 + wins) on the skill, weighted per skill (Best-LR's "sc"). */
  skillCounts: (context) => ({
    label: 'practice on this skill',
    size: 2 * context.numSkills,
    emit: (history, item, sink) => {
      const tally = history.skill(item.skill);
      if (!tally || item.skill >= context.numSkills) return;
      sink.add(item.skill, Math.log1p(tally.attempts));
      sink.add(context.numSkills + item.skill, Math.log1p(tally.wins));
    },
  }),
  /** log(1 + wins) and log(1 + fails) on the skill, weighted per skill (PFA's γ and ρ). */
  pfaCounts: (context) => ({
    label: 'successes and failures on this skill',
    size: 2 * context.numSkills,
    emit: (history, item, sink) => {
      const tally = history.skill(item.skill);
      if (!tally || item.skill >= context.numSkills) return;
      sink.add(item.skill, Math.log1p(tally.wins));
      sink.add(context.numSkills + item.skill, Math.log1p(tally.attempts - tally.wins));
    },
  }),
  itemCounts: () => ({
    label: 'earlier tries at this item',
    size: 2,
    emit: (history, item, sink) => emitCounts(history.item(item.item), sink),
  }),
  totalCounts: () => ({
    label: 'practice overall',
    size: 2,
    emit: (history, _item, sink) => emitCounts(history.overall, sink),
  }),
  /** One column per pattern of the latest answers, on this skill and overall. */
  pattern: () => ({
    label: 'latest answers',
    size: 2 * PATTERN_STATES,
    emit: (history, item, sink) => {
      const skill = history.skill(item.skill);
      if (skill) sink.add(patternColumn(skill), 1);
      if (history.overall.attempts > 0) sink.add(PATTERN_STATES + patternColumn(history.overall), 1);
    },
  }),
  /** The online ability estimates (steady and drifting), over all answers and on this skill. */
  ability: () => ({
    label: 'estimated ability',
    size: 4,
    emit: (history, item, sink) => {
      const skill = history.skill(item.skill);
      sink.add(0, history.overall.ability.mean);
      sink.add(1, history.overall.driftingAbility.mean);
      if (!skill) return;
      sink.add(2, skill.ability.mean);
      sink.add(3, skill.driftingAbility.mean);
    },
  }),
  /** log(1 + time-decayed attempts and wins) on the skill; silent when answers carry no time. */
  timeDecayed: () => ({
    label: 'recent practice on this skill',
    size: 2 * TIME_HALF_LIVES.length,
    emit: (history, item, sink) => {
      const tally = history.skill(item.skill);
      if (!tally || item.time === undefined) return;
      for (let k = 0; k < TIME_HALF_LIVES.length; k++) {
        sink.add(2 * k, Math.log1p(tally.timed(tally.timedAttempts, k, item.time)));
        sink.add(2 * k + 1, Math.log1p(tally.timed(tally.timedWins, k, item.time)));
      }
    },
  }),
} satisfies Record<string, (context: FeatureContext) => FeatureBlock>;

/** The feature blocks a logistic model can be made of. */
export type FeatureName = keyof typeof blockFactories;

/** Builds the named blocks for a fitted vocabulary. */
export function createBlocks(names: readonly FeatureName[], context: FeatureContext): FeatureBlock[] {
  return names.map((name) => blockFactories[name](context));
}

function emitCounts(tally: { attempts: number; wins: number } | undefined, sink: FeatureSink): void {
  if (!tally) return;
  sink.add(0, Math.log1p(tally.attempts));
  sink.add(1, Math.log1p(tally.wins));
}

/** Patterns of length n occupy columns 2^n − 2 … 2^(n+1) − 3. */
function patternColumn(tally: Tally): number {
  const length = Math.min(tally.attempts, PATTERN_LENGTH);
  return (1 << length) - 2 + (tally.pattern & ((1 << length) - 1));
}
