import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Ratio = Nullable(Type.Number());

/** How often one option (or `blank`: nothing chosen) was chosen. */
export const ChoiceRow = Type.Object({
  choice: Type.String({ description: 'an option id, `true`/`false`, or `blank`' }),
  count: Type.Integer(),
  share: Nullable(Type.Number({ description: 'of the item\'s attempts (a multiple-response item\'s shares can sum past 1)' })),
});

/** Classical item analysis of one item over the exam's graded attempts. */
export const ItemAnalysis = Type.Object({
  itemId: Type.String({ format: 'uuid' }),
  title: Nullable(Type.String()),
  n: Type.Integer({ description: 'graded attempts that held the item' }),
  maxScore: Type.Number(),
  meanScore: Ratio,
  facility: Nullable(Type.Number({ description: 'mean score ÷ max score (the p-value, partial credit included)' })),
  pCorrect: Nullable(Type.Number({ description: 'share of attempts with the item wholly right' })),
  discrimination: Nullable(Type.Number({ description: 'point-biserial correlation of item score and attempt total' })),
  itemRestCorrelation: Nullable(Type.Number({ description: 'correlation of item score and the rest of the attempt' })),
  choices: Type.Array(ChoiceRow, { description: 'distractor counts: options in id order, blank last' }),
});
export type ItemAnalysis = Static<typeof ItemAnalysis>;

/** An exam's score distribution and reliability over its graded attempts. */
export const ExamAnalysisSummary = Type.Object({
  n: Type.Integer(),
  meanTotal: Ratio,
  standardDeviation: Ratio,
  minTotal: Ratio,
  maxTotal: Ratio,
  minTotalMayBeStale: Type.Boolean({ description: 'minTotal is only a lower bound (its attempt was regraded)' }),
  maxTotalMayBeStale: Type.Boolean({ description: 'maxTotal is only an upper bound (its attempt was regraded)' }),
  medianPercentEstimate: Ratio,
  passRate: Ratio,
  histogram: Type.Array(Type.Object({ fromPercent: Type.Number(), toPercent: Type.Number(), count: Type.Integer() })),
  slotCount: Type.Integer(),
  cronbachAlpha: Ratio,
  standardErrorOfMeasurement: Ratio,
});

/** `GET /exams/{examId}/analysis`. */
export const ExamAnalysis = Type.Object({
  exam: ExamAnalysisSummary,
  items: Type.Array(ItemAnalysis),
});
export type ExamAnalysis = Static<typeof ExamAnalysis>;

/** Body of `POST /exams/{examId}/regrade`: the item whose latest version every affected submission is scored with. */
export const RegradeInput = Type.Object({ itemId: Type.String({ format: 'uuid' }) });

export const RegradeResult = Type.Object({
  itemId: Type.String({ format: 'uuid' }),
  itemVersion: Type.Integer({ description: 'the version submissions are now scored with' }),
  regraded: Type.Integer({ description: 'submissions re-scored by this request' }),
});
export type RegradeResult = Static<typeof RegradeResult>;
