import { bktParamsFor, fitBktModel, type BktModel } from '../bkt/bkt-model.js';
import { updateMastery } from '../bkt/bkt-filter.js';
import type { ResponseLog } from '../core/response-log.js';
import type { ItemRef, KnowledgeTracer } from '../core/tracer.js';
import { AbilityPosterior } from '../irt/irt-ability.js';
import { calibrateIrt, irtItemFor, type IrtModel } from '../irt/irt-calibrate.js';
import { fitStackedWeights, scoreStacked, stackedFeatures, type StackedWeights } from './stacked-features.js';

/** A fitted stack: BKT per skill, 2PL items, and the weights combining them with the PFA counts. */
export interface StackedModel {
  readonly bkt: BktModel;
  readonly irt: IrtModel;
  readonly weights: StackedWeights;
}

/** What the stack knows of a student: P(known) and counts per skill, and the ability as a Gaussian. */
export class StackedState {
  readonly skills = new Map<number, { pKnown: number; attempts: number; successes: number }>();
  ability = { theta: 0, se: 1 };
}

/** Every fifth student trains the weights; the others the models the weights combine. */
const WEIGHT_FOLD = 5;

/**
 * Fits the weights on students the base models did not see: item difficulties fitted on the same students
 * would make the IRT term look more certain than it is for a new student, and the weights would carry that
 * overconfidence into every prediction. The base models are then refitted on everyone.
 */
export function fitStackedModel(log: ResponseLog): StackedModel {
  const weightRows = (row: number) => log.user[row]! % WEIGHT_FOLD === 0;
  const base = subset(log, (row) => !weightRows(row));
  const held = subset(log, weightRows);
  const tracer = replayer(fitBktModel(base), calibrateIrt(base));
  const rows: Array<{ values: number[]; correct: boolean }> = [];
  let state = new StackedState();
  for (let row = 0; row < held.length; row++) {
    if (row === 0 || held.user[row] !== held.user[row - 1]) state = new StackedState();
    const item: ItemRef = { item: held.item[row]!, skill: held.skill[row]! };
    rows.push({ values: tracer.features(state, item), correct: held.correct[row] === 1 });
    tracer.update(state, item, held.correct[row] === 1);
  }
  return { bkt: fitBktModel(log), irt: calibrateIrt(log), weights: fitStackedWeights(rows) };
}

/** The rows of `log` that `keep` accepts, with the log's index spaces unchanged. */
function subset(log: ResponseLog, keep: (row: number) => boolean): ResponseLog {
  const rows: number[] = [];
  for (let row = 0; row < log.length; row++) if (keep(row)) rows.push(row);
  const pick = <T extends Int32Array | Uint8Array | Float64Array>(column: T): T => {
    const out = new (column.constructor as new (n: number) => T)(rows.length);
    rows.forEach((row, k) => { out[k] = column[row]!; });
    return out;
  };
  return { ...log, length: rows.length, user: pick(log.user), item: pick(log.item), skill: pick(log.skill), correct: pick(log.correct), time: log.time ? pick(log.time) : null };
}

export function stackedTracer(model: StackedModel): KnowledgeTracer<StackedState> {
  const replay = replayer(model.bkt, model.irt);
  return {
    name: 'stacked',
    newState: () => new StackedState(),
    predict: (state, item) => scoreStacked(model.weights, replay.features(state, item)),
    update: replay.update,
  };
}

/** Features before an answer and the state update after it, exactly as the adaptive service applies them. */
function replayer(bkt: BktModel, irt: IrtModel) {
  const itemOf = (item: ItemRef) => irtItemFor(irt, item.item, item.skill);
  return {
    features(state: StackedState, item: ItemRef): number[] {
      const params = bktParamsFor(bkt, item.skill);
      const known = state.skills.get(item.skill);
      return stackedFeatures({
        skills: [{ skillId: String(item.skill), pKnown: known?.pKnown ?? params.prior, attempts: known?.attempts ?? 0, successes: known?.successes ?? 0, params }],
        ability: state.ability,
        item: itemOf(item),
      }).values;
    },
    update(state: StackedState, item: ItemRef, correct: boolean): void {
      const params = bktParamsFor(bkt, item.skill);
      const known = state.skills.get(item.skill);
      state.skills.set(item.skill, {
        pKnown: updateMastery(params, known?.pKnown ?? params.prior, correct),
        attempts: (known?.attempts ?? 0) + 1,
        successes: (known?.successes ?? 0) + (correct ? 1 : 0),
      });
      const posterior = new AbilityPosterior({ mean: state.ability.theta, sd: Math.max(state.ability.se, 0.05) });
      posterior.observe(itemOf(item), correct);
      state.ability = posterior.estimate();
    },
  };
}
