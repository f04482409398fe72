import type { ItemRef, KnowledgeTracer } from '../core/tracer.js';
import { AbilityPosterior } from './irt-ability.js';
import { irtItemFor, type IrtModel } from './irt-calibrate.js';

/** Online 2PL: the student's state is their ability posterior, updated after each answer. */
export function irtTracer(model: IrtModel): KnowledgeTracer<AbilityPosterior> {
  return {
    name: 'irt',
    newState: () => new AbilityPosterior(),
    predict: (state, item: ItemRef) => state.predict(irtItemFor(model, item.item, item.skill)),
    update: (state, item: ItemRef, correct) => state.observe(irtItemFor(model, item.item, item.skill), correct),
  };
}
