import { Type } from '@sinclair/typebox';
import { actingUserId, etagOf, hasPermission, principalOf, versionFromIfMatch, type HttpApp } from '@tessera/platform';
import { accommodationsOf, setAccommodation } from '../app/accommodations.js';
import type { AssessmentDeps } from '../app/deps.js';
import { cacheExamHead } from '../app/exam-heads.js';
import { archiveExam, createExam, examsOfCourse, getExam, publishExam, updateExam } from '../app/exams.js';
import { releaseResults } from '../app/release.js';
import { Accommodation, AccommodationInput, Exam, ExamInput } from '../contract/exams.js';
import { AssessmentPermissions } from '../contract/permissions.js';
import { AccommodationParams, CourseParams, ExamParams, tags } from './support.js';

const IfMatch = Type.Object({ 'if-match': Type.String({ description: 'The exam\'s version as its ETag ("3")' }) });
const ExamSummary = Type.Pick(Exam, ['id', 'courseId', 'title', 'category', 'status', 'publishedVersion', 'settings']);
const ReleaseInput = Type.Object({ results: Type.Optional(Type.Boolean()), feedback: Type.Optional(Type.Boolean()) });

/** Authoring exams, publishing, accommodations and releasing results. */
export async function examRoutes(app: HttpApp, deps: AssessmentDeps): Promise<void> {
  app.post('/courses/:courseId/exams', {
    config: { permission: AssessmentPermissions.manage },
    schema: { tags, summary: 'Create an exam (or quiz) draft for a course', params: CourseParams, body: ExamInput, response: { 201: Exam } },
  }, async (request, reply) => {
    const exam = await createExam(deps, principalOf(request).tenantId, request.params.courseId, request.body, actingUserId(principalOf(request)));
    return reply.code(201).header('etag', etagOf(exam.version)).header('location', `/api/v1/exams/${exam.id}`).send(exam);
  });

  app.get('/courses/:courseId/exams', {
    config: { permission: AssessmentPermissions.take },
    schema: { tags, summary: 'Exams of a course (students: the published ones)', params: CourseParams, response: { 200: Type.Object({ items: Type.Array(ExamSummary) }) } },
  }, async (request) => {
    const staff = hasPermission(request, AssessmentPermissions.manage) || hasPermission(request, AssessmentPermissions.readResults);
    return { items: await examsOfCourse(deps, principalOf(request).tenantId, request.params.courseId, !staff) };
  });

  app.get('/exams/:examId', {
    config: { permission: AssessmentPermissions.readResults },
    schema: { tags, summary: 'An exam\'s draft (staff)', params: ExamParams, response: { 200: Exam } },
  }, async (request, reply) => {
    const exam = await getExam(deps, principalOf(request).tenantId, request.params.examId);
    return reply.header('etag', etagOf(exam.version)).send(exam);
  });

  app.put('/exams/:examId', {
    config: { permission: AssessmentPermissions.manage },
    schema: {
      tags, summary: 'Replace the draft (If-Match)', description: 'Running attempts keep the version they started; students see the change once it is published.',
      params: ExamParams, headers: IfMatch, body: ExamInput, response: { 200: Exam },
    },
  }, async (request, reply) => {
    const exam = await updateExam(deps, principalOf(request).tenantId, request.params.examId, versionFromIfMatch(request), request.body);
    return reply.header('etag', etagOf(exam.version)).send(exam);
  });

  app.post('/exams/:examId/publish', {
    config: { permission: AssessmentPermissions.manage, optionalBody: true },
    schema: {
      tags, summary: 'Freeze the draft as the version students take (If-Match)', description: '422 lists every problem (unknown items, pools too small, an empty exam).',
      params: ExamParams, headers: IfMatch, response: { 200: Exam },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const exam = await publishExam(deps, principal.tenantId, request.params.examId, versionFromIfMatch(request), actingUserId(principal));
    await cacheExamHead(deps, principal.tenantId, { examId: exam.id, courseId: exam.courseId, status: exam.status, publishedVersion: exam.publishedVersion });
    return reply.header('etag', etagOf(exam.version)).send(exam);
  });

  app.post('/exams/:examId/archive', {
    config: { permission: AssessmentPermissions.manage, optionalBody: true },
    schema: { tags, summary: 'Archive: no new attempts (running ones finish) (If-Match)', params: ExamParams, headers: IfMatch, response: { 200: Exam } },
  }, async (request, reply) => {
    const tenantId = principalOf(request).tenantId;
    const exam = await archiveExam(deps, tenantId, request.params.examId, versionFromIfMatch(request));
    await cacheExamHead(deps, tenantId, { examId: exam.id, courseId: exam.courseId, status: exam.status, publishedVersion: exam.publishedVersion });
    return reply.header('etag', etagOf(exam.version)).send(exam);
  });

  app.post('/exams/:examId/release', {
    config: { permission: AssessmentPermissions.manage },
    schema: { tags, summary: 'Release results (and feedback) to students now, for exams released by hand', params: ExamParams, body: ReleaseInput, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await releaseResults(deps, principalOf(request).tenantId, request.params.examId, { results: request.body.results ?? true, feedback: request.body.feedback ?? false });
    return reply.code(204).send(null);
  });

  app.get('/exams/:examId/accommodations', {
    config: { permission: AssessmentPermissions.manage },
    schema: { tags, summary: 'Accommodations of an exam', params: ExamParams, response: { 200: Type.Object({ items: Type.Array(Accommodation) }) } },
  }, async (request) => ({ items: await accommodationsOf(deps, principalOf(request).tenantId, request.params.examId) }));

  app.put('/exams/:examId/accommodations/:userId', {
    config: { permission: AssessmentPermissions.manage },
    schema: {
      tags, summary: 'Set a student\'s extra time and attempts', description: 'A running attempt\'s deadline moves at once, even past the exam\'s closing time.',
      params: AccommodationParams, body: AccommodationInput, response: { 200: Accommodation },
    },
  }, async (request) => {
    const { examId, userId } = request.params;
    const body = request.body;
    return setAccommodation(deps, principalOf(request).tenantId, examId, {
      userId, extraTimePercent: body.extraTimePercent ?? 0, extraMinutes: body.extraMinutes ?? 0, extraAttempts: body.extraAttempts ?? 0, note: body.note ?? null,
    });
  });
}
