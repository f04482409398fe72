import { sql } from 'kysely';
import type { Database, Tx } from '../db/database.js';
import { currentTraceparent } from '../observability/tracing.js';
import { toCloudEvent, type CloudEvent, type NewEvent } from './envelope.js';

/**
 * The transactional outbox: events are inserted in the same transaction as the state change they describe,
 * so both commit or neither does. The relay publishes them after commit.
 */
export class Outbox {
  constructor(private readonly db: Database) {}

  /** Stores `events` in `tx` for `tenantId` (null only for platform events) and returns their envelopes. */
  async emit<DB>(tx: Tx<DB>, tenantId: string | null, events: NewEvent[]): Promise<CloudEvent[]> {
    if (events.length === 0) return [];
    const traceparent = currentTraceparent();
    const envelopes = events.map((event) => toCloudEvent(event, { tenantId, traceparent }));
    const rows = envelopes.map((envelope) => sql`(${envelope.id}, ${tenantId}, ${JSON.stringify(envelope)}::jsonb)`);
    await sql`insert into platform.outbox (id, tenant_id, event) values ${sql.join(rows)}`.execute(tx);
    this.db.markEventsWritten(tx as Tx<unknown>);
    return envelopes;
  }
}
