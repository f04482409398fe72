import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ExamCategory } from './exams.js';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Percent = Nullable(Type.Number({ description: '0..100, rounded to 2 decimals' }));

const CategoryRule = Type.Object({
  category: ExamCategory,
  weight: Type.Number({ minimum: 0, maximum: 100, description: 'percent; weights are renormalised over the categories a student has grades in' }),
  dropLowest: Type.Integer({ minimum: 0, maximum: 100, description: 'how many of the lowest results do not count (at least one always does)' }),
});

/** Body of `PUT /courses/{courseId}/gradebook/scheme`. */
export const SchemeInput = Type.Object({
  categories: Type.Array(CategoryRule, { minItems: 1, maxItems: 4, description: 'each category once; a category left out weighs 0' }),
});
export type SchemeInput = Static<typeof SchemeInput>;

/** A course's grading scheme (ETag: `version`; 0 while the default applies). */
export const GradingScheme = Type.Object({
  courseId: Uuid,
  categories: Type.Array(CategoryRule),
  isDefault: Type.Boolean({ description: 'no scheme set: equal weights over the categories of the course\'s exams, nothing dropped' }),
  version: Type.Integer({ minimum: 0 }),
});
export type GradingScheme = Static<typeof GradingScheme>;

const ExamColumn = Type.Object({ id: Uuid, title: Type.String(), category: ExamCategory });

const ExamCell = Type.Object({
  examId: Uuid,
  percent: Type.Union([Type.Number(), Type.Null()], { description: 'the best graded attempt (after any late penalty); null while none is graded' }),
  pending: Type.Boolean({ description: 'some submission still waits for a grader (essays) or the code runner' }),
  attempts: Type.Integer(),
  released: Type.Boolean({ description: 'whether the student may see the result counted here' }),
});

const CategoryCell = Type.Object({
  category: ExamCategory,
  weight: Type.Number(),
  effectiveWeight: Percent,
  percent: Percent,
  counted: Type.Array(Uuid),
  dropped: Type.Array(Uuid),
});

/** A student's row of a gradebook. */
export const GradebookRow = Type.Object({
  userId: Uuid,
  percent: Percent,
  exams: Type.Array(ExamCell, { description: 'one per exam column, in the same order' }),
  categories: Type.Array(CategoryCell),
});

/** A page of a course's gradebook (students by id). */
export const Gradebook = Type.Object({
  courseId: Uuid,
  scheme: GradingScheme,
  exams: Type.Array(ExamColumn),
  items: Type.Array(GradebookRow),
  nextCursor: Nullable(Type.String()),
});
export type Gradebook = Static<typeof Gradebook>;

/** A student's own row, counting only results released to them. */
export const MyGradebook = Type.Object({
  courseId: Uuid,
  scheme: GradingScheme,
  exams: Type.Array(ExamColumn),
  row: GradebookRow,
});
export type MyGradebook = Static<typeof MyGradebook>;
