import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { eventNameOf, type CloudEvent } from '../events/envelope.js';
import type { Metrics } from '../observability/metrics.js';
import type { Bus, ConsumerSpec, DeadLetterSink, MessageHandler, Subscription } from './bus.js';
import { LocalSubscription } from './local-subscription.js';
import { patternToRegex, Subjects, subjectMatches } from './subjects.js';

export interface LocalBusOptions {
  namespace: string;
  /** How often idle consumers look for messages published by other processes. */
  pollMs?: number;
  /** Messages older than this are removed, like a JetStream stream's max age. */
  retentionMs?: number;
}

// Publishers take this lock so sequence numbers commit in order and no consumer skips a late commit.
const PUBLISH_LOCK = 72_511_094;
/** Bounds one group commit's statement (events are a few kB each). */
const MAX_BATCH_EVENTS = 500;

/**
 * The embedded bus. Messages and consumer state live in the kernel database, so a crash or restart loses
 * nothing and the semantics match JetStream: durable consumers with their own positions, at-least-once
 * delivery, redelivery after an ack timeout or a failure (with backoff), dead-lettering after `maxDeliver`.
 * Consumers in this process whose pattern a publish matches are woken at once; other processes sharing a PostgreSQL database
 * (the `DATABASE_URL` without `NATS_URL` setup) find new messages by polling.
 */
export class LocalBus implements Bus {
  readonly kind = 'local';
  private readonly published = new EventEmitter().setMaxListeners(0);
  private readonly subjects: Subjects;
  private readonly subscriptions = new Set<LocalSubscription>();
  private readonly cleanup: NodeJS.Timeout;
  /** Publishes waiting for the batch being stored to commit. */
  private readonly waiting: Array<{ events: CloudEvent[]; resolve: () => void; reject: (error: unknown) => void }> = [];
  private storing = false;
  private stored: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly deadLetters: DeadLetterSink,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
    private readonly options: LocalBusOptions,
  ) {
    this.subjects = new Subjects(options.namespace);
    this.cleanup = setInterval(() => void this.removeExpired(), 60_000).unref();
  }

  /**
   * Stores the events, then wakes the consumers they concern. Publishes that arrive while a batch is being
   * stored wait and go together in the next transaction (a group commit): on PGlite every transaction takes
   * the one connection the consumers also need, so under load one transaction serves many requests.
   */
  publish(events: CloudEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ events, resolve, reject });
      if (!this.storing) {
        this.storing = true;
        this.stored = this.storeWaiting();
      }
    });
  }

  private async storeWaiting(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, batchLength(this.waiting));
        const events = batch.flatMap((publish) => publish.events);
        let names: string[];
        let subjects: string[];
        try {
          names = events.map(eventNameOf);
          subjects = names.map((name) => this.subjects.forEvent(name));
          await this.insert(events, subjects);
        } catch (error) {
          for (const publish of batch) publish.reject(error);
          continue;
        }
        for (const name of names) this.metrics.busPublished.inc({ stream: this.subjects.streamOf(name) });
        for (const publish of batch) publish.resolve();
        // With the subjects, so only the consumers they concern wake: on PGlite every wake costs transactions on
        // the one connection that the request path shares.
        this.published.emit('published', subjects);
      }
    } finally {
      // In the same synchronous step as the loop's last look at `waiting`: a later publish starts a new loop.
      this.storing = false;
    }
  }

  private async insert(events: CloudEvent[], subjects: readonly string[]): Promise<void> {
    const rows = events.map((event, i) => sql`(${event.id}, ${subjects[i]}, ${JSON.stringify(event)}::jsonb)`);
    await this.db.withSystem(async (tx) => {
      await sql`select pg_advisory_xact_lock(${PUBLISH_LOCK})`.execute(tx);
      await sql`insert into platform.bus_messages (id, subject, event) values ${sql.join(rows)}
                on conflict (id) do nothing`.execute(tx);
    });
  }

  async subscribe(spec: ConsumerSpec, handler: MessageHandler): Promise<Subscription> {
    const pattern = this.subjects.forEvent(spec.events);
    this.subjects.streamOf(spec.events); // validates: one service per consumer
    await this.db.withSystem((tx) =>
      sql`insert into platform.bus_consumers (durable, pattern, last_seq) values (${spec.durable}, ${pattern}, 0)
          on conflict (durable) do update set pattern = excluded.pattern`.execute(tx),
    );
    const subscription = new LocalSubscription(spec, pattern, handler, this.db, this.deadLetters, this.metrics, this.logger, {
      pollMs: this.options.pollMs ?? 200,
      wakeOn: this.published,
      onEnd: (s) => this.subscriptions.delete(s),
    });
    this.subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  async ping(): Promise<void> {
    await this.db.ping();
  }

  async pending(durable: string, eventPattern: string): Promise<number> {
    const pattern = this.subjects.forEvent(eventPattern);
    return this.db.withSystem(async (tx) => {
      const { rows } = await sql<{ taken: number; waiting: number }>`
        select
          (select count(*) from platform.bus_pending where durable = ${durable})::int as taken,
          (select count(*) from platform.bus_messages m
            where m.seq > coalesce((select last_seq from platform.bus_consumers where durable = ${durable}), 0)
              and m.subject ~ ${patternToRegex(pattern)})::int as waiting`.execute(tx);
      return (rows[0]?.taken ?? 0) + (rows[0]?.waiting ?? 0);
    });
  }

  async close(): Promise<void> {
    clearInterval(this.cleanup);
    await this.stored;
    await Promise.all([...this.subscriptions].map((s) => s.drain()));
  }

  private async removeExpired(): Promise<void> {
    const cutoff = new Date(Date.now() - (this.options.retentionMs ?? 7 * 24 * 3_600_000));
    try {
      await this.db.withSystem((tx) =>
        sql`delete from platform.bus_messages m where m.published_at < ${cutoff}
            and not exists (select 1 from platform.bus_pending p where p.seq = m.seq)`.execute(tx),
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'local bus retention sweep failed');
    }
  }
}

/** Publishes of one group commit: whole ones, up to about MAX_BATCH_EVENTS events (at least one). */
function batchLength(waiting: ReadonlyArray<{ events: readonly CloudEvent[] }>): number {
  let events = 0;
  let length = 0;
  while (length < waiting.length && (length === 0 || events + (waiting[length]?.events.length ?? 0) <= MAX_BATCH_EVENTS)) {
    events += waiting[length]?.events.length ?? 0;
    length++;
  }
  return length;
}

export { patternToRegex, subjectMatches };
