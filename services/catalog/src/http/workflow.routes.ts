import { Type } from '@sinclair/typebox';
import { actingUserId, etagOf, type HttpApp, principalOf, type ServiceContext, versionFromIfMatch } from '@tessera/platform';
import { publishCourse } from '../app/publish-course.js';
import { archiveCourse, rejectReview, reviewHistory, submitForReview } from '../app/workflow.js';
import { CatalogPermissions, Course, PublishedCourse, RejectBody, ReviewBody, ReviewEntry } from '../contract/index.js';
import { CourseParams, editorOf, IfMatch, optionalBody, readerOf, tags } from './support.js';

const review = CatalogPermissions.review;
const Problems = 'An invalid course is refused with 422 and `problems`, one entry per problem (all of them).';

/**
 * The review workflow: draft → in_review → published, rejected back to draft, archived; who and when is logged.
 * Co-authors submit; reviewers (catalog.content.review: admins, not the instructors who write courses) approve,
 * reject, publish and archive.
 */
export async function workflowRoutes(app: HttpApp, context: ServiceContext): Promise<void> {
  app.post('/courses/:courseId/review', {
    preValidation: optionalBody,
    config: { permission: CatalogPermissions.author },
    schema: {
      tags, summary: 'Submit a draft for review (co-authors; requires If-Match of the course)', params: CourseParams, headers: IfMatch,
      body: ReviewBody, response: { 200: Course },
    },
  }, async (request, reply) => {
    const { tenantId, subject } = principalOf(request);
    const course = await submitForReview(context, tenantId, {
      courseId: request.params.courseId, expectedVersion: versionFromIfMatch(request), actorId: subject, comment: request.body.comment, editor: editorOf(request),
    });
    return reply.header('etag', etagOf(course.version)).send(course);
  });

  app.get('/courses/:courseId/review', {
    config: { permission: CatalogPermissions.author },
    schema: { tags, summary: 'The review history of a course (its co-authors and reviewers)', params: CourseParams, response: { 200: Type.Object({ items: Type.Array(ReviewEntry) }) } },
  }, async (request) => ({ items: await reviewHistory(context, principalOf(request).tenantId, request.params.courseId, readerOf(request)) }));

  app.post('/courses/:courseId/review/approve', {
    preValidation: optionalBody,
    config: { permission: review },
    schema: {
      tags, summary: 'Approve a course in review: publishes it as the next version', description: Problems,
      params: CourseParams, headers: IfMatch, body: ReviewBody, response: { 200: PublishedCourse },
    },
  }, async (request) => publishCourse(context, principalOf(request).tenantId, {
    courseId: request.params.courseId, expectedVersion: versionFromIfMatch(request), actorId: actingUserId(principalOf(request)), via: 'approve', comment: request.body.comment,
  }));

  app.post('/courses/:courseId/review/reject', {
    config: { permission: review },
    schema: { tags, summary: 'Send a course in review back to draft, saying why', params: CourseParams, headers: IfMatch, body: RejectBody, response: { 200: Course } },
  }, async (request, reply) => {
    const { tenantId, subject } = principalOf(request);
    const course = await rejectReview(context, tenantId, {
      courseId: request.params.courseId, expectedVersion: versionFromIfMatch(request), actorId: subject, comment: request.body.comment,
    });
    return reply.header('etag', etagOf(course.version)).send(course);
  });

  app.post('/courses/:courseId/publish', {
    preValidation: optionalBody,
    config: { permission: review },
    schema: {
      tags, summary: 'Publish a draft (or a course in review) as the next version', description: Problems,
      params: CourseParams, headers: IfMatch, body: ReviewBody, response: { 200: PublishedCourse },
    },
  }, async (request) => publishCourse(context, principalOf(request).tenantId, {
    courseId: request.params.courseId, expectedVersion: versionFromIfMatch(request), actorId: actingUserId(principalOf(request)), via: 'publish', comment: request.body.comment,
  }));

  app.post('/courses/:courseId/archive', {
    preValidation: optionalBody,
    config: { permission: review },
    schema: {
      tags, summary: 'Archive a course: it leaves catalogs and search; enrolled students keep their version',
      params: CourseParams, headers: IfMatch, body: ReviewBody, response: { 200: Course },
    },
  }, async (request, reply) => {
    const { tenantId, subject } = principalOf(request);
    const course = await archiveCourse(context, tenantId, {
      courseId: request.params.courseId, expectedVersion: versionFromIfMatch(request), actorId: subject, comment: request.body.comment,
    });
    return reply.header('etag', etagOf(course.version)).send(course);
  });
}
