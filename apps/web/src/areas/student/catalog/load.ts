import { api, unwrap } from '../../../api/client';
import type { SearchFacets } from '../api-types';
import { isLevel, needsSearch, type CatalogQuery } from './query';

export const PAGE_SIZE = 20;

/** One line of the results: a course or a lesson, from the listing or the search index. */
export interface CatalogEntry {
  key: string;
  kind: 'course' | 'lesson' | 'item';
  id: string;
  courseId: string | null;
  title: string;
  /** Search snippet (escaped text with <mark> around matches) or, when browsing, the course summary as plain text. */
  snippet: { marked: string } | { plain: string };
  category: string | null;
  level: string | null;
  language: string | null;
  tags: string[];
}

export interface CatalogPage {
  entries: CatalogEntry[];
  nextCursor: string | null;
  /** Null when browsing: the listing does not count. */
  total: number | null;
  facets: SearchFacets;
  facetsCapped: boolean;
}

export function loadCatalog(query: CatalogQuery, cursor?: string): Promise<CatalogPage> {
  return needsSearch(query) ? search(query, cursor) : browse(query, cursor);
}

function filters(query: CatalogQuery) {
  return {
    ...(query.category ? { category: query.category } : {}),
    ...(query.level ? { level: query.level } : {}),
    ...(query.language ? { language: query.language } : {}),
  };
}

async function search(query: CatalogQuery, cursor?: string): Promise<CatalogPage> {
  const result = await unwrap(api.GET('/api/v1/search', {
    params: {
      query: {
        limit: PAGE_SIZE, ...filters(query),
        ...(query.q ? { q: query.q } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.tags.length > 0 ? { tags: query.tags } : {}),
        ...(cursor ? { cursor } : {}),
      },
    },
  }));
  return {
    entries: result.items.map((hit) => ({
      key: `${hit.kind}:${hit.id}`, kind: hit.kind, id: hit.id, courseId: hit.courseId, title: hit.title, snippet: { marked: hit.snippet },
      category: hit.category, level: hit.level, language: hit.language, tags: hit.tags,
    })),
    nextCursor: result.nextCursor,
    total: result.total,
    facets: result.facets,
    facetsCapped: result.facetsCapped,
  };
}

/** Browsing: the course listing, with facet counts of the same filters from the index. */
async function browse(query: CatalogQuery, cursor?: string): Promise<CatalogPage> {
  const [tag] = query.tags;
  const facetQuery = { limit: 1, ...filters(query), ...(tag ? { tags: [tag] } : {}) };
  const [listing, counts, kinds] = await Promise.all([
    unwrap(api.GET('/api/v1/courses', {
      params: {
        query: {
          limit: PAGE_SIZE,
          ...(query.category ? { category: query.category } : {}),
          ...(isLevel(query.level) ? { level: query.level } : {}),
          ...(query.language ? { language: query.language } : {}),
          ...(tag ? { tag } : {}),
          ...(cursor ? { cursor } : {}),
        },
      },
    })),
    unwrap(api.GET('/api/v1/search', { params: { query: { ...facetQuery, kind: 'course' } } })),
    // The counts per kind (courses, lessons) for the same filters, so "lessons" can be picked while browsing.
    unwrap(api.GET('/api/v1/search', { params: { query: facetQuery } })),
  ]);
  const courses = listing.items.filter((item): item is Extract<typeof item, { publishedAt: string }> => 'publishedAt' in item);
  return {
    entries: courses.map((course) => ({
      key: `course:${course.id}`, kind: 'course', id: course.id, courseId: course.id, title: course.title, snippet: { plain: course.summary },
      category: course.category, level: course.level, language: course.language, tags: course.tags,
    })),
    nextCursor: listing.nextCursor,
    total: null,
    facets: { ...counts.facets, kind: kinds.facets.kind },
    facetsCapped: counts.facetsCapped,
  };
}
