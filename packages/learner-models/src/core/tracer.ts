/** What a model is asked about: an item, its skill, and (when known) the time of the attempt in seconds. */
export interface ItemRef {
  readonly item: number;
  readonly skill: number;
  readonly time?: number;
}

/**
 * A fitted knowledge-tracing model used online: `predict` before a student answers, `update` after.
 * A prediction uses only what earlier updates put in the student's state (plus the fitted parameters).
 */
export interface KnowledgeTracer<State = unknown> {
  readonly name: string;
  newState(): State;
  predict(state: State, item: ItemRef): number;
  update(state: State, item: ItemRef, correct: boolean): void;
}
