import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** What a hit is: a published course, one of its lessons, or a published item of the question bank (tenant search only). */
export const SearchKind = Type.Union([Type.Literal('course'), Type.Literal('lesson'), Type.Literal('item')]);

/** Query of `GET /search` and `GET /public/search`. Words match as prefixes ("algeb" finds "algebra"). */
export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(SearchKind),
  category: Type.Optional(Type.String({ maxLength: 100 })),
  level: Type.Optional(Type.String({ maxLength: 20 })),
  language: Type.Optional(Type.String({ maxLength: 20 })),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 10, description: 'All must match' })),
  skills: Type.Optional(Type.Array(Uuid, { maxItems: 10, description: 'Any may match' })),
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
});
export type SearchQuery = Static<typeof SearchQuery>;

/**
 * One hit: a published course, lesson or item. `snippet` is HTML-escaped text with matches in `<mark>`. Items
 * have no course, level or language; their snippet shows only what the delivery view shows (never answers).
 */
export const SearchHit = Type.Object({
  kind: SearchKind,
  id: Uuid,
  courseId: Nullable(Uuid),
  tenantId: Uuid,
  version: Type.Integer(),
  title: Type.String(),
  snippet: Type.String(),
  score: Type.Number(),
  category: Nullable(Type.String()),
  level: Nullable(Type.String()),
  language: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
});
export type SearchHit = Static<typeof SearchHit>;

const Facet = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));

/** Counts per value over every match of the query (before paging), or over the first matches when `facetsCapped`. */
export const SearchFacets = Type.Object({ category: Facet, level: Facet, language: Facet, tags: Facet, kind: Facet });
export type SearchFacets = Static<typeof SearchFacets>;

/**
 * How many matches a search counts and ranks at most. Up to it, total and facets are exact; past it
 * `facetsCapped` is true, `total` is this cap (a lower bound), facets count the first matches only, and hits
 * are ranked among them (title matches are taken first, so the best hits are rarely left out).
 */
export const SEARCH_MATCH_CAP = 500;

/** Answer of a search: a ranked page, the number of matches and the facets (see SEARCH_MATCH_CAP). */
export const SearchResult = Type.Object({
  items: Type.Array(SearchHit),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  total: Type.Integer({ description: `Number of matches, counted up to ${SEARCH_MATCH_CAP}; a lower bound when facetsCapped` }),
  facets: SearchFacets,
  facetsCapped: Type.Boolean({ description: `More than ${SEARCH_MATCH_CAP} documents matched: total and facets cover the first ${SEARCH_MATCH_CAP} only` }),
});
export type SearchResult = Static<typeof SearchResult>;
