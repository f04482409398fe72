import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ItemResponse } from '../grading/responses.js';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const SlotId = Type.String({ pattern: '^[a-z][0-9]{1,3}(\\.[0-9]{1,3})?$', description: 'A position of the exam: f3 (fixed item of section 3), d2.1 (second draw of section 2)' });

export const AttemptStatus = Type.Union([Type.Literal('in_progress'), Type.Literal('submitted'), Type.Literal('graded')]);
export type AttemptStatus = Static<typeof AttemptStatus>;

/** A slot of an attempt as the student sees it: the item's delivery view (no answers), options in the attempt's order. */
export const AttemptSlot = Type.Object({
  slot: SlotId,
  points: Type.Number(),
  item: Type.Unsafe<Record<string, unknown>>(Type.Object({ id: Uuid, type: Type.String(), version: Type.Integer() }, { additionalProperties: true })),
  answer: Nullable(Type.Object({ seq: Type.Integer(), response: Nullable(ItemResponse), savedAt: DateTime })),
});

/** Where an adaptive attempt stands (the ability estimate stays hidden until the result). */
export const AdaptiveProgress = Type.Object({
  answered: Type.Integer({ minimum: 0 }),
  maxItems: Type.Integer({ minimum: 1 }),
  finished: Type.Boolean({ description: 'no more items: submit the attempt' }),
  stopReason: Nullable(Type.Union([Type.Literal('target_se'), Type.Literal('max_items'), Type.Literal('pool_exhausted')])),
});
export type AdaptiveProgress = Static<typeof AdaptiveProgress>;

export const Attempt = Type.Object({
  id: Uuid,
  examId: Uuid,
  examVersion: Type.Integer(),
  userId: Uuid,
  number: Type.Integer({ minimum: 1 }),
  status: AttemptStatus,
  startedAt: DateTime,
  deadlineAt: Nullable(DateTime),
  serverTime: DateTime,
  submittedAt: Nullable(DateTime),
  submissionId: Nullable(Uuid),
  slots: Type.Array(AttemptSlot),
  adaptive: Type.Optional(Nullable(AdaptiveProgress)),
});
export type Attempt = Static<typeof Attempt>;

/** Body of `POST /attempts/{attemptId}/adaptive-answers`: the answer to the current item of an adaptive attempt. */
export const AdaptiveAnswerInput = Type.Object({
  slot: SlotId,
  response: Nullable(ItemResponse),
});
export type AdaptiveAnswerInput = Static<typeof AdaptiveAnswerInput>;

/** One answer of an autosave or a submit: last write wins per slot by `seq` (the client's counter, rising over the attempt). */
export const AnswerInput = Type.Object({
  slot: SlotId,
  seq: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  response: Nullable(ItemResponse),
});
export type AnswerInput = Static<typeof AnswerInput>;

/** Body of `POST /attempts/{attemptId}/answers`. */
export const AutosaveInput = Type.Object({
  answers: Type.Array(AnswerInput, { minItems: 1, maxItems: 200 }),
});

/** Body of `POST /attempts/{attemptId}/submit`: the final answers (optional: saved answers are used otherwise). */
export const SubmitInput = Type.Object({
  answers: Type.Optional(Type.Array(AnswerInput, { maxItems: 200 })),
  lastSeq: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'the highest seq of the autosaves sent before: grading waits (briefly) until they are applied' })),
});
export type SubmitInput = Static<typeof SubmitInput>;

/** 202 answer of autosave and submit. */
export const Accepted = Type.Object({
  status: Type.Literal('accepted'),
  attemptId: Uuid,
  acceptedAt: DateTime,
  submissionId: Type.Optional(Uuid),
  statusUrl: Type.Optional(Type.String()),
});

/** Per-slot outcome in a result. */
export const SlotOutcome = Type.Object({
  slot: Type.String(),
  itemId: Uuid,
  itemVersion: Type.Integer(),
  status: Type.Union([Type.Literal('graded'), Type.Literal('needs_manual'), Type.Literal('awaiting_code_grader')]),
  score: Nullable(Type.Number()),
  maxScore: Type.Number(),
  correct: Nullable(Type.Boolean()),
  selected: Type.Array(Type.String()),
  feedback: Type.Optional(Type.Array(Type.String())),
});
export type SlotOutcome = Static<typeof SlotOutcome>;

export const SubmissionStatus = Type.Union([
  Type.Literal('accepted', { description: 'queued for grading' }),
  Type.Literal('graded'), Type.Literal('pending_manual'), Type.Literal('awaiting_code_grader'),
]);

/** A submission and (when released) its result. */
export const Submission = Type.Object({
  id: Uuid,
  attemptId: Uuid,
  examId: Uuid,
  userId: Uuid,
  status: SubmissionStatus,
  submittedAt: Nullable(DateTime),
  late: Type.Boolean(),
  auto: Type.Boolean(),
  released: Type.Boolean({ description: 'whether the score is shown (the exam\'s results release policy)' }),
  score: Nullable(Type.Number()),
  maxScore: Nullable(Type.Number()),
  percent: Nullable(Type.Number()),
  penalty: Nullable(Type.Number()),
  passed: Nullable(Type.Boolean()),
  gradedAt: Nullable(DateTime),
  items: Nullable(Type.Array(SlotOutcome, { description: 'per item, once feedback is released' })),
  ability: Type.Optional(Nullable(Type.Object({
    theta: Type.Number({ description: 'ability on the IRT scale (0: an average student of the calibration)' }),
    standardError: Type.Number(),
  }, { description: 'adaptive exams: the ability estimate the score comes from, once the score is released' }))),
});
export type Submission = Static<typeof Submission>;
