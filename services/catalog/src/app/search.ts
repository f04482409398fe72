import { decodeCursor, encodeCursor, type Database, type Tx } from '@tessera/platform';
import type { SearchQuery, SearchResult } from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { MATCH_START, MATCH_STOP, searchDocuments, type SearchScope } from '../db/search.repository.js';

const MAX_TERMS = 8;
/** Deep pages of a relevance ranking are not worth their cost; refine the query instead. */
const MAX_OFFSET = 1_000;

/**
 * A prefix query over the words of `q` (every word must match a prefix: "alg equa" finds "algebraic
 * equations"), or null when `q` has no words. Only letters and digits reach to_tsquery, so no input can
 * make it fail.
 */
export function prefixQuery(q: string | undefined): string | null {
  const terms = (q ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, MAX_TERMS) ?? [];
  return terms.length === 0 ? null : terms.map((term) => `${term}:*`).join(' & ');
}

/**
 * Searches the published courses, lessons and (for readers of the question bank) items of a tenant, or
 * (`public`) the public courses and their lessons of every active tenant.
 */
export async function search(db: Database, scope: SearchScope, query: SearchQuery): Promise<SearchResult> {
  const offset = query.cursor ? Number(decodeCursor(query.cursor, 1, ([n]) => Number.isInteger(n) && Number(n) > 0 && Number(n) <= MAX_OFFSET)[0]) : 0;
  const tsquery = prefixQuery(query.q);
  type Found = Awaited<ReturnType<typeof searchDocuments>>;
  const run = (tx: Tx<CatalogDatabase>) => searchDocuments(tx, scope, query, tsquery, offset);
  // The public catalog spans tenants, which RLS forbids a tenant transaction; the query itself keeps to public rows.
  const result = scope === 'public' ? await db.withSystem<CatalogDatabase, Found>(run) : await db.withTenant<CatalogDatabase, Found>(scope.tenantId, run);
  const more = result.hits.length > query.limit && offset + query.limit <= MAX_OFFSET;
  return {
    items: result.hits.slice(0, query.limit).map((hit) => ({
      kind: hit.kind, id: hit.id, courseId: hit.course_id, tenantId: hit.tenant_id, version: hit.version, title: hit.title,
      snippet: highlight(hit.snippet), score: Number(hit.score), category: hit.category, level: hit.level, language: hit.language, tags: hit.tags,
    })),
    nextCursor: more ? encodeCursor([offset + query.limit]) : null,
    total: result.total,
    facets: result.facets,
  };
}

/** Escapes the snippet's text (it is author content) and only then turns the match marks into <mark>. */
function highlight(snippet: string): string {
  const escaped = snippet.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return escaped.split(MATCH_START).join('<mark>').split(MATCH_STOP).join('</mark>');
}
