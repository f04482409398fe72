import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { eventNameOf, type CloudEvent } from '../events/envelope.js';
import type { Metrics } from '../observability/metrics.js';
import {
  backoffFor,
  type Bus,
  type ConsumerSpec,
  type DeadLetterSink,
  type MessageHandler,
  type Subscription,
} from './bus.js';
import { runDelivery, type DeliveryOutcome } from './delivery.js';
import { Subjects, subjectMatches } from './subjects.js';

export interface LocalBusOptions {
  namespace: string;
  /** How often idle consumers look for messages published by other processes. */
  pollMs?: number;
  /** Messages older than this are removed, like a JetStream stream's max age. */
  retentionMs?: number;
}

// Publishers take this lock so sequence numbers commit in order and no consumer skips a late commit.
const PUBLISH_LOCK = 72_511_094;
const INTAKE_LIMIT = 1_000;

/**
 * The embedded bus. Messages and consumer state live in the kernel database, so a crash or restart loses
 * nothing and the semantics match JetStream: durable consumers with their own positions, at-least-once
 * delivery, redelivery after an ack timeout or a failure (with backoff), dead-lettering after `maxDeliver`.
 * Consumers in this process are woken at once on publish; other processes sharing a PostgreSQL database
 * (the `DATABASE_URL` without `NATS_URL` setup) find new messages by polling.
 */
export class LocalBus implements Bus {
  readonly kind = 'local';
  private readonly published = new EventEmitter().setMaxListeners(0);
  private readonly subjects: Subjects;
  private readonly subscriptions = new Set<LocalSubscription>();
  private readonly cleanup: NodeJS.Timeout;

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

  async publish(events: CloudEvent[]): Promise<void> {
    if (events.length === 0) return;
    const rows = events.map(
      (event) => sql`(${event.id}, ${this.subjects.forEvent(eventNameOf(event))}, ${JSON.stringify(event)}::jsonb)`,
    );
    await this.db.withSystem(async (tx) => {
      await sql`select pg_advisory_xact_lock(${PUBLISH_LOCK})`.execute(tx);
      await sql`insert into platform.bus_messages (id, subject, event) values ${sql.join(rows)}
                on conflict (id) do nothing`.execute(tx);
    });
    for (const event of events) {
      this.metrics.busPublished.inc({ stream: this.subjects.streamOf(eventNameOf(event)) });
    }
    this.published.emit('published');
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

interface Claimed {
  seq: number;
  deliveries: number;
  subject: string;
  event: CloudEvent;
}

class LocalSubscription implements Subscription {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private readonly regex: string;

  constructor(
    private readonly spec: ConsumerSpec,
    pattern: string,
    private readonly handler: MessageHandler,
    private readonly db: Database,
    private readonly deadLetters: DeadLetterSink,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
    private readonly options: {
      pollMs: number;
      wakeOn: EventEmitter;
      onEnd: (subscription: LocalSubscription) => void;
    },
  ) {
    this.regex = patternToRegex(pattern);
  }

  get durable(): string {
    return this.spec.durable;
  }

  start(): void {
    this.running = true;
    this.options.wakeOn.on('published', this.wake);
    this.loop = this.run();
  }

  async drain(): Promise<void> {
    if (!this.running) return this.loop;
    this.running = false;
    this.options.wakeOn.off('published', this.wake);
    this.wakeUp?.();
    await this.loop;
    this.options.onEnd(this);
  }

  private readonly wake = (): void => {
    this.wakeUp?.();
  };

  private async run(): Promise<void> {
    while (this.running) {
      let claimed: Claimed[] = [];
      try {
        await this.takeNewMessages();
        claimed = await this.claimVisible();
        const outcomes = await Promise.all(claimed.map((message) => this.deliver(message)));
        await this.settle(claimed, outcomes);
      } catch (error) {
        this.logger.error({ err: error, durable: this.spec.durable }, 'local bus consumer failed; retrying');
      }
      if (claimed.length < this.spec.concurrency && this.running) await this.idle();
    }
  }

  /** Moves messages past this consumer's position into its pending set and advances the position. */
  private async takeNewMessages(): Promise<void> {
    await this.db.withSystem(async (tx) => {
      const { rows } = await sql<{ last_seq: number }>`
        select last_seq from platform.bus_consumers where durable = ${this.spec.durable} for update`.execute(tx);
      const lastSeq = rows[0]?.last_seq ?? 0;
      await sql`
        with scanned as (
          select seq, subject from platform.bus_messages where seq > ${lastSeq} order by seq limit ${INTAKE_LIMIT}),
        taken as (
          insert into platform.bus_pending (durable, seq)
          select ${this.spec.durable}, seq from scanned where subject ~ ${this.regex}
          on conflict do nothing)
        update platform.bus_consumers
          set last_seq = coalesce((select max(seq) from scanned), last_seq)
          where durable = ${this.spec.durable}`.execute(tx);
    });
  }

  /** Leases up to `concurrency` visible messages; a lease that outlives `ackWaitMs` makes them visible again. */
  private async claimVisible(): Promise<Claimed[]> {
    const leaseUntil = new Date(Date.now() + this.spec.ackWaitMs);
    return this.db.withSystem(async (tx) => {
      const { rows } = await sql<Claimed>`
        with claimed as (
          update platform.bus_pending p set deliveries = deliveries + 1, visible_at = ${leaseUntil}
          where (p.durable, p.seq) in (
            select durable, seq from platform.bus_pending
            where durable = ${this.spec.durable} and visible_at <= now()
            order by seq limit ${this.spec.concurrency}
            for update skip locked)
          returning p.seq, p.deliveries)
        select c.seq, c.deliveries, m.subject, m.event
        from claimed c join platform.bus_messages m on m.seq = c.seq
        order by c.seq`.execute(tx);
      return rows;
    });
  }

  private deliver(message: Claimed): Promise<DeliveryOutcome> {
    return runDelivery(
      this.spec,
      this.handler,
      message.event,
      { attempt: message.deliveries, subject: message.subject },
      this.deadLetters,
      this.metrics,
      this.logger,
    );
  }

  /** Acknowledges a batch in one statement; failures are made visible again after their backoff. */
  private async settle(claimed: Claimed[], outcomes: DeliveryOutcome[]): Promise<void> {
    if (claimed.length === 0) return;
    const done = claimed.filter((_, i) => outcomes[i] !== 'retry').map((message) => message.seq);
    const retries = claimed.filter((_, i) => outcomes[i] === 'retry');
    await this.db.withSystem(async (tx) => {
      if (done.length > 0) {
        await sql`delete from platform.bus_pending
                  where durable = ${this.spec.durable} and seq in (${sql.join(done)})`.execute(tx);
      }
      for (const message of retries) {
        await sql`update platform.bus_pending
                  set visible_at = ${new Date(Date.now() + backoffFor(this.spec, message.deliveries))}
                  where durable = ${this.spec.durable} and seq = ${message.seq}`.execute(tx);
      }
    });
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.pollMs);
      this.wakeUp = done;
    });
  }
}

/** A PostgreSQL regular expression equivalent to a NATS subject pattern. */
export function patternToRegex(pattern: string): string {
  const tokens = pattern.split('.').map((token) => {
    if (token === '*') return '[^.]+';
    if (token === '>') return '.+';
    return token.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  });
  return `^${tokens.join('\\.')}$`;
}

export { subjectMatches };
