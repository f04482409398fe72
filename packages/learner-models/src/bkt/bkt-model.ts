import type { ResponseLog } from '../core/response-log.js';
import type { ItemRef, KnowledgeTracer } from '../core/tracer.js';
import { fitBktSkill, type BktEmOptions, type BktSequences } from './bkt-em.js';
import { predictCorrect, updateMastery } from './bkt-filter.js';
import type { BktParams } from './bkt-params.js';

/** Fitted BKT: parameters per skill index, and the pooled fit for skills with too little data. */
export interface BktModel {
  readonly bySkill: readonly BktParams[];
  readonly fallback: BktParams;
}

export interface BktFitOptions extends BktEmOptions {
  /** Skills with fewer answers than this use the pooled parameters. */
  minObservations?: number;
}

/** Fits BKT per skill by EM; also a pooled fit over all skills' sequences as the fallback. */
export function fitBktModel(log: ResponseLog, options: BktFitOptions = {}): BktModel {
  const minObservations = options.minObservations ?? 30;
  const bySkillSequences = sequencesBySkill(log);
  const fallback = fitBktSkill(concatenate(bySkillSequences), options).params;
  const bySkill = bySkillSequences.map((sequences, skill) =>
    sequences.correct.length >= minObservations ? fitBktSkill(sequences, { ...options, seed: (options.seed ?? 1) + skill }).params : fallback,
  );
  return { bySkill, fallback };
}

/** The parameters BKT uses for a skill index (the fallback for skills it never saw). */
export function bktParamsFor(model: BktModel, skill: number): BktParams {
  return model.bySkill[skill] ?? model.fallback;
}

/** Online BKT: the student's state is P(known) per skill. */
export function bktTracer(model: BktModel): KnowledgeTracer<Map<number, number>> {
  return {
    name: 'bkt',
    newState: () => new Map<number, number>(),
    predict(state, item: ItemRef) {
      const params = bktParamsFor(model, item.skill);
      return predictCorrect(params, state.get(item.skill) ?? params.prior);
    },
    update(state, item: ItemRef, correct) {
      const params = bktParamsFor(model, item.skill);
      state.set(item.skill, updateMastery(params, state.get(item.skill) ?? params.prior, correct));
    },
  };
}

/** Each skill's answers, one sequence per user, in the log's order. */
export function sequencesBySkill(log: ResponseLog): BktSequences[] {
  const perSkill = new Int32Array(log.numSkills);
  for (let row = 0; row < log.length; row++) {
    const skill = log.skill[row]!;
    if (skill < log.numSkills) perSkill[skill]! += 1;
  }
  const correct = Array.from(perSkill, (count) => new Uint8Array(count));
  const starts: number[][] = Array.from(perSkill, () => []);
  const filled = new Int32Array(log.numSkills);
  const lastUser = new Int32Array(log.numSkills).fill(-1);
  for (let row = 0; row < log.length; row++) {
    const skill = log.skill[row]!;
    if (skill >= log.numSkills) continue;
    const position = filled[skill]!;
    if (lastUser[skill] !== log.user[row]) {
      starts[skill]!.push(position);
      lastUser[skill] = log.user[row]!;
    }
    correct[skill]![position] = log.correct[row]!;
    filled[skill] = position + 1;
  }
  return correct.map((answers, skill) => ({ correct: answers, starts: Int32Array.from([...starts[skill]!, answers.length]) }));
}

function concatenate(parts: BktSequences[]): BktSequences {
  const total = parts.reduce((sum, part) => sum + part.correct.length, 0);
  const correct = new Uint8Array(total);
  const starts: number[] = [];
  let offset = 0;
  for (const part of parts) {
    correct.set(part.correct, offset);
    for (let k = 0; k + 1 < part.starts.length; k++) starts.push(offset + part.starts[k]!);
    offset += part.correct.length;
  }
  starts.push(total);
  return { correct, starts: Int32Array.from(starts) };
}
