import type { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { CloudEvent } from '../events/envelope.js';
import type { Metrics } from '../observability/metrics.js';
import { backoffFor, type ConsumerSpec, type DeadLetterSink, type MessageHandler, type Subscription } from './bus.js';
import { keepLease, runDelivery, type DeliveryOutcome } from './delivery.js';
import { patternToRegex, subjectMatches } from './subjects.js';
import { Waker } from '../util/waker.js';

// Messages a consumer moves from the stream into its pending set per turn.
const INTAKE_LIMIT = 1_000;

interface Claimed {
  seq: number;
  deliveries: number;
  subject: string;
  event: CloudEvent;
}

export class LocalSubscription implements Subscription {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly waker = new Waker();
  private readonly regex: string;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly finished: Array<{ message: Claimed; outcome: DeliveryOutcome }> = [];

  constructor(
    private readonly spec: ConsumerSpec,
    private readonly pattern: string,
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
    this.options.wakeOn.on('published', this.onPublished);
    this.loop = this.run();
  }

  async drain(): Promise<void> {
    if (!this.running) return this.loop;
    this.running = false;
    this.options.wakeOn.off('published', this.onPublished);
    this.wake();
    await this.loop;
    await Promise.all(this.inFlight);
    await this.settle().catch((error: unknown) => this.logger.error({ err: error }, 'local bus final acknowledgement failed'));
    this.options.onEnd(this);
  }

  private readonly wake = (): void => this.waker.wake();

  private readonly onPublished = (subjects: readonly string[]): void => {
    if (subjects.some((subject) => subjectMatches(this.pattern, subject))) this.wake();
  };

  // Handlers run side by side up to `concurrency`; each finished one wakes the loop, which acknowledges
  // everything finished since its last turn in one statement and claims more. A slow or hung handler
  // holds only its own slot.
  private async run(): Promise<void> {
    while (this.running) {
      let claimedAll = false;
      try {
        await this.settle();
        const free = this.spec.concurrency - this.inFlight.size;
        if (free > 0) {
          await this.takeNewMessages();
          const claimed = await this.claimVisible(free);
          for (const message of claimed) this.dispatch(message);
          claimedAll = claimed.length === free;
        }
      } catch (error) {
        this.logger.error({ err: error, durable: this.spec.durable }, 'local bus consumer failed; retrying');
      }
      if (!claimedAll && this.running) await this.waker.sleep(this.options.pollMs);
    }
  }

  private dispatch(message: Claimed): void {
    const handling: Promise<void> = this.deliver(message)
      .then((outcome) => void this.finished.push({ message, outcome }))
      .finally(() => {
        this.inFlight.delete(handling);
        this.wake();
      });
    this.inFlight.add(handling);
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
  private async claimVisible(limit: number): Promise<Claimed[]> {
    const leaseUntil = new Date(Date.now() + this.spec.ackWaitMs);
    return this.db.withSystem(async (tx) => {
      const { rows } = await sql<Claimed>`
        with claimed as (
          update platform.bus_pending p set deliveries = deliveries + 1, visible_at = ${leaseUntil}
          where (p.durable, p.seq) in (
            select durable, seq from platform.bus_pending
            where durable = ${this.spec.durable} and visible_at <= now()
            order by seq limit ${limit}
            for update skip locked)
          returning p.seq, p.deliveries)
        select c.seq, c.deliveries, m.subject, m.event
        from claimed c join platform.bus_messages m on m.seq = c.seq
        order by c.seq`.execute(tx);
      return rows;
    });
  }

  private async deliver(message: Claimed): Promise<DeliveryOutcome> {
    const stopLease = keepLease(this.spec, () => this.extendLease(message.seq));
    try {
      return await runDelivery(
        this.spec,
        this.handler,
        message.event,
        { attempt: message.deliveries, subject: message.subject },
        this.deadLetters,
        this.metrics,
        this.logger,
      );
    } finally {
      stopLease();
    }
  }

  private async extendLease(seq: number): Promise<void> {
    await this.db.withSystem((tx) =>
      sql`update platform.bus_pending set visible_at = ${new Date(Date.now() + this.spec.ackWaitMs)}
          where durable = ${this.spec.durable} and seq = ${seq}`.execute(tx));
  }

  /** Acknowledges the finished deliveries in one statement; failures become visible again after their backoff. */
  private async settle(): Promise<void> {
    if (this.finished.length === 0) return;
    const finished = this.finished.splice(0);
    const done = finished.filter((f) => f.outcome !== 'retry').map((f) => f.message.seq);
    const retries = finished.filter((f) => f.outcome === 'retry').map((f) => f.message);
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
}
