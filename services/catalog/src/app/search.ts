import { decodeCursor, encodeCursor, type Database, type Tx } from '@tessera/platform';
import { SEARCH_MATCH_CAP, type SearchQuery, type SearchResult } from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { MATCH_START, MATCH_STOP, searchDocuments, type SearchRows, type SearchScope } from '../db/search.repository.js';
import { cachedSearch, type SearchCacheDeps } from './search-cache.js';

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
 * A search as the API answers it: identical searches within a minute share one answer, until the next
 * publish or archive in the scope (see search-cache.ts).
 */
export async function searchCatalog(deps: SearchCacheDeps & { db: Database }, scope: SearchScope, query: SearchQuery): Promise<SearchResult> {
  return cachedSearch(deps, scope, query, prefixQuery(query.q), () => search(deps.db, scope, query));
}

/**
 * Searches the published courses, lessons and (for readers of the question bank) items of a tenant, or
 * (`public`) the public courses and their lessons of every active tenant. At most `cap` matches are counted
 * and ranked (see SEARCH_MATCH_CAP); `facetsCapped` says when more matched.
 */
export async function search(db: Database, scope: SearchScope, query: SearchQuery, cap = SEARCH_MATCH_CAP): Promise<SearchResult> {
  const offset = query.cursor ? Number(decodeCursor(query.cursor, 1, ([n]) => Number.isInteger(n) && Number(n) > 0 && Number(n) <= MAX_OFFSET)[0]) : 0;
  const request = { tsquery: prefixQuery(query.q), query, offset, limit: query.limit + 1, cap };
  const run = (tx: Tx<CatalogDatabase>) => searchDocuments(tx, scope, request);
  // Both run as the application role: catalog.search scopes to the transaction's tenant, or with none set
  // (the public catalog, across tenants) to public courses of active tenants.
  const result = await db.withTenant<CatalogDatabase, SearchRows>(scope === 'public' ? null : scope.tenantId, run);
  const more = result.hits.length > query.limit && offset + query.limit <= MAX_OFFSET;
  return {
    items: result.hits.slice(0, query.limit).map((hit) => ({
      kind: hit.kind, id: hit.id, courseId: hit.course_id, tenantId: hit.tenant_id, version: hit.version, title: hit.title,
      snippet: highlight(hit.snippet), score: Number(hit.score), category: hit.category, level: hit.level, language: hit.language, tags: hit.tags,
    })),
    nextCursor: more ? encodeCursor([offset + query.limit]) : null,
    total: result.total,
    facets: result.facets,
    facetsCapped: result.capped,
  };
}

/** Escapes the snippet's text (it is author content) and only then turns the match marks into <mark>. */
function highlight(snippet: string): string {
  const escaped = snippet.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return escaped.split(MATCH_START).join('<mark>').split(MATCH_STOP).join('</mark>');
}
