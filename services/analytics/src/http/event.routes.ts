import { Type } from '@sinclair/typebox';
import { personOf, type HttpApp } from '@tessera/platform';
import type { AnalyticsDeps } from '../app/deps.js';
import { ingestBatch, MAX_BATCH_ITEMS } from '../app/ingest.js';
import { AnalyticsPermissions } from '../contract/permissions.js';

const tags = ['analytics'];
/** A request's body at most: a thousand compact events fit with room. */
const MAX_BODY_BYTES = 1024 * 1024;

const FieldError = Type.Object({ pointer: Type.String(), detail: Type.String() });
const Accepted = Type.Object({
  accepted: Type.Integer({ minimum: 0, description: 'events stored for aggregation (one seen before is counted once)' }),
  duplicates: Type.Integer({ minimum: 0, description: 'events repeated inside the batch (the first occurrence is accepted)' }),
  rejected: Type.Array(Type.Object({ index: Type.Integer(), id: Type.Union([Type.String(), Type.Null()]), errors: Type.Array(FieldError) })),
});
/** Learning events in (`POST /events`). */
export async function eventRoutes(app: HttpApp, deps: AnalyticsDeps): Promise<void> {
  app.post('/events', {
    config: { permission: AnalyticsPermissions.ingest },
    bodyLimit: MAX_BODY_BYTES,
    schema: {
      tags, summary: `Send your learning events: a batch of up to ${MAX_BATCH_ITEMS}, as compact JSON ({ events }) or xAPI 1.0.3 statements ({ statements } or an array)`,
      description: 'Each item is validated (schema, event time neither older than the allowed age nor in the future, the actor must be you, a course must be '
        + 'your tenant\'s) and deduplicated by its id; the valid ones are stored durably before the 202, invalid ones are listed with their errors. '
        + 'A batch with no valid item answers 422 with every item\'s errors; a body that is not a batch 400; too many items 413.',
      body: Type.Unknown({ description: '{ events: LearningEvent[] } | { statements: Statement[] } | Statement[]' }),
      response: { 202: Accepted },
    },
  }, async (request, reply) => {
    const person = personOf(request);
    return reply.code(202).send(await ingestBatch(deps, person.tenantId, person.subject, request.body));
  });
}
