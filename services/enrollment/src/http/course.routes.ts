import { Type } from '@sinclair/typebox';
import { actingUserId, etagOf, Page, principalOf, toPage, versionFromIfMatch, type HttpApp } from '@tessera/platform';
import type { EnrollmentDeps } from '../app/deps.js';
import { getSettings, putSettings } from '../app/enrollment-settings.js';
import { listRoster } from '../app/read-enrollments.js';
import { importRoster } from '../app/roster-import.js';
import {
  EnrollmentPermissions, EnrollmentSettings, EnrollmentSettingsBody, ROSTER_CSV_MAX_BYTES, ROSTER_MAX_ROWS, RosterEntry, RosterImportJson,
  RosterImportResult, StatusFilterQuery,
} from '../contract/index.js';
import { afterOf } from './access.js';

const tags = ['enrollment'];
const CourseParams = Type.Object({ courseId: Type.String({ format: 'uuid' }) });
const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 100 })) });

/** Per-course staff routes: enrollment settings, the roster, and roster import from CSV. */
export async function courseRoutes(app: HttpApp, deps: EnrollmentDeps): Promise<void> {
  // Roster import accepts the CSV itself as well as JSON; the parser is scoped to this service's plugin.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: ROSTER_CSV_MAX_BYTES + 1024 }, (_request, body, done) => done(null, body));

  app.get('/courses/:courseId/enrollment-settings', {
    config: { permission: EnrollmentPermissions.self },
    schema: { tags, summary: 'A course\'s capacity, enrollment window and waitlist, with seats in use', params: CourseParams, response: { 200: EnrollmentSettings } },
  }, async (request, reply) => {
    const settings = await getSettings(deps, principalOf(request).tenantId, request.params.courseId);
    return reply.header('etag', etagOf(settings.version)).send(settings);
  });

  app.put('/courses/:courseId/enrollment-settings', {
    config: { permission: EnrollmentPermissions.manage },
    schema: {
      tags,
      summary: 'Set a course\'s capacity (null = unlimited), enrollment window and waitlist (requires If-Match)',
      description: 'Raising the capacity promotes waitlisted students at once; lowering it removes nobody.',
      params: CourseParams,
      headers: IfMatchHeaders,
      body: EnrollmentSettingsBody,
      response: { 200: EnrollmentSettings },
    },
  }, async (request, reply) => {
    const settings = await putSettings(deps, principalOf(request).tenantId, request.params.courseId, request.body, versionFromIfMatch(request));
    return reply.header('etag', etagOf(settings.version)).send(settings);
  });

  app.get('/courses/:courseId/roster', {
    config: { permission: EnrollmentPermissions.readRoster },
    schema: {
      tags, summary: 'A course\'s students with status and progress, in enrollment order', params: CourseParams, querystring: StatusFilterQuery,
      response: { 200: Page(RosterEntry) },
    },
  }, async (request) => {
    const { limit, cursor, status } = request.query;
    const rows = await listRoster(deps, principalOf(request).tenantId, request.params.courseId, { limit, after: afterOf(cursor), status });
    return toPage(rows, limit, (row) => [row.requestedAt, row.enrollmentId], (row) => row);
  });

  app.post('/courses/:courseId/roster/import', {
    config: { permission: EnrollmentPermissions.manage },
    schema: {
      tags,
      summary: `Enroll users from a CSV with a userId column (at most ${ROSTER_MAX_ROWS} rows, 200 KB)`,
      description: 'Send the CSV as text/csv, or as JSON {"csv": "..."}. Staff enrollments are complimentary and ignore the window. '
        + 'Rows that cannot be enrolled are listed with their line and reason; the others are enrolled.',
      params: CourseParams,
      body: {
        content: {
          'application/json': { schema: RosterImportJson },
          'text/csv': { schema: Type.String({ minLength: 1, maxLength: ROSTER_CSV_MAX_BYTES }) },
        },
      },
      response: { 200: RosterImportResult },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const body = request.body as string | { csv: string };
    const csv = typeof body === 'string' ? body : body.csv;
    return importRoster(deps, principal.tenantId, request.params.courseId, csv, actingUserId(principal));
  });
}
