import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Bus } from '../bus/bus.js';
import type { Database } from '../db/database.js';
import type { Metrics } from '../observability/metrics.js';
import { Waker } from '../util/waker.js';
import type { CloudEvent } from './envelope.js';

export interface RelayOptions {
  batchSize: number;
  /** How often to look for events committed by other processes (this process's own commits wake it at once). */
  pollMs: number;
  /** How long a claimed batch stays with one relay before another may take it over. */
  claimMs: number;
}

const defaults: RelayOptions = { batchSize: 500, pollMs: 250, claimMs: 30_000 };

/**
 * Publishes committed outbox events to the bus and then deletes them. Several relays (processes) may run:
 * each claims a batch for `claimMs`, so a relay that dies mid-batch only delays those events, and the
 * bus drops the duplicates a takeover can cause (publish deduplicates by event id).
 */
export class OutboxRelay {
  private readonly options: RelayOptions;
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly waker = new Waker();
  private readonly unsubscribers: Array<() => void> = [];
  /** The main database, then dedicated tenant databases as they are added. */
  private readonly databases: Database[];

  constructor(
    db: Database,
    private readonly bus: Bus,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
    options: Partial<RelayOptions> = {},
  ) {
    this.options = { ...defaults, ...options };
    this.databases = [db];
  }

  /** Also publishes the outbox of `db` (an enterprise tenant's own database). */
  addDatabase(db: Database): void {
    if (this.databases.includes(db)) return;
    this.databases.push(db);
    if (this.running) this.unsubscribers.push(db.onEventsCommitted(() => this.wake()));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const db of this.databases) this.unsubscribers.push(db.onEventsCommitted(() => this.wake()));
    this.loop = this.run();
  }

  /** Stops the loop, then publishes whatever is left so a clean shutdown leaves the outbox empty. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    this.wake();
    await this.loop;
    await this.flush();
  }

  /** Publishes batches until the outbox is empty. */
  async flush(): Promise<number> {
    let total = 0;
    for (let published = -1; published !== 0; total += published) published = await this.relayBatch();
    return total;
  }

  /** Claims, publishes and deletes one batch of every database; returns how many events it published. */
  async relayBatch(): Promise<number> {
    let published = 0;
    for (const db of [...this.databases]) published += await this.relayBatchOf(db);
    return published;
  }

  private async relayBatchOf(db: Database): Promise<number> {
    const batch = await this.claimBatch(db);
    if (batch.length === 0) return 0;
    await this.bus.publish(batch.map((row) => row.event));
    await db.withSystem((tx) =>
      sql`delete from platform.outbox where seq in (${sql.join(batch.map((row) => row.seq))})`.execute(tx),
    );
    this.metrics.outboxRelayed.inc(batch.length);
    return batch.length;
  }

  private wake(): void {
    this.waker.wake();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.relayBatch();
      } catch (error) {
        this.logger.error({ err: error }, 'outbox relay failed; retrying');
      }
      if (published < this.options.batchSize) await this.waker.sleep(this.options.pollMs);
    }
  }

  private async claimBatch(db: Database): Promise<Array<{ seq: number; event: CloudEvent }>> {
    const claimUntil = new Date(Date.now() + this.options.claimMs);
    return db.withSystem(async (tx) => {
      const { rows } = await sql<{ seq: number; event: CloudEvent }>`
        update platform.outbox set claimed_until = ${claimUntil}
        where seq in (
          select seq from platform.outbox
          where claimed_until is null or claimed_until < now()
          order by seq
          limit ${this.options.batchSize}
          for update skip locked)
        returning seq, event`.execute(tx);
      return rows.sort((a, b) => a.seq - b.seq);
    });
  }
}
