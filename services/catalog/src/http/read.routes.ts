import { Type } from '@sinclair/typebox';
import { AppError, decodeCursor, etagOf, hasPermission, Page, PageQuery, principalOf, toPage, type HttpApp, type ServiceContext } from '@tessera/platform';
import type { FastifyRequest } from 'fastify';
import { assertMayOpen, openVersion } from '../app/content-access.js';
import { catalogErrors } from '../app/errors.js';
import { getLesson } from '../app/lessons.js';
import { nextLesson, prerequisitesOf } from '../app/navigation.js';
import { currentPublishedCourse, publishedVersion } from '../app/published-reads.js';
import {
  CatalogPermissions, CourseStructure, CourseVersionSummary, Lesson, Prerequisites, PublishedCourse, TreeLesson, ViewQuery,
  type CourseStructure as Structure, type TreeModule,
} from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { findCourse } from '../db/course.repository.js';
import { courseOfPublishedLesson, listVersions } from '../db/version.repository.js';
import { draftView } from './course.routes.js';
import { contentReaderOf, CourseParams, LessonParams, readerOf, tags } from './support.js';

const read = CatalogPermissions.read;
const Uuid = Type.String({ format: 'uuid' });
const VersionQuery = Type.Object({
  view: ViewQuery.properties.view,
  version: Type.Optional(Type.Integer({ minimum: 1, description: 'A frozen version (a student in progress follows theirs)' })),
});
const PublishedLesson = Type.Object({ courseId: Uuid, version: Type.Integer(), moduleId: Uuid, ...TreeLesson.properties });
const locked = 'A paid course\'s content needs an enrollment in it (or, for a lesson, its purchase): otherwise 403 CATALOG.CONTENT_LOCKED with `courseId` and `lessonId`.';
const NextLesson = Type.Object({
  courseId: Uuid, version: Type.Integer(), lessonId: Uuid,
  next: Type.Union([Type.Object({ lessonId: Uuid, moduleId: Uuid, title: Type.String(), position: Type.Integer(), newModule: Type.Boolean() }), Type.Null()]),
});

/** Read paths students use: versions, structure, lessons, "what next", prerequisites. */
export async function readRoutes(app: HttpApp, context: ServiceContext): Promise<void> {
  app.get('/courses/:courseId/versions', {
    config: { permission: read },
    schema: { tags, summary: 'The published versions of a course, newest first', params: CourseParams, querystring: PageQuery, response: { 200: Page(CourseVersionSummary) } },
  }, async (request) => {
    const { tenantId } = principalOf(request);
    const { limit, cursor } = request.query;
    const before = cursor ? Number(decodeCursor(cursor, 1, ([v]) => Number.isInteger(v) && Number(v) > 0)[0]) : undefined;
    const rows = await context.db.withTenant<CatalogDatabase, Awaited<ReturnType<typeof listVersions>>>(tenantId, async (tx) => {
      if (!(await findCourse(tx, tenantId, request.params.courseId, false))) throw catalogErrors.courseNotFound(request.params.courseId);
      return listVersions(tx, tenantId, request.params.courseId, limit + 1, before);
    });
    return toPage(rows, limit, (row) => [row.version], (row) => row);
  });

  app.get('/courses/:courseId/versions/:version', {
    config: { permission: read },
    schema: {
      tags, summary: 'A frozen published version (students keep the version they enrolled in)', description: locked,
      params: Type.Object({ courseId: Uuid, version: Type.Integer({ minimum: 1 }) }), response: { 200: PublishedCourse },
    },
  }, async (request) => {
    const { tenantId } = principalOf(request);
    const course = await publishedVersion(context, tenantId, request.params.courseId, request.params.version);
    await assertMayOpen(context, tenantId, contentReaderOf(request), { course, current: false }, null);
    return course;
  });

  app.get('/courses/:courseId/structure', {
    config: { permission: read },
    schema: {
      tags, summary: 'Modules and lessons of the published version (or a given version, or the draft for authors)',
      params: CourseParams, querystring: VersionQuery, response: { 200: CourseStructure },
    },
  }, async (request) => {
    const { tenantId } = principalOf(request);
    const { courseId } = request.params;
    if (request.query.view === 'draft') {
      const draft = await draftView(context, request, tenantId, courseId);
      return structureOf(courseId, draft.version, draft.modules);
    }
    const course = request.query.version === undefined
      ? await currentPublishedCourse(context, tenantId, courseId) : await publishedVersion(context, tenantId, courseId, request.query.version);
    return structureOf(courseId, course.version, course.modules);
  });

  app.get('/lessons/:lessonId', {
    config: { permission: read },
    schema: {
      tags, summary: 'A lesson with its content as published (or of a given version); view=draft: the draft lesson (authors)', description: locked,
      params: LessonParams, querystring: VersionQuery, response: { 200: Type.Union([PublishedLesson, Lesson]) },
    },
  }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const { lessonId } = request.params;
    if (request.query.view === 'draft') {
      assertAuthor(request);
      const lesson = await getLesson(context.db, tenantId, lessonId, readerOf(request));
      return reply.header('etag', etagOf(lesson.version)).send(lesson);
    }
    const courseId = await context.db.withTenant<CatalogDatabase, string | undefined>(tenantId, (tx) => courseOfPublishedLesson(tx, tenantId, lessonId));
    if (!courseId) throw catalogErrors.lessonNotFound(lessonId);
    const opened = await openVersion(context, tenantId, courseId, request.query.version);
    for (const module of opened.course.modules) {
      const lesson = module.lessons.find((l) => l.id === lessonId);
      if (!lesson) continue;
      await assertMayOpen(context, tenantId, contentReaderOf(request), opened, lessonId);
      return { courseId, version: opened.course.version, moduleId: module.id, ...lesson };
    }
    throw catalogErrors.lessonNotFound(lessonId);
  });

  app.get('/lessons/:lessonId/next', {
    config: { permission: read },
    schema: {
      tags, summary: 'The lesson after this one in the published course (or a given version); next is null after the last',
      params: LessonParams, querystring: Type.Object({ version: VersionQuery.properties.version }), response: { 200: NextLesson },
    },
  }, async (request) => nextLesson(context, principalOf(request).tenantId, request.params.lessonId, request.query.version));

  app.get('/content/:kind/:id/prerequisites', {
    config: { permission: read },
    schema: {
      tags, summary: 'Skills a course, lesson or skill requires, transitively, that it does not teach itself',
      params: Type.Object({ kind: Type.Union([Type.Literal('course'), Type.Literal('lesson'), Type.Literal('skill')]), id: Uuid }),
      querystring: ViewQuery, response: { 200: Prerequisites },
    },
  }, async (request) => {
    const draft = request.query.view === 'draft';
    if (draft) assertAuthor(request);
    return prerequisitesOf(context, principalOf(request).tenantId, request.params.kind, request.params.id, draft ? readerOf(request) : null);
  });
}

function structureOf(courseId: string, version: number, modules: readonly TreeModule[]): Structure {
  return {
    courseId, version,
    modules: modules.map((m) => ({
      id: m.id, title: m.title, position: m.position,
      lessons: m.lessons.map((l) => ({ id: l.id, title: l.title, position: l.position, skills: l.skills })),
    })),
  };
}

/** The caller as a reader of published content: authors and reviewers open paid courses without a grant. */
function assertAuthor(request: FastifyRequest): void {
  if (hasPermission(request, CatalogPermissions.author) || hasPermission(request, CatalogPermissions.review)) return;
  throw new AppError('forbidden', 'AUTH.FORBIDDEN', 'Reading drafts requires catalog.content.author or catalog.content.review');
}
