import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

const RubricCriterion = Type.Object({ criterion: Type.String(), points: Type.Number() });

/** An essay waiting in an exam's grading queue, with what its grader needs. */
export const QueuedEssay = Type.Object({
  submissionId: Uuid,
  attemptId: Uuid,
  userId: Uuid,
  slot: Type.String(),
  submittedAt: DateTime,
  maxScore: Type.Number({ description: 'the slot\'s points' }),
  item: Type.Object({
    id: Uuid,
    version: Type.Integer(),
    title: Nullable(Type.String()),
    stem: Nullable(Type.String()),
    rubric: Type.Array(RubricCriterion, { description: 'score criteria by their index here; an item without rubric points has one "Overall" criterion worth the slot\'s points' }),
    expectedWords: Nullable(Type.Integer()),
  }),
  answer: Nullable(Type.String({ description: 'the essay\'s text as handed in (null: left blank)' })),
});
export type QueuedEssay = Static<typeof QueuedEssay>;

/** Body of `PUT /submissions/{submissionId}/grades/{slot}`. */
export const GradeInput = Type.Object({
  rubric: Type.Array(Type.Object({
    criterion: Type.Integer({ minimum: 0, maximum: 99, description: 'index of the criterion in the item\'s rubric' }),
    points: Type.Number({ minimum: 0, maximum: 1_000 }),
  }), { minItems: 1, maxItems: 100, description: 'every criterion of the rubric, once' }),
  comment: Type.Optional(Type.String({ maxLength: 10_000 })),
});
export type GradeInput = Static<typeof GradeInput>;

/** A person's grade of an essay, and where its submission stands afterwards. */
export const EssayGrade = Type.Object({
  submissionId: Uuid,
  slot: Type.String(),
  score: Type.Number(),
  maxScore: Type.Number(),
  rubric: Type.Array(Type.Object({ criterion: Type.Integer(), points: Type.Number() })),
  comment: Nullable(Type.String()),
  gradedBy: Nullable(Uuid),
  gradedAt: DateTime,
  submission: Type.Object({
    status: Type.Union([Type.Literal('graded'), Type.Literal('pending_manual'), Type.Literal('awaiting_code_grader')]),
    score: Type.Number(),
    maxScore: Type.Number(),
    penalty: Type.Number(),
    passed: Nullable(Type.Boolean()),
    gradingRound: Type.Integer(),
  }),
});
export type EssayGrade = Static<typeof EssayGrade>;
