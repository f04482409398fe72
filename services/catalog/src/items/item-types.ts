import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** The kinds of question the bank holds. */
export const ITEM_TYPES = [
  'single_choice', 'multiple_choice', 'true_false', 'numeric', 'short_text',
  'ordering', 'matching', 'cloze', 'essay', 'code',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

const Uuid = Type.String({ format: 'uuid' });
/** Rich text: sanitised HTML (the sanitiser runs on every write, whatever the client sent). */
const Html = (maxLength = 5_000) => Type.String({ maxLength });
/** Option, gap and pair identifiers: QTI identifiers, so items export unchanged. */
export const Identifier = Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,63}$', description: 'QTI identifier' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Feedback = Type.Object({
  general: Type.Optional(Html()),
  correct: Type.Optional(Html()),
  incorrect: Type.Optional(Html()),
}, { description: 'Shown after answering: always (general), or depending on the outcome' });

const Irt = Type.Object({
  a: Type.Optional(Type.Number({ minimum: 0, maximum: 10, description: 'discrimination' })),
  b: Type.Number({ minimum: -10, maximum: 10, description: 'difficulty on the ability scale' }),
  c: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'guessing' })),
});

/** Fields every item has, whatever its type. */
const common = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  stem: Html(20_000),
  skills: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
  difficulty: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'share of learners expected to fail, 0..1' }))),
  irt: Type.Optional(Nullable(Irt)),
  feedback: Type.Optional(Feedback),
  hints: Type.Optional(Type.Array(Html(2_000), { maxItems: 10, description: 'Shown one after another, in order' })),
  courseId: Type.Optional(Nullable(Uuid)),
};

const ChoiceOption = Type.Object({
  id: Identifier,
  text: Html(2_000),
  correct: Type.Boolean(),
  feedback: Type.Optional(Html(2_000)),
});
const Choice = Type.Object({ id: Identifier, text: Html(2_000) });
const choices = Type.Array(ChoiceOption, { maxItems: 26 });

export const SingleChoiceItem = Type.Object({ type: Type.Literal('single_choice'), ...common, options: choices, shuffle: Type.Optional(Type.Boolean()) });
export const MultipleChoiceItem = Type.Object({ type: Type.Literal('multiple_choice'), ...common, options: choices, shuffle: Type.Optional(Type.Boolean()) });
export const TrueFalseItem = Type.Object({
  type: Type.Literal('true_false'), ...common,
  answer: Nullable(Type.Boolean()),
  feedbackTrue: Type.Optional(Html(2_000)),
  feedbackFalse: Type.Optional(Html(2_000)),
});
export const NumericItem = Type.Object({
  type: Type.Literal('numeric'), ...common,
  value: Nullable(Type.Number()),
  tolerance: Type.Optional(Type.Object({ mode: Type.Union([Type.Literal('absolute'), Type.Literal('relative')]), amount: Type.Number({ minimum: 0 }) })),
  unit: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  unitAliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 20 })),
});
export const Normalisation = Type.Object({
  caseSensitive: Type.Optional(Type.Boolean({ description: 'default false' })),
  collapseWhitespace: Type.Optional(Type.Boolean({ description: 'trim and collapse runs of spaces; default true' })),
  unicode: Type.Optional(Type.Boolean({ description: 'NFKC normalisation; default true' })),
  ignoreDiacritics: Type.Optional(Type.Boolean({ description: 'é = e; default false' })),
});
export type Normalisation = Static<typeof Normalisation>;
export const ShortTextItem = Type.Object({
  type: Type.Literal('short_text'), ...common,
  accepted: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 50 }),
  patterns: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 10, description: 'Regular expressions, refused when they could backtrack catastrophically' })),
  normalise: Type.Optional(Normalisation),
});
export const OrderingItem = Type.Object({
  type: Type.Literal('ordering'), ...common,
  choices: Type.Array(Choice, { maxItems: 26 }),
  correctOrder: Type.Array(Identifier, { maxItems: 26 }),
});
export const MatchingItem = Type.Object({
  type: Type.Literal('matching'), ...common,
  sources: Type.Array(Choice, { maxItems: 26 }),
  targets: Type.Array(Choice, { maxItems: 26 }),
  pairs: Type.Array(Type.Object({ source: Identifier, target: Identifier }), { maxItems: 100 }),
});
const TextGap = Type.Object({
  id: Identifier,
  kind: Type.Literal('text'),
  accepted: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 }),
  caseSensitive: Type.Optional(Type.Boolean()),
});
const ChoiceGap = Type.Object({
  id: Identifier,
  kind: Type.Literal('choice'),
  choices: Type.Array(Choice, { maxItems: 26 }),
  correct: Nullable(Identifier),
});
export const ClozeItem = Type.Object({
  type: Type.Literal('cloze'), ...common,
  gaps: Type.Array(Type.Union([TextGap, ChoiceGap]), { maxItems: 50, description: 'The stem marks each gap as {{gapId}}' }),
});
export const EssayItem = Type.Object({
  type: Type.Literal('essay'), ...common,
  rubric: Type.Array(Type.Object({ criterion: Type.String({ minLength: 1, maxLength: 1_000 }), points: Type.Number({ minimum: 0, maximum: 1_000 }) }), { maxItems: 30 }),
  expectedWords: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
});
export const CodeItem = Type.Object({
  type: Type.Literal('code'), ...common,
  language: Type.String({ pattern: '^[a-z][a-z0-9+#.-]{0,31}$' }),
  starterCode: Type.Optional(Type.String({ maxLength: 50_000 })),
  testCases: Type.Array(Type.Object({
    input: Type.String({ maxLength: 20_000 }),
    expected: Type.String({ maxLength: 20_000 }),
    hidden: Type.Boolean({ description: 'Hidden cases are never shown to students' }),
  }), { maxItems: 100 }),
});

/** What an author writes: one item of any type (body of `POST /items`, `PUT /items/{itemId}`). */
export const ItemContent = Type.Union([
  SingleChoiceItem, MultipleChoiceItem, TrueFalseItem, NumericItem, ShortTextItem,
  OrderingItem, MatchingItem, ClozeItem, EssayItem, CodeItem,
]);
export type ItemContent = Static<typeof ItemContent>;
export type ItemOf<T extends ItemType> = Extract<ItemContent, { type: T }>;

export const ITEM_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
/** An item type in a schema (query strings, responses). */
export const ItemTypeSchema = Type.Unsafe<ItemType>({ type: 'string', enum: [...ITEM_TYPES] });
/**
 * An item status in a schema: `draft` has changes not yet published, `in_review` waits for a reviewer (and
 * cannot be edited meanwhile), `archived` is out of the bank's search and of new course versions.
 */
export const ItemStatusSchema = Type.Unsafe<ItemStatus>({ type: 'string', enum: [...ITEM_STATUSES] });

/** Bookkeeping the bank adds to an item's content. */
export interface ItemRecord {
  id: string;
  status: ItemStatus;
  /** The draft's version (the ETag). */
  version: number;
  /** The latest frozen version students see, or null before the first publication. */
  publishedVersion: number | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An item as authors see it: the draft with its answers. */
export type Item = ItemContent & ItemRecord;

/** A frozen, immutable version. */
export type ItemVersion = ItemContent & { id: string; version: number; publishedAt: string; publishedBy: string | null };

/**
 * The documented shape of an item in responses: the common fields; the type-specific ones pass through
 * (they differ per type, and students get a delivery view without answers).
 */
export const ItemView = Type.Unsafe<Record<string, unknown>>(Type.Object({
  id: Uuid,
  type: ItemTypeSchema,
  title: Type.String(),
  stem: Type.String(),
  status: Type.Optional(ItemStatusSchema),
  version: Type.Integer({ description: 'The draft version (ETag) for authors; the frozen version in delivery views' }),
  publishedVersion: Type.Optional(Nullable(Type.Integer())),
}, { additionalProperties: true }));
