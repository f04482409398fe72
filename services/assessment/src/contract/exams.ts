import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

/** When students see their score (results) and the per-item outcome and feedback (feedback). */
export const ReleasePolicy = Type.Union([
  Type.Literal('immediately', { description: 'as soon as the submission is graded' }),
  Type.Literal('after_close', { description: 'once the exam has closed (closesAt)' }),
  Type.Literal('manual', { description: 'when staff release them' }),
]);
export type ReleasePolicy = Static<typeof ReleasePolicy>;

/** What happens to a submission that arrives after the attempt's deadline and grace period. */
export const LatePolicy = Type.Union([
  Type.Object({ mode: Type.Literal('reject') }),
  Type.Object({
    mode: Type.Literal('accept'),
    penaltyPercent: Type.Number({ minimum: 0, maximum: 100, description: 'taken off the score' }),
    untilMinutes: Type.Integer({ minimum: 1, maximum: 10_080, description: 'how long after the deadline late submissions are taken' }),
  }),
]);
export type LatePolicy = Static<typeof LatePolicy>;

/** When an adaptive exam stops giving items: precise enough (after `minItems`), or `maxItems` given. */
export const AdaptiveStop = Type.Object({
  standardError: Type.Number({ minimum: 0.1, maximum: 1, description: 'stop once the ability estimate\'s standard error is at most this' }),
  minItems: Type.Integer({ minimum: 1, maximum: 100 }),
  maxItems: Type.Integer({ minimum: 1, maximum: 100 }),
});
export type AdaptiveStop = Static<typeof AdaptiveStop>;

export const DEFAULT_ADAPTIVE_STOP: AdaptiveStop = { standardError: 0.3, minItems: 5, maxItems: 20 };

export const ExamSettings = Type.Object({
  timeLimitMinutes: Nullable(Type.Integer({ minimum: 1, maximum: 1_440 })),
  opensAt: Nullable(DateTime),
  closesAt: Nullable(DateTime),
  attemptsAllowed: Type.Integer({ minimum: 1, maximum: 100 }),
  gracePeriodSeconds: Type.Integer({ minimum: 0, maximum: 3_600, description: 'submissions this long after the deadline still count as on time (network delays)' }),
  latePolicy: LatePolicy,
  passingPercent: Nullable(Type.Number({ minimum: 0, maximum: 100 })),
  resultsRelease: ReleasePolicy,
  feedbackRelease: ReleasePolicy,
  partialCredit: Type.Union([Type.Literal('all_or_nothing'), Type.Literal('proportional')]),
  negativeMarking: Type.Number({ minimum: 0, maximum: 1, description: 'share of an item\'s points taken off for a wrong (not blank) answer' }),
  shuffleItems: Type.Boolean(),
  shuffleOptions: Type.Boolean(),
  adaptive: Type.Optional(Type.Boolean({
    description: 'computerized adaptive testing: items one at a time from the draw sections\' pools, each the most informative at the student\'s '
      + 'current ability estimate, skills balanced; scored by ability (the share of the whole pool the student is expected to answer right), not by count',
  })),
  adaptiveStop: Type.Optional(AdaptiveStop),
});
export type ExamSettings = Static<typeof ExamSettings>;

export const DEFAULT_SETTINGS: ExamSettings = {
  timeLimitMinutes: null, opensAt: null, closesAt: null, attemptsAllowed: 1, gracePeriodSeconds: 60, latePolicy: { mode: 'reject' },
  passingPercent: null, resultsRelease: 'immediately', feedbackRelease: 'immediately', partialCredit: 'all_or_nothing',
  negativeMarking: 0, shuffleItems: false, shuffleOptions: false, adaptive: false, adaptiveStop: DEFAULT_ADAPTIVE_STOP,
};

const Points = Type.Number({ exclusiveMinimum: 0, maximum: 1_000 });

/** One item of the bank, always the same for everyone. */
export const FixedSection = Type.Object({
  kind: Type.Literal('fixed'),
  itemId: Uuid,
  points: Points,
});

/** `count` items drawn per attempt from a pool: listed items, or the bank's items with the skills and difficulty given. */
export const DrawSection = Type.Object({
  kind: Type.Literal('draw'),
  count: Type.Integer({ minimum: 1, maximum: 100 }),
  pool: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 1_000, uniqueItems: true })),
  skills: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true, description: 'items with any of these skills' })),
  difficulty: Type.Optional(Type.Object({ min: Type.Number({ minimum: 0, maximum: 1 }), max: Type.Number({ minimum: 0, maximum: 1 }) })),
  points: Points,
});

export const Section = Type.Union([FixedSection, DrawSection]);
export type Section = Static<typeof Section>;

export const EXAM_CATEGORIES = ['quiz', 'exam', 'assignment', 'practice'] as const;
export const ExamCategory = Type.Union([Type.Literal('quiz'), Type.Literal('exam'), Type.Literal('assignment'), Type.Literal('practice')]);
export type ExamCategory = Static<typeof ExamCategory>;

/** Body of `POST /courses/{courseId}/exams` and `PUT /exams/{examId}`. */
export const ExamInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  category: Type.Optional(ExamCategory),
  settings: Type.Optional(Type.Partial(ExamSettings)),
  sections: Type.Array(Section, { maxItems: 200 }),
});
export type ExamInput = Static<typeof ExamInput>;

export const ExamStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')]);

/** An exam as staff see it: the draft (ETag: `version`) and the version students take. */
export const Exam = Type.Object({
  id: Uuid,
  courseId: Uuid,
  title: Type.String(),
  category: ExamCategory,
  status: ExamStatus,
  version: Type.Integer(),
  publishedVersion: Nullable(Type.Integer()),
  settings: ExamSettings,
  sections: Type.Array(Section),
  createdBy: Nullable(Uuid),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type Exam = Static<typeof Exam>;

/** An item frozen into a published exam version. */
export interface FrozenItem {
  itemId: string;
  version: number;
  type: string;
}

/** A section with its items resolved: a fixed item, or the candidates of a draw. */
export type FrozenSection =
  | { kind: 'fixed'; points: number; item: FrozenItem }
  | { kind: 'draw'; points: number; count: number; candidates: FrozenItem[] };

/** A published exam version: what every attempt of it is built from. */
export interface ExamVersion {
  examId: string;
  courseId: string;
  version: number;
  title: string;
  category: ExamCategory;
  settings: ExamSettings;
  sections: FrozenSection[];
  publishedAt: string;
}

/** Body of `PUT /exams/{examId}/accommodations/{userId}`. */
export const AccommodationInput = Type.Object({
  extraTimePercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 500 })),
  extraMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_080 })),
  extraAttempts: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  note: Type.Optional(Type.String({ maxLength: 1_000 })),
});
export const Accommodation = Type.Object({
  userId: Uuid,
  extraTimePercent: Type.Integer(),
  extraMinutes: Type.Integer(),
  extraAttempts: Type.Integer(),
  note: Nullable(Type.String()),
});
export type Accommodation = Static<typeof Accommodation>;
