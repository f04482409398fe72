import { gradeSynchronously } from '@tessera/assessment';
import { AssessmentPermissions, SubmitInput } from '@tessera/assessment/contract';
import { personOf, type ServiceModule } from '@tessera/platform';

const Params = {
  type: 'object',
  properties: { attemptId: { type: 'string', format: 'uuid' } },
  required: ['attemptId'],
  additionalProperties: false,
} as const;

const Graded = {
  type: 'object',
  properties: { submissionId: { type: 'string' }, status: { type: 'string' }, score: { type: 'number' }, maxScore: { type: 'number' } },
  required: ['submissionId', 'status', 'score', 'maxScore'],
  additionalProperties: false,
} as const;

/**
 * The baseline the exam-day bench measures the queued submit against, registered only by the bench's API
 * process: `POST /api/v1/bench/naive-submit/{attemptId}` takes the submit's body (validated with the real
 * route's schema, under the same authentication, permission and rate limits), grades every slot and writes
 * the result before it answers 200 — the synchronous REST-to-database path that falls over on exam day.
 */
export const naiveModule: ServiceModule = {
  name: 'bench',
  async routes(app, context) {
    app.post('/bench/naive-submit/:attemptId', {
      config: { permission: AssessmentPermissions.take, optionalBody: true },
      schema: { hide: true, params: Params, body: SubmitInput, response: { 200: Graded } },
    }, async (request) => {
      const person = personOf(request);
      const { attemptId } = request.params as { attemptId: string };
      return gradeSynchronously(context, person.tenantId, attemptId, request.body?.answers ?? [], person.subject);
    });
  },
};
