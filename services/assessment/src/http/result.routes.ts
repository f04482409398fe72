import { Type } from '@sinclair/typebox';
import { openEventStream, personOf, principalOf, type HttpApp } from '@tessera/platform';
import type { AssessmentDeps } from '../app/deps.js';
import { resultsTopic } from '../app/live-results.js';
import { examSubmissions, mySubmissions, readSubmission } from '../app/results.js';
import { Submission } from '../contract/attempts.js';
import { AssessmentPermissions } from '../contract/permissions.js';
import { ExamParams, readerOf, SubmissionParams, tags } from './support.js';

const ExamSubmissionsQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  after: Type.Optional(Type.String({ format: 'uuid', description: 'the last submission id of the previous page' })),
});

/** The results read model, and results pushed live. */
export async function resultRoutes(app: HttpApp, deps: AssessmentDeps): Promise<void> {
  app.get('/submissions/:submissionId', {
    config: { permission: AssessmentPermissions.take },
    schema: { tags, summary: 'A submission and its result (students: their own, as released)', params: SubmissionParams, response: { 200: Submission } },
  }, async (request) => readSubmission(deps, readerOf(request), request.params.submissionId));

  app.get('/me/submissions', {
    config: { permission: AssessmentPermissions.take },
    schema: { tags, summary: 'Your submissions, newest first', response: { 200: Type.Object({ items: Type.Array(Submission) }) } },
  }, async (request) => {
    const person = personOf(request);
    return { items: await mySubmissions(deps, { tenantId: person.tenantId, userId: person.subject, staff: false }) };
  });

  app.get('/exams/:examId/submissions', {
    config: { permission: AssessmentPermissions.readResults },
    schema: { tags, summary: 'Every submission of an exam (staff), by id', params: ExamParams, querystring: ExamSubmissionsQuery, response: { 200: Type.Object({ items: Type.Array(Submission) }) } },
  }, async (request) => ({
    items: await examSubmissions(deps, principalOf(request).tenantId, request.params.examId, request.query.limit, request.query.after),
  }));

  app.get('/me/results/stream', {
    config: { permission: AssessmentPermissions.take },
    schema: {
      tags, summary: 'Server-Sent Events: `submission.graded` whenever one of your submissions is graded',
      description: 'Each event carries submissionId, attemptId, examId and status; read the result from the submission (release rules apply). '
        + 'Nothing is replayed: on (re)connecting, read your submissions first.',
    },
  }, async (request, reply) => {
    const person = personOf(request);
    const stream = openEventStream(request, reply);
    const stop = deps.live.subscribe(resultsTopic(person.tenantId, person.subject), (notice) => stream.send('submission.graded', notice));
    stream.onClose(stop);
    stream.send('ready', { userId: person.subject });
  });
}
