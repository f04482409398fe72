import { createHash } from 'node:crypto';
import { CacheGenerations, type Cache, type TenantRegistry } from '@tessera/platform';
import type { SearchQuery, SearchResult } from '../contract/index.js';
import type { SearchScope } from '../db/search.repository.js';

/** What cached searches need: the shared cache, and the tenant registry (whose changes reshape the public catalog). */
export interface SearchCacheDeps {
  cache: Cache;
  tenants: Pick<TenantRegistry, 'generation'>;
}

/**
 * How long a search answer is reused. Publishing and archiving advance the generation its key is built on,
 * so this only bounds staleness when the publishing process died between its commit and that step (the
 * course events' consumer advances it again).
 */
const SEARCH_TTL_MS = 60_000;
const PUBLIC_FAMILY = 'catalog:search:public';

function tenantFamily(tenantId: string): string {
  return `catalog:search:${tenantId}`;
}

/**
 * The search answer for `query` from the cache, or from `load` (stored for the next identical search). The
 * key covers everything that changes the answer: the scope (and whether items are included), the words as
 * matched, every filter (tags and skills in any order are the same search), the page and its size.
 */
export async function cachedSearch(deps: SearchCacheDeps, scope: SearchScope, query: SearchQuery, tsquery: string | null,
  load: () => Promise<SearchResult>): Promise<SearchResult> {
  const key = `catalog:search:${await scopeGeneration(deps, scope)}:${fingerprint(scope, query, tsquery)}`;
  return deps.cache.getOrLoad(key, SEARCH_TTL_MS, load);
}

/** After a tenant's published content changed (committed): its next searches go to the database. */
export async function forgetSearches(cache: Cache, tenantId: string, options: { publicCatalog: boolean }): Promise<void> {
  const generations = new CacheGenerations(cache);
  await generations.advance(tenantFamily(tenantId));
  // Any course's publication can add to, change or (by its visibility) leave the public catalog.
  if (options.publicCatalog) await generations.advance(PUBLIC_FAMILY);
}

async function scopeGeneration(deps: SearchCacheDeps, scope: SearchScope): Promise<string> {
  const generations = new CacheGenerations(deps.cache);
  if (scope !== 'public') return `t:${scope.tenantId}:${await generations.current(tenantFamily(scope.tenantId))}`;
  // The public catalog shows active tenants only: a suspension, reactivation or deletion changes it too.
  const [catalog, tenants] = await Promise.all([generations.current(PUBLIC_FAMILY), deps.tenants.generation()]);
  return `public:${catalog}:${tenants}`;
}

function fingerprint(scope: SearchScope, query: SearchQuery, tsquery: string | null): string {
  const sorted = (values: string[] | undefined) => (values ? [...new Set(values)].sort() : null);
  const shape = [
    scope !== 'public' && scope.items, tsquery, query.kind ?? null, query.category ?? null, query.level ?? null, query.language ?? null,
    sorted(query.tags), sorted(query.skills), query.cursor ?? null, query.limit,
  ];
  return createHash('sha256').update(JSON.stringify(shape)).digest('base64url');
}
