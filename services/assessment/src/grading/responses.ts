import { Type, type Static } from '@sinclair/typebox';
import { Identifier, type ItemType } from '@tessera/catalog/contract';

/*
 * A student's answer to one item, one schema per item type, told apart by `type` (the item type's literal).
 * The limits keep a single response small whatever a client sends; they mirror the item format's own limits
 * (26 options, 100 pairs, 50 gaps) so that no right answer is ever refused.
 */

const closed = { additionalProperties: false } as const;

export const SingleChoiceResponse = Type.Object({
  type: Type.Literal('single_choice'),
  choice: Identifier,
}, closed);

export const MultipleChoiceResponse = Type.Object({
  type: Type.Literal('multiple_choice'),
  choices: Type.Array(Identifier, { maxItems: 26, uniqueItems: true }),
}, closed);

export const TrueFalseResponse = Type.Object({
  type: Type.Literal('true_false'),
  value: Type.Boolean(),
}, closed);

export const NumericResponse = Type.Object({
  type: Type.Literal('numeric'),
  value: Type.Number(),
  unit: Type.Optional(Type.String({ maxLength: 32 })),
}, closed);

export const ShortTextResponse = Type.Object({
  type: Type.Literal('short_text'),
  text: Type.String({ maxLength: 1_000 }),
}, closed);

export const OrderingResponse = Type.Object({
  type: Type.Literal('ordering'),
  order: Type.Array(Identifier, { maxItems: 26 }),
}, closed);

export const MatchingResponse = Type.Object({
  type: Type.Literal('matching'),
  pairs: Type.Array(Type.Object({ source: Identifier, target: Identifier }, closed), { maxItems: 100 }),
}, closed);

export const ClozeResponse = Type.Object({
  type: Type.Literal('cloze'),
  // Without `additionalProperties: false` a pattern-keyed record lets keys that are no identifier through.
  gaps: Type.Record(Identifier, Type.String({ maxLength: 200 }), { maxProperties: 50, additionalProperties: false }),
}, closed);

export const EssayResponse = Type.Object({
  type: Type.Literal('essay'),
  text: Type.String({ maxLength: 100_000 }),
}, closed);

export const CodeResponse = Type.Object({
  type: Type.Literal('code'),
  source: Type.String({ maxLength: 100_000 }),
  language: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
}, closed);

/** A response to an item of any type. */
export const ItemResponse = Type.Union([
  SingleChoiceResponse, MultipleChoiceResponse, TrueFalseResponse, NumericResponse, ShortTextResponse,
  OrderingResponse, MatchingResponse, ClozeResponse, EssayResponse, CodeResponse,
]);

export type SingleChoiceResponse = Static<typeof SingleChoiceResponse>;
export type MultipleChoiceResponse = Static<typeof MultipleChoiceResponse>;
export type TrueFalseResponse = Static<typeof TrueFalseResponse>;
export type NumericResponse = Static<typeof NumericResponse>;
export type ShortTextResponse = Static<typeof ShortTextResponse>;
export type OrderingResponse = Static<typeof OrderingResponse>;
export type MatchingResponse = Static<typeof MatchingResponse>;
export type ClozeResponse = Static<typeof ClozeResponse>;
export type EssayResponse = Static<typeof EssayResponse>;
export type CodeResponse = Static<typeof CodeResponse>;
export type ItemResponse = Static<typeof ItemResponse>;

/** The response shape for items of type `T`, as `ItemOf<T>` is the item shape. */
export type ResponseOf<T extends ItemType> = Extract<ItemResponse, { type: T }>;

/** True when `response` answers an item of type `itemType` (a response of another type can only be wrong). */
export function responseFits<T extends ItemType>(itemType: T, response: ItemResponse): response is ResponseOf<T> {
  return response.type === itemType;
}
