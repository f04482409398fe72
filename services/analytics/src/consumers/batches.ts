import { checkedPayload, consumerSpec, eventNameOf, idempotent, type ConsumerRegistration } from '@tessera/platform';
import { Type } from '@sinclair/typebox';
import { aggregateBatch } from '../app/aggregate-batch.js';
import type { AnalyticsDeps } from '../app/deps.js';
import { AnalyticsEvents } from '../contract/events.js';
import type { AnalyticsDatabase } from '../db/analytics.table.js';

/** The durable consumer name; processes running it share its work. */
export const WINDOWS_CONSUMER = 'analytics-windows';

// The ingest route validated every event before storing the batch: this only checks the envelope's shape.
const IngestedBatch = Type.Object({
  userId: Type.String({ minLength: 1 }),
  events: Type.Array(Type.Object({ id: Type.String({ minLength: 1 }), type: Type.String(), time: Type.String() })),
});

/** The stream processor: each stored batch is aggregated into its windows once (inbox and effects in one transaction). */
export function batchesConsumer(deps: AnalyticsDeps): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: WINDOWS_CONSUMER, events: AnalyticsEvents.batchIngested }),
    handler: idempotent<AnalyticsDatabase>(deps.db, WINDOWS_CONSUMER, async (tx, event) => {
      const tenantId = event.tenantid;
      if (!tenantId || eventNameOf(event) !== AnalyticsEvents.batchIngested) return;
      const batch = checkedPayload(IngestedBatch, event.data, event.id);
      await aggregateBatch(deps, tx, tenantId, batch.userId, batch.events);
    }),
  };
}
