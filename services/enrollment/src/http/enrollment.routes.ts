import { Type } from '@sinclair/typebox';
import { actingUserId, AppError, etagOf, hasPermission, Page, PageQuery, personOf, principalOf, toPage, type HttpApp } from '@tessera/platform';
import { cancelEnrollment } from '../app/change-status.js';
import type { EnrollmentDeps } from '../app/deps.js';
import { enroll } from '../app/enroll.js';
import { getEnrollment, listMyCourses, listOwnEnrollments } from '../app/read-enrollments.js';
import { EnrollBody, Enrollment, EnrollmentPermissions, MyCourse, StatusFilterQuery } from '../contract/index.js';
import { afterOf, mayCancel, mayRead } from './access.js';

const tags = ['enrollment'];
const CourseParams = Type.Object({ courseId: Type.String({ format: 'uuid' }) });
const EnrollmentParams = Type.Object({ enrollmentId: Type.String({ format: 'uuid' }) });

/** Enrolling, reading and cancelling enrollments, and the student's own course list. */
export async function enrollmentRoutes(app: HttpApp, deps: EnrollmentDeps): Promise<void> {
  app.post('/courses/:courseId/enroll', {
    // A request without a body enrolls the caller.
    config: { idempotent: true, permission: EnrollmentPermissions.self, optionalBody: true },
    schema: {
      tags,
      summary: 'Enroll yourself, or (with enrollment.manage) another user, in the latest published version of a course',
      description: 'Free course: active at once. Paid: pending_payment until billing captures the payment. Full course: '
        + 'waitlisted when it has a waitlist, 409 ENROLLMENT.COURSE_FULL otherwise. Outside the enrollment window: 422. '
        + 'Already enrolled: 409 ENROLLMENT.ALREADY_ENROLLED with the enrollmentId. Staff enrollments are complimentary and ignore the window.',
      params: CourseParams,
      body: EnrollBody,
      response: { 201: Enrollment },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const userId = request.body.userId ?? personOf(request).subject;
    const forOther = userId !== principal.subject;
    if (forOther && !hasPermission(request, EnrollmentPermissions.manage)) {
      throw new AppError('forbidden', 'AUTH.PERMISSION_REQUIRED', `Enrolling another user needs the permission "${EnrollmentPermissions.manage}"`);
    }
    const enrollment = await enroll(deps, principal.tenantId, { courseId: request.params.courseId, userId, enrolledBy: forOther ? actingUserId(principal) : null, grant: forOther });
    return reply.code(201).header('etag', etagOf(enrollment.version)).header('location', `/api/v1/enrollments/${enrollment.id}`).send(enrollment);
  });

  app.get('/enrollments', {
    config: { permission: EnrollmentPermissions.self },
    schema: { tags, summary: 'Your enrollments, newest first', querystring: PageQuery, response: { 200: Page(Enrollment) } },
  }, async (request) => {
    const principal = personOf(request);
    const { limit, cursor } = request.query;
    const rows = await listOwnEnrollments(deps, principal.tenantId, principal.subject, { limit, after: afterOf(cursor) });
    return toPage(rows, limit, (row) => [row.requestedAt, row.id], (row) => row);
  });

  app.get('/enrollments/:enrollmentId', {
    config: { permission: EnrollmentPermissions.self },
    schema: { tags, summary: 'An enrollment (your own; staff with enrollment.roster.read: any)', params: EnrollmentParams, response: { 200: Enrollment } },
  }, async (request, reply) => {
    const enrollment = await getEnrollment(deps, principalOf(request).tenantId, request.params.enrollmentId, mayRead(request));
    return reply.header('etag', etagOf(enrollment.version)).send(enrollment);
  });

  app.post('/enrollments/:enrollmentId/cancel', {
    config: { permission: EnrollmentPermissions.self },
    schema: {
      tags,
      summary: 'Cancel an enrollment (your own; staff with enrollment.manage: any)',
      description: 'A freed seat goes to the first student on the waitlist in the same transaction. An enrollment that is already completed, cancelled or expired: 409 with its currentStatus.',
      params: EnrollmentParams,
      response: { 200: Enrollment },
    },
  }, async (request, reply) => {
    const enrollment = await cancelEnrollment(deps, principalOf(request).tenantId, request.params.enrollmentId, mayCancel(request));
    return reply.header('etag', etagOf(enrollment.version)).send(enrollment);
  });

  app.get('/me/courses', {
    config: { permission: EnrollmentPermissions.self },
    schema: { tags, summary: 'Your courses with your progress, newest enrollment first', querystring: StatusFilterQuery, response: { 200: Page(MyCourse) } },
  }, async (request) => {
    const principal = personOf(request);
    const { limit, cursor, status } = request.query;
    const rows = await listMyCourses(deps, principal.tenantId, principal.subject, { limit, after: afterOf(cursor), status });
    return toPage(rows, limit, (row) => [row.requestedAt, row.enrollmentId], (row) => row);
  });
}
