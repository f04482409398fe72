import type { Tx } from '@tessera/platform';
import { sql } from 'kysely';
import type { PublishedCourse, SearchFacets, SearchQuery } from '../contract/index.js';
import type { CatalogDatabase } from './catalog.table.js';
import { plainTextOf } from '../domain/rich-text.js';
import type { ItemSearchDocument } from '../items/item-search.js';

type Db = Tx<CatalogDatabase>;

/** Marks ts_headline puts around matches; control characters no text contains, swapped for <mark> after escaping. */
export const MATCH_START = '\u0002';
export const MATCH_STOP = '\u0003';

/** Replaces a course's search documents (the course and its lessons) with those of its new published version. */
export async function indexPublishedCourse(tx: Db, tenantId: string, course: PublishedCourse): Promise<void> {
  await removeCourseDocuments(tx, tenantId, course.id);
  const common = {
    tenant_id: tenantId, course_id: course.id, version: course.version, visibility: course.visibility, category: course.category,
    level: course.level, language: course.language, tags: course.tags, price_ref: course.priceRef, published_at: new Date(course.publishedAt),
  };
  const outline = course.modules.flatMap((m) => [m.title, ...m.lessons.map((l) => `${l.title} ${l.summary}`)]).join(' ');
  const lessons = course.modules.flatMap((m) => m.lessons);
  await tx.insertInto('catalog.search_documents').values([
    { ...common, id: course.id, kind: 'course', title: course.title, summary: course.summary, body: outline, skills: course.skills },
    ...lessons.map((lesson) => ({
      ...common, id: lesson.id, kind: 'lesson' as const, title: lesson.title, summary: lesson.summary, skills: lesson.skills,
      body: lesson.blocks.map((b) => `${b.title ?? ''} ${b.html ? plainTextOf(b.html) : ''}`).join(' ').slice(0, 100_000),
    })),
  ]).execute();
}

/** Takes a course (and its lessons) out of search. */
export async function removeCourseDocuments(tx: Db, tenantId: string, courseId: string): Promise<void> {
  await tx.deleteFrom('catalog.search_documents').where('tenant_id', '=', tenantId).where('course_id', '=', courseId).execute();
}

/**
 * Replaces an item's search document with that of its new published version. Called inside the publishing
 * transaction of the question bank (whose transaction knows only its own tables, hence plain SQL).
 */
export async function indexPublishedItem<DB>(tx: Tx<DB>, tenantId: string, item: ItemSearchDocument): Promise<void> {
  await removeItemDocument(tx, tenantId, item.id);
  await sql`
    insert into catalog.search_documents (id, tenant_id, kind, course_id, version, visibility, title, summary, body, skills, published_at)
    values (${item.id}, ${tenantId}, 'item', null, ${item.version}, 'tenant', ${item.title}, ${item.summary}, ${item.body},
            ${sql.val(item.skills)}::uuid[], ${item.publishedAt}::timestamptz)`.execute(tx);
}

/** Takes an item out of search (archived). Plain SQL for the same reason as indexPublishedItem. */
export async function removeItemDocument<DB>(tx: Tx<DB>, tenantId: string, itemId: string): Promise<void> {
  await sql`delete from catalog.search_documents where tenant_id = ${tenantId} and id = ${itemId} and kind = 'item'`.execute(tx);
}

/** A search hit as stored; the snippet still carries the raw match marks. */
export interface HitRow {
  kind: 'course' | 'lesson' | 'item';
  id: string;
  course_id: string | null;
  tenant_id: string;
  version: number;
  title: string;
  snippet: string;
  score: number;
  category: string | null;
  level: string | null;
  language: string | null;
  tags: string[];
}

/** Whose documents a search sees: a tenant's catalog (its published items only for readers of the bank), or the public catalog. */
export type SearchScope = { tenantId: string; items: boolean } | 'public';

/** What one search asks for: the prefix query (or null), the filters, the page and the most matches to count. */
export interface SearchRequest {
  tsquery: string | null;
  query: SearchQuery;
  offset: number;
  /** Rows wanted: the page plus one to tell whether another page follows. */
  limit: number;
  cap: number;
}

/** The ranked hits, the matches counted (at most the cap) and the facets over them; `capped` when more matched. */
export interface SearchRows {
  hits: HitRow[];
  total: number;
  capped: boolean;
  facets: SearchFacets;
}

const HEADLINE_OPTIONS = `StartSel=${MATCH_START},StopSel=${MATCH_STOP},MaxWords=30,MinWords=10,MaxFragments=2`;
/** ts_headline parses all the text it is given: snippets come from the start of long lessons only. */
const HEADLINE_CHARS = 5_000;

/**
 * One search through `catalog.search` (migration 0005): a SECURITY DEFINER function, so the GIN indexes work
 * despite row-level security, that scopes to `platform.current_tenant()` itself. Run it in a tenant
 * transaction for the tenant's catalog, or in one with no tenant for the public catalog ('public').
 */
export async function searchDocuments(tx: Db, scope: SearchScope, request: SearchRequest): Promise<SearchRows> {
  const { query } = request;
  const words = request.tsquery === null ? sql`null::tsquery` : sql`to_tsquery('simple', ${request.tsquery})`;
  const texts = (values: string[] | undefined) => (values?.length ? sql`${sql.val(values)}::text[]` : sql`null::text[]`);
  const uuids = (values: string[] | undefined) => (values?.length ? sql`${sql.val(values)}::uuid[]` : sql`null::uuid[]`);
  const { rows } = await sql<{ total: number; capped: boolean; facets: FacetRow[]; hits: HitRow[] }>`
    select total, capped, facets, hits from catalog.search(
      ${words}, ${scope === 'public'}, ${scope !== 'public' && scope.items},
      ${query.kind ?? null}::text, ${query.category ?? null}::text, ${query.level ?? null}::text, ${query.language ?? null}::text,
      ${texts(query.tags)}, ${uuids(query.skills)},
      ${request.offset}::integer, ${request.limit}::integer, ${request.cap}::integer, ${HEADLINE_OPTIONS}::text, ${HEADLINE_CHARS}::integer)`.execute(tx);
  const row = rows[0];
  if (!row) throw new Error('catalog.search returned no row');
  return { hits: row.hits, total: row.total, capped: row.capped, facets: facetsOf(row.facets) };
}

/** One facet count as catalog.search returns it: [facet, value, count]. */
type FacetRow = [keyof SearchFacets, string, number];

const MAX_TAG_VALUES = 30;

function facetsOf(rows: FacetRow[]): SearchFacets {
  const facets: SearchFacets = { category: [], level: [], language: [], tags: [], kind: [] };
  for (const [facet, value, count] of rows) facets[facet].push({ value, count });
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  facets.tags = facets.tags.slice(0, MAX_TAG_VALUES);
  return facets;
}
