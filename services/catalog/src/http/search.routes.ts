import { Type } from '@sinclair/typebox';
import { decodeCursor, hasPermission, Page, principalOf, PUBLIC, toPage, type HttpApp, type ServiceContext } from '@tessera/platform';
import { outlineOf } from '../app/content-access.js';
import { catalogErrors } from '../app/errors.js';
import { currentPublishedCourse } from '../app/published-reads.js';
import { searchCatalog } from '../app/search.js';
import { CatalogPermissions, CourseListQuery, PublicCourse, PublicCourseSummary, SEARCH_MATCH_CAP, SearchQuery, SearchResult } from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { tenantIsActive } from '../db/active-tenants.js';
import { listPublished } from '../db/listing.repository.js';
import { CourseParams, tags } from './support.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isTimeCursor = ([at, id]: Array<string | number>) => typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && UUID.test(id);
const PublicListQuery = Type.Omit(CourseListQuery, ['view', 'status']);
const rankingNote = 'Every word matches as a prefix, ranked (title over summary over body), '
  + 'with facets over all matches and snippets whose matches are in <mark> (the rest is HTML-escaped). '
  + `Total and facet counts are exact up to ${SEARCH_MATCH_CAP} matches; past that, facetsCapped is true, total is ${SEARCH_MATCH_CAP} `
  + `and facets count the first ${SEARCH_MATCH_CAP} matches (title matches first), among which the hits are ranked. `
  + 'Snippets come from the first 5,000 characters of a document.';
const tenantSearchNote = `Full text over the tenant's published courses, their lessons and, for readers of the question bank `
  + `(catalog.items.read; not students), its published items (kind=item: title, question and choices as students see them; `
  + `never drafts, answers, feedback or hints). ${rankingNote}`;
// Enterprise tenants keep their content in their own database, which these cross-tenant reads do not visit.
const publicNote = 'Public courses of active tenants of the shared database only: suspended and deleted tenants are left out, and '
  + 'so are enterprise tenants (their content lives in a database of their own).';
const publicSearchNote = `Full text over public courses and their lessons (never items). ${rankingNote} ${publicNote}`;

/** Search in the own tenant's catalog, and the public catalog of every tenant (no token needed). */
export async function searchRoutes(app: HttpApp, context: ServiceContext): Promise<void> {
  app.get('/search', {
    config: { permission: CatalogPermissions.read },
    schema: { tags, summary: 'Search the tenant\'s published courses, lessons and items', description: tenantSearchNote, querystring: SearchQuery, response: { 200: SearchResult } },
  }, async (request) => searchCatalog(context, { tenantId: principalOf(request).tenantId, items: hasPermission(request, CatalogPermissions.itemsRead) }, request.query));

  app.get('/public/search', {
    config: { permission: PUBLIC },
    schema: { tags, summary: 'Search the public courses of every tenant', description: publicSearchNote, querystring: SearchQuery, response: { 200: SearchResult } },
  }, async (request) => searchCatalog(context, 'public', request.query));

  app.get('/public/courses', {
    config: { permission: PUBLIC },
    schema: { tags, summary: 'The public catalog: public courses of every tenant, newest first', description: publicNote, querystring: PublicListQuery, response: { 200: Page(PublicCourseSummary) } },
  }, async (request) => {
    const { limit, cursor, ...filter } = request.query;
    const after = cursor ? decodeCursor(cursor, 2, isTimeCursor) : undefined;
    // Across tenants, so as the system; the query keeps to public rows of active tenants.
    const rows = await context.db.withSystem<CatalogDatabase, Awaited<ReturnType<typeof listPublished>>>((tx) =>
      listPublished(tx, 'public', filter, limit + 1, after && { publishedAt: String(after[0]), id: String(after[1]) }));
    return toPage(rows, limit, (row) => [row.publishedAt, row.id], (row) => row);
  });

  app.get('/public/courses/:courseId', {
    config: { permission: PUBLIC },
    schema: {
      tags, summary: 'A public course as published', description: publicNote, params: CourseParams,
      response: { 200: PublicCourse },
    },
  }, async (request) => {
    const { courseId } = request.params;
    const row = await context.db.withSystem<CatalogDatabase, { tenant_id: string } | undefined>((tx) => tx.selectFrom('catalog.search_documents')
      .select('tenant_id').where('id', '=', courseId).where('kind', '=', 'course').where('visibility', '=', 'public')
      .where(tenantIsActive('catalog.search_documents.tenant_id')).executeTakeFirst());
    if (!row) throw catalogErrors.courseNotFound(courseId);
    const course = await currentPublishedCourse(context, row.tenant_id, courseId);
    // The index row and the cached version agree unless a publish changed the visibility in between.
    if (course.visibility !== 'public') throw catalogErrors.courseNotFound(courseId);
    // Anyone may read a public course, so a paid one shows its outline only (its lessons need a place or a purchase).
    const { instructors: _instructors, publishedBy: _publishedBy, ...shown } = course.priceRef === null ? course : outlineOf(course);
    return { tenantId: row.tenant_id, ...shown };
  });
}
