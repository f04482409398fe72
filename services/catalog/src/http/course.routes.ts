import { Type } from '@sinclair/typebox';
import { actingUserId, AppError, decodeCursor, etagOf, hasPermission, type HttpApp, Page, principalOf, sendJsonText, type ServiceContext, toPage, versionFromIfMatch } from '@tessera/platform';
import type { FastifyRequest } from 'fastify';
import { changeInstructors, createCourse, listInstructors, updateCourse } from '../app/courses.js';
import { catalogErrors } from '../app/errors.js';
import { draftTreeOf } from '../app/course-tree.js';
import { mayOpenCourse, outlineOf } from '../app/content-access.js';
import { currentPublishedCourseJson } from '../app/published-reads.js';
import {
  AddInstructorBody, CatalogPermissions, Course, CourseListQuery, CourseSummary, CourseView, CreateCourseBody, DraftCourseSummary,
  UpdateCourseBody, ViewQuery, type Course as CourseType, type DraftCourse, type PublishedCourse,
} from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { findCourse, listDraftCourses, toCourse } from '../db/course.repository.js';
import { listPublished } from '../db/listing.repository.js';
import { contentReaderOf, CourseParams, editorOf, IfMatch, mayReadDrafts, tags } from './support.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** List cursors are (timestamp, id) of the last course of the previous page. */
const isTimeCursor = ([at, id]: Array<string | number>) => typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && UUID.test(id);
const Instructors = Type.Object({ courseId: Type.String({ format: 'uuid' }), instructors: Type.Array(Type.String({ format: 'uuid' })) });

/** Course drafts and their published view: create, list, read, change, co-authors. */
export async function courseRoutes(app: HttpApp, context: ServiceContext): Promise<void> {
  app.post('/courses', {
    config: { idempotent: true, permission: CatalogPermissions.author },
    schema: { tags, summary: 'Create a draft course (the caller becomes its first instructor)', body: CreateCourseBody, response: { 201: Course } },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const course = await createCourse(context.db, principal.tenantId, actingUserId(principal), request.body);
    return reply.code(201).header('etag', etagOf(course.version)).header('location', `/api/v1/courses/${course.id}`).send(course);
  });

  app.get('/courses', {
    config: { permission: CatalogPermissions.read },
    schema: {
      tags, summary: 'List published courses (filters), or with view=draft the drafts one co-authors (all for admins)',
      querystring: CourseListQuery, response: { 200: Type.Union([Page(CourseSummary), Page(DraftCourseSummary)]) },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const { tenantId } = principal;
    const { limit, cursor, view, ...filter } = request.query;
    const after = cursor ? decodeCursor(cursor, 2, isTimeCursor) : undefined;
    if (view === 'draft') {
      if (!mayReadDrafts(request)) throw forbiddenDrafts();
      const manageAll = hasPermission(request, CatalogPermissions.manageAll);
      // Without manage_all, the drafts one co-authors; an API key co-authors none.
      if (!manageAll && principal.kind !== 'user') return { items: [], nextCursor: null };
      const userId = manageAll ? null : principal.subject;
      const rows = await context.db.withTenant<CatalogDatabase, Awaited<ReturnType<typeof listDraftCourses>>>(tenantId, (tx) =>
        listDraftCourses(tx, tenantId, { userId, status: filter.status, limit: limit + 1, after: after && { createdAt: String(after[0]), id: String(after[1]) } }));
      return toPage(rows, limit, (row) => [row.created_at.toISOString(), row.id], (row) => toCourse(row, []));
    }
    const rows = await context.db.withTenant<CatalogDatabase, Awaited<ReturnType<typeof listPublished>>>(tenantId, (tx) =>
      listPublished(tx, { tenantId }, filter, limit + 1, after && { publishedAt: String(after[0]), id: String(after[1]) }));
    return toPage(rows, limit, (row) => [row.publishedAt, row.id], (row) => row);
  });

  app.get('/courses/:courseId', {
    config: { permission: CatalogPermissions.read },
    schema: {
      tags, summary: 'The published version students see; with view=draft the draft with its tree (authors, reviewers)',
      description: 'A paid course shows its lessons\' content only to staff and students with a place in it; others get its outline (lessons without blocks).',
      params: CourseParams, querystring: ViewQuery, response: { 200: CourseView },
    },
  }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    if (request.query.view !== 'draft') {
      // The hot read of the catalog: the cached JSON text as it is (it was a PublishedCourse when cached). A paid
      // course's text is parsed to check the reader: without a place in it they see its outline only.
      const json = await currentPublishedCourseJson(context, tenantId, request.params.courseId);
      if (!mayBePaid(json)) return sendJsonText(reply, json);
      const course = JSON.parse(json) as PublishedCourse;
      if (await mayOpenCourse(context, tenantId, contentReaderOf(request), { course, current: true })) return sendJsonText(reply, json);
      return outlineOf(course);
    }
    const draft = await draftView(context, request, tenantId, request.params.courseId);
    return reply.header('etag', etagOf(draft.version)).send(draft);
  });

  app.patch('/courses/:courseId', {
    config: { permission: CatalogPermissions.author },
    schema: {
      tags, summary: 'Change a course draft (requires If-Match; a published course becomes a new draft)',
      params: CourseParams, headers: IfMatch, body: UpdateCourseBody, response: { 200: Course },
    },
  }, async (request, reply) => {
    const course = await updateCourse(context.db, principalOf(request).tenantId, {
      id: request.params.courseId, changes: request.body, expectedVersion: versionFromIfMatch(request), editor: editorOf(request),
    });
    return reply.header('etag', etagOf(course.version)).send(course);
  });

  app.get('/courses/:courseId/instructors', {
    config: { permission: CatalogPermissions.read },
    schema: { tags, summary: 'The instructors (co-authors) of a course', params: CourseParams, response: { 200: Instructors } },
  }, async (request) => ({
    courseId: request.params.courseId,
    instructors: await listInstructors(context.db, principalOf(request).tenantId, request.params.courseId),
  }));

  app.post('/courses/:courseId/instructors', {
    config: { permission: CatalogPermissions.author },
    schema: { tags, summary: 'Add a co-author (co-authors and admins only)', params: CourseParams, body: AddInstructorBody, response: { 200: Instructors } },
  }, async (request) => ({
    courseId: request.params.courseId,
    instructors: await changeInstructors(context.db, principalOf(request).tenantId, {
      courseId: request.params.courseId, userId: request.body.userId, add: true, editor: editorOf(request),
    }),
  }));

  app.delete('/courses/:courseId/instructors/:userId', {
    config: { permission: CatalogPermissions.author },
    schema: {
      tags, summary: 'Remove a co-author (not the last one)',
      params: Type.Object({ courseId: Type.String({ format: 'uuid' }), userId: Type.String({ format: 'uuid' }) }), response: { 200: Instructors },
    },
  }, async (request) => ({
    courseId: request.params.courseId,
    instructors: await changeInstructors(context.db, principalOf(request).tenantId, {
      courseId: request.params.courseId, userId: request.params.userId, add: false, editor: editorOf(request),
    }),
  }));
}

/** A draft with its tree, for its co-authors, reviewers and admins. */
export async function draftView(context: ServiceContext, request: FastifyRequest, tenantId: string, courseId: string): Promise<DraftCourse> {
  if (!mayReadDrafts(request)) throw forbiddenDrafts();
  // One transaction, so the tree is the one the course's version (the ETag) describes.
  const draft = await context.db.withTenant<CatalogDatabase, DraftCourse | undefined>(tenantId, async (tx) => {
    const course = await findCourse(tx, tenantId, courseId, false);
    return course && { ...course, modules: await draftTreeOf(tx, tenantId, courseId) };
  });
  if (!draft) throw catalogErrors.courseNotFound(courseId);
  assertDraftReader(request, draft);
  return draft;
}

function assertDraftReader(request: FastifyRequest, course: CourseType): void {
  if (hasPermission(request, CatalogPermissions.review) || hasPermission(request, CatalogPermissions.manageAll)) return;
  if (course.instructors.includes(principalOf(request).subject)) return;
  throw new AppError('forbidden', 'AUTH.NOT_OWNER', `Only instructors of course ${course.id} and reviewers may read its draft`);
}

function forbiddenDrafts(): AppError {
  return new AppError('forbidden', 'AUTH.FORBIDDEN', 'Reading drafts requires catalog.content.author or catalog.content.review');
}

/** False only when the course is surely free: its JSON names no price (`"priceRef":null`, as JSON.stringify writes it). */
function mayBePaid(json: string): boolean {
  return !json.includes('"priceRef":null');
}
