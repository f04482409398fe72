import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { Metrics } from '../observability/metrics.js';
import type { DeadLetter, DeadLetterSink } from './bus.js';

/** Records dead letters in `platform.dead_letters`, whichever bus delivered them, and counts them. */
export class DatabaseDeadLetterSink implements DeadLetterSink {
  constructor(
    private readonly db: Database,
    private readonly metrics: Metrics,
  ) {}

  async record(entry: DeadLetter): Promise<void> {
    await this.db.withSystem((tx) =>
      sql`
        insert into platform.dead_letters (tenant_id, durable, subject, event_id, event, deliveries, error)
        values (${entry.event.tenantid ?? null}, ${entry.durable}, ${entry.subject}, ${entry.event.id},
                ${JSON.stringify(entry.event)}::jsonb, ${entry.deliveries}, ${entry.error.slice(0, 4000)})
        on conflict (durable, event_id) do update
          set deliveries = excluded.deliveries, error = excluded.error, dead_at = now()`.execute(tx),
    );
    this.metrics.deadLetters.inc({ durable: entry.durable });
  }
}
