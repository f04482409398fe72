import { sql } from 'kysely';
import type { Delivery, MessageHandler } from '../bus/bus.js';
import type { Database, Tx } from '../db/database.js';
import type { CloudEvent } from './envelope.js';

/** A consumer's effect, run in the same transaction that records the event as processed. */
export type IdempotentHandler<DB = unknown> = (tx: Tx<DB>, event: CloudEvent, delivery: Delivery) => Promise<void>;

/**
 * Wraps `handle` so each event takes effect exactly once for `consumer`: the inbox row and the effect
 * commit together, and a redelivered event finds its row and does nothing. The transaction runs as the
 * application role under the event's tenant, so a consumer is held by RLS like any request.
 */
export function idempotent<DB>(db: Database, consumer: string, handle: IdempotentHandler<DB>): MessageHandler {
  return async (event, delivery) => {
    const work = async (tx: Tx<DB>) => {
      const { rows } = await sql`
        insert into platform.inbox (consumer, event_id, tenant_id)
        values (${consumer}, ${event.id}, ${event.tenantid ?? null})
        on conflict do nothing
        returning 1 as inserted`.execute(tx);
      if (rows.length === 0) return;
      await handle(tx, event, delivery);
    };
    await (event.tenantid ? db.withTenant<DB, void>(event.tenantid, work) : db.withSystem<DB, void>(work));
  };
}
