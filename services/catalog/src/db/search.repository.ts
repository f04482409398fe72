import type { Tx } from '@tessera/platform';
import { sql, type RawBuilder } from 'kysely';
import type { PublishedCourse, SearchFacets, SearchQuery } from '../contract/index.js';
import type { CatalogDatabase } from './catalog.table.js';
import { plainTextOf } from '../domain/rich-text.js';
import type { ItemSearchDocument } from '../items/item-search.js';
import { tenantIsActive } from './active-tenants.js';

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
  await sql`delete from catalog.search_documents where tenant_id = ${tenantId} and id = ${item.id} and kind = 'item'`.execute(tx);
  await sql`
    insert into catalog.search_documents (id, tenant_id, kind, course_id, version, visibility, title, summary, body, skills, published_at)
    values (${item.id}, ${tenantId}, 'item', null, ${item.version}, 'tenant', ${item.title}, ${item.summary}, ${item.body},
            ${sql.val(item.skills)}::uuid[], ${item.publishedAt}::timestamptz)`.execute(tx);
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

/**
 * Ranked hits and facets. `scope` is the tenant (its own catalog: public and tenant courses with their
 * lessons, and its published items) or 'public' (the public courses and their lessons of every active
 * tenant; run as the system, since RLS would confine it to one tenant).
 */
export async function searchDocuments(
  tx: Db, scope: SearchScope, query: SearchQuery, tsquery: string | null, offset: number,
): Promise<{ hits: HitRow[]; total: number; facets: SearchFacets }> {
  const where = conditions(scope, query, tsquery);
  const q = tsquery === null ? sql`null::tsquery` : sql`to_tsquery('simple', ${tsquery})`;
  const rank = tsquery === null ? sql`0::real` : sql`ts_rank(d.document, q.query, 1)`;
  const snippet = tsquery === null ? sql`left(d.summary, 200)`
    : sql`ts_headline('simple', d.summary || ' ' || d.body, q.query, ${`StartSel=${MATCH_START},StopSel=${MATCH_STOP},MaxWords=30,MinWords=10,MaxFragments=2`})`;
  const { rows: hits } = await sql<HitRow>`
    with q as (select ${q} as query)
    select d.kind, d.id, d.course_id, d.tenant_id, d.version, d.title, ${snippet} as snippet, ${rank}::float8 as score,
           d.category, d.level, d.language, d.tags
    from catalog.search_documents d, q
    where ${where}
    order by score desc, d.published_at desc, d.id
    limit ${query.limit + 1} offset ${offset}`.execute(tx);
  return { hits, ...(await facetsOf(tx, where, q)) };
}

async function facetsOf(tx: Db, where: RawBuilder<unknown>, q: RawBuilder<unknown>): Promise<{ total: number; facets: SearchFacets }> {
  const { rows } = await sql<{ facet: keyof SearchFacets | 'total'; value: string | null; count: number }>`
    with q as (select ${q} as query),
    matches as (select d.kind, d.category, d.level, d.language, d.tags from catalog.search_documents d, q where ${where})
    select 'total' as facet, null as value, count(*)::int as count from matches
    union all select 'kind', kind, count(*)::int from matches group by kind
    union all select 'category', category, count(*)::int from matches where category is not null group by category
    union all select 'level', level, count(*)::int from matches group by level
    union all select 'language', language, count(*)::int from matches group by language
    union all select 'tags', tag, count(*)::int from matches, unnest(tags) as tag group by tag`.execute(tx);
  const facets: SearchFacets = { category: [], level: [], language: [], tags: [], kind: [] };
  let total = 0;
  for (const row of rows) {
    if (row.facet === 'total') total = row.count;
    else if (row.value !== null) facets[row.facet].push({ value: row.value, count: row.count });
  }
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  facets.tags = facets.tags.slice(0, 30);
  return { total, facets };
}

function conditions(scope: SearchScope, query: SearchQuery, tsquery: string | null): RawBuilder<unknown> {
  const parts: Array<RawBuilder<unknown>> = [];
  // Items are never public (the table's check says so too); suspended and deleted tenants leave the public catalog.
  if (scope === 'public') parts.push(sql`d.visibility = 'public'`, sql`d.kind in ('course', 'lesson')`, tenantIsActive('d.tenant_id'));
  else parts.push(sql`d.tenant_id = ${scope.tenantId}`, sql`d.visibility in ('public', 'tenant')`);
  // Items are the question bank: only its readers find them (students meet items in lessons, not ahead of them).
  if (scope !== 'public' && !scope.items) parts.push(sql`d.kind <> 'item'`);
  if (tsquery !== null) parts.push(sql`d.document @@ q.query`);
  if (query.kind) parts.push(sql`d.kind = ${query.kind}`);
  if (query.category) parts.push(sql`d.category = ${query.category}`);
  if (query.level) parts.push(sql`d.level = ${query.level}`);
  if (query.language) parts.push(sql`d.language = ${query.language}`);
  if (query.tags?.length) parts.push(sql`d.tags @> ${sql.val(query.tags)}::text[]`);
  if (query.skills?.length) parts.push(sql`d.skills && ${sql.val(query.skills)}::uuid[]`);
  return sql.join(parts, sql` and `);
}
