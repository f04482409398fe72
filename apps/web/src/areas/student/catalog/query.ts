/** The catalog's search, kept in the address so back and forward (and shared links) restore it. */
export interface CatalogQuery {
  q: string;
  category: string;
  level: string;
  language: string;
  tags: string[];
  kind: '' | 'course' | 'lesson';
}

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

export function readQuery(params: URLSearchParams): CatalogQuery {
  const kind = params.get('kind');
  return {
    q: params.get('q')?.trim() ?? '',
    category: params.get('category') ?? '',
    level: params.get('level') ?? '',
    language: params.get('language') ?? '',
    tags: [...new Set(params.getAll('tag').filter(Boolean))].slice(0, 10),
    kind: kind === 'course' || kind === 'lesson' ? kind : '',
  };
}

export function queryParams(query: CatalogQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const field of ['category', 'level', 'language', 'kind'] as const) if (query[field]) params.set(field, query[field]);
  for (const tag of query.tags) params.append('tag', tag);
  return params;
}

/**
 * Words to look for, lessons, or several tags need the search index; otherwise the catalog's course listing
 * answers (browsing), with the index giving only the facet counts.
 */
export function needsSearch(query: CatalogQuery): boolean {
  return query.q !== '' || query.kind === 'lesson' || query.tags.length > 1;
}

export function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}

export function hasFilters(query: CatalogQuery): boolean {
  return Boolean(query.category || query.level || query.language || query.kind || query.tags.length > 0);
}
