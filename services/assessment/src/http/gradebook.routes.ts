import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import { actingUserId, decodeCursor, encodeCursor, etagOf, PageQuery, personOf, principalOf, versionFromIfMatch, type HttpApp } from '@tessera/platform';
import type { AssessmentDeps } from '../app/deps.js';
import { courseGradebook, getScheme, gradebookCsv, myGradebook, putScheme } from '../app/gradebook.js';
import { Gradebook, GradingScheme, MyGradebook, SchemeInput } from '../contract/gradebook.js';
import { AssessmentPermissions } from '../contract/permissions.js';
import { CourseParams, tags } from './support.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IfMatch = Type.Object({ 'if-match': Type.String({ description: 'The scheme\'s version as its ETag ("0" while the default applies)' }) });
const MyGradebookQuery = Type.Object({ courseId: Type.String({ format: 'uuid' }) });

/** The student a gradebook cursor names (the last of the previous page); anything else is a 400. */
function studentAfter(cursor: string | undefined): string | undefined {
  return cursor ? String(decodeCursor(cursor, 1, ([id]) => typeof id === 'string' && UUID.test(id))[0]) : undefined;
}

/** Gradebooks: a course's scheme (category weights, drops), its students' grades as JSON or CSV, and a student's own. */
export async function gradebookRoutes(app: HttpApp, deps: AssessmentDeps): Promise<void> {
  app.get('/courses/:courseId/gradebook/scheme', {
    config: { permission: AssessmentPermissions.readResults },
    schema: { tags, summary: 'A course\'s grading scheme (the default until staff set one)', params: CourseParams, response: { 200: GradingScheme } },
  }, async (request, reply) => {
    const scheme = await getScheme(deps, principalOf(request).tenantId, request.params.courseId);
    return reply.header('etag', etagOf(scheme.version)).send(scheme);
  });

  app.put('/courses/:courseId/gradebook/scheme', {
    config: { permission: AssessmentPermissions.manage },
    schema: {
      tags, summary: 'Set a course\'s category weights and drops (If-Match)',
      description: 'Each category once. Weights are percentages, renormalised per student over the categories they have grades in, so they need not add up to 100. '
        + 'A category left out weighs 0 (shown in the gradebook, not counted).',
      params: CourseParams, headers: IfMatch, body: SchemeInput, response: { 200: GradingScheme },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const scheme = await putScheme(deps, principal.tenantId, request.params.courseId, request.body, versionFromIfMatch(request), actingUserId(principal));
    return reply.header('etag', etagOf(scheme.version)).send(scheme);
  });

  app.get('/courses/:courseId/gradebook', {
    config: { permission: AssessmentPermissions.readResults },
    schema: {
      tags, summary: 'A course\'s gradebook, a page of students at a time',
      description: 'Per exam each student\'s best graded percent (pending: an attempt still waits for a grader), per category the mean after dropping the lowest, '
        + 'and the weighted course percent. Students are those with a submission in the course\'s exams, by id.',
      params: CourseParams, querystring: PageQuery, response: { 200: Gradebook },
    },
  }, async (request) => {
    const { next, ...page } = await courseGradebook(deps, principalOf(request).tenantId, request.params.courseId, request.query.limit, studentAfter(request.query.cursor));
    return { ...page, nextCursor: next ? encodeCursor([next]) : null };
  });

  app.get('/courses/:courseId/gradebook.csv', {
    config: { permission: AssessmentPermissions.readResults },
    schema: {
      tags, summary: 'A course\'s whole gradebook as CSV (a download)',
      description: 'A header row (userId, the exam titles, the categories, course %), then a row per student. An exam cell is the percent, `pending` while only '
        + 'ungraded attempts exist, or empty. Cells a spreadsheet would run as formulas start with a single quote.',
      params: CourseParams,
    },
  }, async (request, reply) => {
    const { courseId } = request.params;
    const lines = gradebookCsv(deps, principalOf(request).tenantId, courseId);
    // The first page is read before any header is sent: a failure there is still a problem response.
    const first = await lines.next();
    const body = Readable.from((async function* all() {
      if (!first.done) yield first.value;
      yield* lines;
    })());
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="gradebook-${courseId}.csv"`)
      .header('x-content-type-options', 'nosniff').send(body);
  });

  app.get('/me/gradebook', {
    config: { permission: AssessmentPermissions.take },
    schema: {
      tags, summary: 'Your row of a course\'s gradebook', description: 'Only results released to you count and show.',
      querystring: MyGradebookQuery, response: { 200: MyGradebook },
    },
  }, async (request) => {
    const person = personOf(request);
    return myGradebook(deps, person.tenantId, person.subject, request.query.courseId);
  });
}
