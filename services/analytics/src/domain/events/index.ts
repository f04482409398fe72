// Learning events in: the pure part of `POST /api/v1/events` (schemas, validation, normalisation).
export type { Actor } from './actor.js';
export { LEARNING_EVENT_TYPES, LearningEvent, type LearningEventType } from './learning-event.js';
export { BATCH_ERRORS, normaliseBatch, type AcceptedEvent, type NormalisedBatch, type NormaliseOptions, type RejectedItem } from './normalise-batch.js';
export type { ItemProblem } from './problems.js';
export { XapiStatement } from './xapi-statement.js';
