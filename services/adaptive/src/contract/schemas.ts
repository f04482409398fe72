import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Instant = Type.String({ format: 'date-time' });
const Probability = Type.Number({ minimum: 0, maximum: 1 });

export const SkillRef = Type.Object({ id: Uuid, name: Type.String() });

export const ReasonCode = Type.Union([
  Type.Literal('review_due'), Type.Literal('prerequisite'), Type.Literal('close_to_mastery'), Type.Literal('new_skill'),
  Type.Literal('practice'), Type.Literal('explore'),
]);

/** Query of `GET /adaptive/next` and `GET /adaptive/paths`: a course, or goal skills (comma-separated ids). */
export const GoalQuery = Type.Object({
  courseId: Type.Optional(Uuid),
  skills: Type.Optional(Type.String({ maxLength: 2_000, pattern: '^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36}){0,49}$', description: 'goal skill ids, comma-separated (at most 50)' })),
});
export type GoalQuery = Static<typeof GoalQuery>;

/** The next practice item, why it was chosen and how likely the student is to get it right. */
export const NextItem = Type.Object({
  item: Nullable(Type.Record(Type.String(), Type.Unknown(), { description: 'the item as a student sees it (no answers), hints included; null when nothing is left to practise' })),
  skill: Nullable(SkillRef),
  reason: Nullable(Type.Object({
    code: ReasonCode,
    text: Type.String({ description: 'the reason in words, e.g. "Review due: Fractions"' }),
    forSkill: Nullable(SkillRef),
  })),
  predictedSuccess: Nullable(Probability),
  mastery: Nullable(Probability),
  dueReviews: Type.Integer({ description: 'skills of the goal whose review is due now' }),
  message: Nullable(Type.String({ description: 'why there is no item, when there is none' })),
});
export type NextItem = Static<typeof NextItem>;

export const PracticeAnswerBody = Type.Object({
  itemId: Uuid,
  courseId: Type.Optional(Uuid),
  response: Type.Unknown({ description: 'the response, in the shape of the item type (as in exams); null: skipped' }),
});
export type PracticeAnswerBody = Static<typeof PracticeAnswerBody>;

export const MasteryChange = Type.Object({
  skill: SkillRef,
  before: Probability,
  after: Probability,
  mastered: Type.Boolean(),
});

export const PracticeResult = Type.Object({
  responseId: Uuid,
  itemId: Uuid,
  correct: Type.Boolean(),
  score: Type.Number(),
  maxScore: Type.Number(),
  feedback: Type.Unknown({ description: 'what to show after answering: right or wrong, the explanation, per-choice feedback' }),
  mastery: Type.Array(MasteryChange),
  reviews: Type.Array(Type.Object({ skill: SkillRef, dueAt: Instant })),
});
export type PracticeResult = Static<typeof PracticeResult>;

export const SkillMastery = Type.Object({
  skill: SkillRef,
  pKnown: Probability,
  mastered: Type.Boolean(),
  attempts: Type.Integer(),
  successes: Type.Integer(),
  reviewDueAt: Nullable(Instant),
});

export const MasteryQuery = Type.Object({ courseId: Type.Optional(Uuid) });

export const LearnerMastery = Type.Object({
  userId: Uuid,
  masteryThreshold: Probability,
  skills: Type.Array(SkillMastery),
  ability: Type.Object({ theta: Type.Number(), se: Type.Number(), responses: Type.Integer() }),
});
export type LearnerMastery = Static<typeof LearnerMastery>;

export const DueReview = Type.Object({ skill: SkillRef, dueAt: Instant, scheduler: Type.Union([Type.Literal('fsrs'), Type.Literal('sm2')]) });
export const DueReviews = Type.Object({ items: Type.Array(DueReview) });
export type DueReviews = Static<typeof DueReviews>;

export const LearnerSettings = Type.Object({
  scheduler: Type.Union([Type.Literal('fsrs'), Type.Literal('sm2')], { description: 'how spaced reviews are planned' }),
});
export type LearnerSettings = Static<typeof LearnerSettings>;

export const PathStep = Type.Object({
  skill: SkillRef,
  status: Type.Union([Type.Literal('mastered'), Type.Literal('ready'), Type.Literal('locked')]),
  pKnown: Probability,
  itemsRemaining: Type.Integer(),
  lessons: Type.Array(Type.Object({ lessonId: Uuid, title: Type.String() })),
});
export const LearningPath = Type.Object({
  courseId: Nullable(Uuid),
  steps: Type.Array(PathStep),
  itemsRemaining: Type.Integer({ description: 'expected practice items until every step is mastered' }),
});
export type LearningPath = Static<typeof LearningPath>;

export const Recommendation = Type.Object({
  courseId: Uuid,
  courseTitle: Type.String(),
  skill: Nullable(SkillRef),
  reason: Nullable(Type.String()),
  reasonCode: Nullable(ReasonCode),
  forSkill: Nullable(SkillRef),
  predictedSuccess: Nullable(Probability),
});
export const Recommendations = Type.Object({
  items: Type.Array(Recommendation),
  dueReviews: Type.Array(DueReview),
});
export type Recommendations = Static<typeof Recommendations>;

export const PredictionQuery = Type.Object({ itemId: Uuid, userId: Type.Optional(Uuid) });
export const Prediction = Type.Object({
  userId: Uuid,
  itemId: Uuid,
  pCorrect: Probability,
  skill: Nullable(SkillRef),
  contributions: Type.Array(Type.Object({
    feature: Type.String(),
    label: Type.String({ description: 'the feature in words' }),
    value: Type.Number(),
    weight: Type.Number(),
    contribution: Type.Number({ description: 'weight × value, on the log-odds scale' }),
  })),
});
export type Prediction = Static<typeof Prediction>;

export const CourseParams = Type.Object({ courseId: Uuid });

export const ClassMastery = Type.Object({
  courseId: Uuid,
  masteryThreshold: Probability,
  skills: Type.Array(SkillRef),
  students: Type.Array(Type.Object({
    userId: Uuid,
    mastery: Type.Array(Nullable(Probability), { description: 'P(known) per skill, in the order of `skills`; null: never practised' }),
  })),
  average: Type.Array(Nullable(Probability)),
});
export type ClassMastery = Static<typeof ClassMastery>;

export const AtRiskQuery = Type.Object({
  threshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1, default: 0.6 })),
  examId: Type.Optional(Type.String({ format: 'uuid', description: 'the exam to predict (default: the course\'s next exam, else the course\'s items)' })),
});
export const AtRisk = Type.Object({
  courseId: Uuid,
  threshold: Probability,
  exam: Nullable(Type.Object({ id: Uuid, title: Type.String(), opensAt: Nullable(Type.String({ format: 'date-time' })), closesAt: Nullable(Type.String({ format: 'date-time' })) }, {
    description: 'the exam the prediction is for; null: the course\'s items (no upcoming exam known)',
  })),
  items: Type.Array(Type.Object({
    userId: Uuid,
    expectedScore: Probability,
    weakestSkills: Type.Array(Type.Object({ skill: SkillRef, pKnown: Probability })),
  })),
});
export type AtRisk = Static<typeof AtRisk>;

export const ItemFit = Type.Object({
  courseId: Uuid,
  items: Type.Array(Type.Object({
    itemId: Uuid,
    title: Nullable(Type.String()),
    responses: Type.Integer(),
    pCorrect: Probability,
    a: Nullable(Type.Number()),
    b: Nullable(Type.Number()),
    infit: Nullable(Type.Number({ description: 'information-weighted mean square; near 1 fits, above 1.3 misfits' })),
    pointBiserial: Nullable(Type.Number({ description: 'correlation of the item with ability; negative means strong students fail it' })),
    flags: Type.Array(Type.Union([Type.Literal('negative_discrimination'), Type.Literal('misfit'), Type.Literal('too_easy'), Type.Literal('too_hard')])),
  })),
});
export type ItemFit = Static<typeof ItemFit>;

export const CourseSettings = Type.Object({
  courseId: Uuid,
  targetLow: Probability,
  targetHigh: Probability,
  masteryThreshold: Probability,
  version: Type.Integer(),
});
export type CourseSettings = Static<typeof CourseSettings>;
export const CourseSettingsBody = Type.Object({
  targetLow: Type.Optional(Type.Number({ minimum: 0.05, maximum: 0.95 })),
  targetHigh: Type.Optional(Type.Number({ minimum: 0.1, maximum: 0.99 })),
  masteryThreshold: Type.Optional(Type.Number({ minimum: 0.5, maximum: 0.999 })),
}, { minProperties: 1 });
export type CourseSettingsBody = Static<typeof CourseSettingsBody>;

export const ModelSummary = Type.Object({
  fittedAt: Nullable(Instant),
  responses: Type.Integer(),
  skillsFitted: Type.Integer(),
  itemsCalibrated: Type.Integer(),
  predictor: Type.Record(Type.String(), Type.Number()),
  fsrsOptimised: Type.Boolean(),
  evaluation: Nullable(Type.Object({
    heldOutResponses: Type.Integer(),
    auc: Nullable(Type.Number()),
    calibration: Type.Array(Type.Object({ decile: Type.Integer(), predicted: Type.Number(), observed: Type.Number(), count: Type.Integer() })),
  })),
});
export type ModelSummary = Static<typeof ModelSummary>;

export const CatStartBody = Type.Object({
  courseId: Uuid,
  maxItems: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  targetSe: Type.Optional(Type.Number({ minimum: 0.1, maximum: 1, default: 0.3 })),
});
export type CatStartBody = Static<typeof CatStartBody>;
export const CatAnswerBody = Type.Object({ itemId: Uuid, response: Type.Unknown() });
export type CatAnswerBody = Static<typeof CatAnswerBody>;
export const CatParams = Type.Object({ sessionId: Uuid });
export const CatSession = Type.Object({
  id: Uuid,
  courseId: Uuid,
  status: Type.Union([Type.Literal('in_progress'), Type.Literal('finished')]),
  item: Nullable(Type.Record(Type.String(), Type.Unknown())),
  answered: Type.Integer(),
  maxItems: Type.Integer(),
  theta: Type.Number(),
  se: Type.Number(),
  targetSe: Type.Number(),
  stopReason: Nullable(Type.Union([Type.Literal('target_se'), Type.Literal('max_items'), Type.Literal('pool_exhausted')])),
  lastCorrect: Nullable(Type.Boolean()),
});
export type CatSession = Static<typeof CatSession>;
