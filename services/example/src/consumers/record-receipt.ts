import { consumerSpec, idempotent, type ConsumerRegistration, type Database } from '@tessera/platform';
import { ExampleEvents, type PingChangedPayload } from '../contract/index.js';
import type { ExampleDatabase } from '../db/ping.table.js';
import { insertReceipt } from '../db/ping.repository.js';

/** The durable consumer name; processes running it share its work. */
export const RECEIPTS_CONSUMER = 'example-ping-receipts';

/** Records one receipt per created ping, exactly once however often the event is delivered. */
export function recordReceiptConsumer(db: Database): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: RECEIPTS_CONSUMER, events: ExampleEvents.pingCreated }),
    handler: idempotent<ExampleDatabase>(db, RECEIPTS_CONSUMER, async (tx, event) => {
      const { pingId } = event.data as PingChangedPayload;
      if (!event.tenantid) return;
      await insertReceipt(tx, event.tenantid, pingId, event.id);
    }),
  };
}
