import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { actingUserId, etagOf, type HttpApp, principalOf, type ServiceContext, versionFromIfMatch } from '@tessera/platform';
import { publishCourse } from '../app/publish-course.js';
import { archiveCourse, rejectReview, reviewHistory, submitForReview } from '../app/workflow.js';
import { CatalogPermissions, Course, PublishedCourse, RejectBody, ReviewBody, ReviewEntry } from '../contract/index.js';
import { CourseParams, editorOf, IfMatch, readerOf, tags } from './support.js';

const review = CatalogPermissions.review;
const Problems = 'An invalid course is refused with 422 and `problems`, one entry per problem (all of them).';

/**
 * A workflow step on the course the path names, at the version the caller read, by the caller (null for an
 * API key, which is no user), with the comment it sent.
 */
function stepOf(request: FastifyRequest & { params: { courseId: string }; body: { comment?: string | undefined } }) {
  return {
    courseId: request.params.courseId,
    expectedVersion: versionFromIfMatch(request),
    actorId: actingUserId(principalOf(request)),
    comment: request.body.comment,
  };
}

/**
 * The review workflow: draft → in_review → published, rejected back to draft, archived; who and when is logged.
 * Co-authors submit; reviewers (catalog.content.review: admins, not the instructors who write courses) approve,
 * reject, publish and archive.
 */
export async function workflowRoutes(app: HttpApp, context: ServiceContext): Promise<void> {
  app.post('/courses/:courseId/review', {
    config: { permission: CatalogPermissions.author, optionalBody: true },
    schema: {
      tags, summary: 'Submit a draft for review (co-authors; requires If-Match of the course)', params: CourseParams, headers: IfMatch,
      body: ReviewBody, response: { 200: Course },
    },
  }, async (request, reply) => {
    const course = await submitForReview(context, principalOf(request).tenantId, { ...stepOf(request), editor: editorOf(request) });
    return reply.header('etag', etagOf(course.version)).send(course);
  });

  app.get('/courses/:courseId/review', {
    config: { permission: CatalogPermissions.author },
    schema: { tags, summary: 'The review history of a course (its co-authors and reviewers)', params: CourseParams, response: { 200: Type.Object({ items: Type.Array(ReviewEntry) }) } },
  }, async (request) => ({ items: await reviewHistory(context, principalOf(request).tenantId, request.params.courseId, readerOf(request)) }));

  app.post('/courses/:courseId/review/approve', {
    config: { permission: review, optionalBody: true },
    schema: {
      tags, summary: 'Approve a course in review: publishes it as the next version', description: Problems,
      params: CourseParams, headers: IfMatch, body: ReviewBody, response: { 200: PublishedCourse },
    },
  }, async (request) => publishCourse(context, principalOf(request).tenantId, { ...stepOf(request), via: 'approve' }));

  app.post('/courses/:courseId/review/reject', {
    config: { permission: review },
    schema: { tags, summary: 'Send a course in review back to draft, saying why', params: CourseParams, headers: IfMatch, body: RejectBody, response: { 200: Course } },
  }, async (request, reply) => {
    const course = await rejectReview(context, principalOf(request).tenantId, { ...stepOf(request), comment: request.body.comment });
    return reply.header('etag', etagOf(course.version)).send(course);
  });

  app.post('/courses/:courseId/publish', {
    config: { permission: review, optionalBody: true },
    schema: {
      tags, summary: 'Publish a draft (or a course in review) as the next version', description: Problems,
      params: CourseParams, headers: IfMatch, body: ReviewBody, response: { 200: PublishedCourse },
    },
  }, async (request) => publishCourse(context, principalOf(request).tenantId, { ...stepOf(request), via: 'publish' }));

  app.post('/courses/:courseId/archive', {
    config: { permission: review, optionalBody: true },
    schema: {
      tags, summary: 'Archive a course: it leaves catalogs and search; enrolled students keep their version',
      params: CourseParams, headers: IfMatch, body: ReviewBody, response: { 200: Course },
    },
  }, async (request, reply) => {
    const course = await archiveCourse(context, principalOf(request).tenantId, stepOf(request));
    return reply.header('etag', etagOf(course.version)).send(course);
  });
}
