import type { Tx } from '@tessera/platform';
import type { CourseSummary } from '../contract/index.js';
import { tenantIsActive } from './active-tenants.js';
import type { CatalogDatabase } from './catalog.table.js';

type Db = Tx<CatalogDatabase>;

/** Filters of a catalog listing. */
export interface ListingFilter {
  category?: string | undefined;
  level?: string | undefined;
  language?: string | undefined;
  tag?: string | undefined;
}

/**
 * Published courses, newest first, from the course rows of the search index (exactly the courses whose
 * current version is published and not archived). `scope` is a tenant's catalog (public and tenant
 * courses) or the public catalog of every active tenant (run as the system).
 */
export async function listPublished(
  tx: Db, scope: { tenantId: string } | 'public', filter: ListingFilter, limit: number, after?: { publishedAt: string; id: string },
): Promise<Array<CourseSummary & { tenantId: string }>> {
  let query = tx.selectFrom('catalog.search_documents')
    .select(['id', 'tenant_id', 'version', 'title', 'summary', 'category', 'language', 'level', 'tags', 'price_ref', 'visibility', 'published_at'])
    .where('kind', '=', 'course').orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit)
    // Course rows always have a level and a language (the table's check constraint); only item rows lack them.
    .$narrowType<{ level: string; language: string }>();
  query = scope === 'public' ? query.where('visibility', '=', 'public').where(tenantIsActive('catalog.search_documents.tenant_id'))
    : query.where('tenant_id', '=', scope.tenantId).where('visibility', 'in', ['public', 'tenant']);
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.language) query = query.where('language', '=', filter.language);
  if (filter.tag) {
    const tag = filter.tag;
    query = query.where((eb) => eb(eb.val(tag), '=', eb.fn.any('tags')));
  }
  if (after) {
    query = query.where((eb) => eb.or([
      eb('published_at', '<', new Date(after.publishedAt)),
      eb.and([eb('published_at', '=', new Date(after.publishedAt)), eb('id', '<', after.id)]),
    ]));
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    tenantId: r.tenant_id, id: r.id, version: r.version, title: r.title, summary: r.summary, category: r.category, language: r.language,
    level: r.level, tags: r.tags, priceRef: r.price_ref, visibility: r.visibility as CourseSummary['visibility'], publishedAt: r.published_at.toISOString(),
  }));
}
