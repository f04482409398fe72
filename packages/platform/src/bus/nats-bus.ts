import { createHash } from 'node:crypto';
import { AckPolicy, DeliverPolicy, JetStreamApiCodes, JetStreamApiError, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { jetstreamManager, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { EVENT_TYPE_PREFIX, eventNameOf, type CloudEvent } from '../events/envelope.js';
import type { Metrics } from '../observability/metrics.js';
import { backoffFor, type Bus, type ConsumerSpec, type DeadLetterSink, type MessageHandler, type Subscription } from './bus.js';
import { runDelivery } from './delivery.js';
import { Subjects } from './subjects.js';

export interface NatsBusOptions {
  /** Comma-separated server URLs, e.g. `nats://127.0.0.1:4222`. */
  servers: string;
  namespace: string;
  /** Connection name shown in the server's monitoring. */
  name?: string;
  deadLetters: DeadLetterSink;
  metrics: Metrics;
  logger: Logger;
  /** Stream retention, like the local bus's `retentionMs`. */
  maxAgeMs?: number;
  /** How long the server remembers event ids to drop duplicate publishes. */
  duplicateWindowMs?: number;
}

// API error codes the client has no constant for.
const STREAM_NAME_IN_USE = 10058;
const CONSUMER_ALREADY_EXISTS = 10148;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The bus on NATS JetStream: one stream per service, one durable pull consumer per `ConsumerSpec`, shared by
 * every process that subscribes with the same durable. Redelivery and dead-lettering are decided here, not
 * by the server (`max_deliver` is unlimited), so both adapters dead-letter the same way via `runDelivery`.
 */
export class NatsBus implements Bus {
  readonly kind = 'nats';
  private readonly subjects: Subjects;
  private readonly streams = new Map<string, Promise<void>>();
  private readonly subscriptions = new Set<NatsSubscription>();
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly options: NatsBusOptions,
  ) {
    this.subjects = new Subjects(options.namespace);
  }

  static async connect(options: NatsBusOptions): Promise<NatsBus> {
    const nc = await connect({
      servers: options.servers.split(',').map((server) => server.trim()).filter(Boolean),
      name: options.name ?? `tessera-${options.namespace}`,
      // A long-lived service should ride out server restarts instead of ending up with a closed connection.
      maxReconnectAttempts: -1,
    });
    try {
      const jsm = await jetstreamManager(nc); // fails fast when JetStream is not enabled
      return new NatsBus(nc, jsm, jsm.jetstream(), options);
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  async publish(events: CloudEvent[]): Promise<void> {
    const names = events.map(eventNameOf);
    await Promise.all([...new Set(names)].map((name) => this.ensureStream(name)));
    await Promise.all(
      events.map(async (event, i) => {
        const name = names[i] ?? eventNameOf(event);
        const stream = this.subjects.streamOf(name);
        try {
          // The msgID makes a republished event (an outbox relay retry) a no-op within the duplicate window.
          await this.js.publish(this.subjects.forEvent(name), JSON.stringify(event), { msgID: event.id });
        } catch (error) {
          this.streams.delete(stream); // perhaps deleted since we cached it: check again next time
          throw error;
        }
        this.options.metrics.busPublished.inc({ stream });
      }),
    );
  }

  async subscribe(spec: ConsumerSpec, handler: MessageHandler): Promise<Subscription> {
    const stream = this.subjects.streamOf(spec.events);
    await this.ensureStream(spec.events);
    await this.ensureConsumer(stream, spec);
    const subscription = new NatsSubscription(spec, stream, handler, this.nc, this.js, this.options, {
      recreate: async () => {
        this.streams.delete(stream);
        await this.ensureStream(spec.events);
        await this.ensureConsumer(stream, spec);
      },
      onEnd: (s) => this.subscriptions.delete(s),
    });
    this.subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  async ping(): Promise<void> {
    await this.nc.flush();
    await this.jsm.getAccountInfo();
  }

  async pending(durable: string, eventPattern: string): Promise<number> {
    try {
      const info = await this.jsm.consumers.info(this.subjects.streamOf(eventPattern), durable);
      return info.num_pending + info.num_ack_pending;
    } catch (error) {
      if (isApiError(error, JetStreamApiCodes.ConsumerNotFound, JetStreamApiCodes.StreamNotFound)) return 0;
      throw error;
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((s) => s.drain()));
      // drain() rather than close() so acks and publishes still buffered in the client reach the server.
      if (!this.nc.isClosed() && !this.nc.isDraining()) await this.nc.drain();
    })();
    return this.closing;
  }

  /** Creates the service's stream once per process; an existing stream is left as its operators configured it. */
  private ensureStream(eventNameOrPattern: string): Promise<void> {
    const name = this.subjects.streamOf(eventNameOrPattern);
    let ready = this.streams.get(name);
    if (!ready) {
      ready = this.createStream(name, this.subjects.streamSubjects(eventNameOrPattern));
      ready.catch(() => this.streams.delete(name)); // e.g. server unreachable: the next call tries again
      this.streams.set(name, ready);
    }
    return ready;
  }

  private async createStream(name: string, subjects: string): Promise<void> {
    try {
      // Idempotent for an identical config; a differing one (tuned by operators) fails with "name in use".
      await this.jsm.streams.add({
        name,
        subjects: [subjects],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        max_age: nanos(this.options.maxAgeMs ?? 7 * 24 * 3_600_000),
        duplicate_window: nanos(this.options.duplicateWindowMs ?? 120_000),
      });
    } catch (error) {
      if (!isApiError(error, STREAM_NAME_IN_USE)) throw error;
    }
  }

  private async ensureConsumer(stream: string, spec: ConsumerSpec): Promise<void> {
    const settings = {
      ack_wait: nanos(spec.ackWaitMs),
      // Unlimited: runDelivery dead-letters after spec.maxDeliver failures; a server-side cap would instead
      // drop messages silently after crashes or ack timeouts, without a dead-letter record.
      max_deliver: -1,
      // Shared by every process of this durable; room for each one's in-flight and prefetched messages.
      max_ack_pending: Math.max(1_000, spec.concurrency * 4),
    };
    const filter_subject = this.subjects.forEvent(spec.events);
    const fixed = { durable_name: spec.durable, filter_subject, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All };
    try {
      // Servers before 2.10 update an existing durable in place; 2.10+ refuse a changed one (handled below).
      await this.jsm.consumers.add(stream, { ...fixed, ...settings });
    } catch (error) {
      if (!isApiError(error, CONSUMER_ALREADY_EXISTS)) throw error;
      await this.jsm.consumers.update(stream, spec.durable, settings);
    }
  }
}

interface SubscriptionHooks {
  /** Brings the stream and the durable consumer back, should they have been deleted. */
  recreate: () => Promise<void>;
  onEnd: (subscription: NatsSubscription) => void;
}

class NatsSubscription implements Subscription {
  private running = false;
  private loop: Promise<void> | undefined;
  private draining: Promise<void> | undefined;
  private messages: ConsumerMessages | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly spec: ConsumerSpec,
    private readonly stream: string,
    private readonly handler: MessageHandler,
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly options: NatsBusOptions,
    private readonly hooks: SubscriptionHooks,
  ) {}

  get durable(): string {
    return this.spec.durable;
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  drain(): Promise<void> {
    this.draining ??= (async () => {
      this.running = false;
      this.wakeUp?.();
      void this.messages?.close();
      await this.loop;
      await Promise.all(this.inFlight);
      // Acks are fire-and-forget publishes; make sure they left the client before reporting drained.
      if (!this.nc.isClosed()) await this.nc.flush().catch(() => undefined);
      this.hooks.onEnd(this);
    })();
    return this.draining;
  }

  private async run(): Promise<void> {
    for (let failures = 0; this.running; ) {
      try {
        if (failures > 0) await this.hooks.recreate();
        const consumer = await this.js.consumers.get(this.stream, this.spec.durable);
        this.messages = await consumer.consume({
          // Pulls are issued as the iterator advances, so capping it at `concurrency` bounds the prefetch too.
          max_messages: this.spec.concurrency,
          // End the iterator instead of retrying forever, so the restart below can recreate the consumer.
          abort_on_missing_resource: true,
        });
        failures = 0;
        if (!this.running) void this.messages.close();
        await this.pump(this.messages);
      } catch (error) {
        this.options.logger.warn({ err: error, durable: this.spec.durable }, 'nats consumer stopped; restarting');
      }
      if (!this.running || this.nc.isClosed()) break;
      const until = Date.now() + Math.min(200 * 2 ** ++failures, 5_000);
      while (this.running && Date.now() < until) await this.pause(until - Date.now());
    }
  }

  private async pump(messages: ConsumerMessages): Promise<void> {
    const iterator = messages[Symbol.asyncIterator]();
    for (;;) {
      while (this.running && this.inFlight.size >= this.spec.concurrency) await this.pause();
      const next = await iterator.next();
      if (next.done) return;
      // Prefetched after drain began: hand it back at once so another member takes it now, not after ack_wait.
      if (!this.running) next.value.nak();
      else this.dispatch(next.value);
    }
  }

  private dispatch(msg: JsMsg): void {
    const handling: Promise<void> = this.handle(msg).finally(() => {
      this.inFlight.delete(handling);
      this.wakeUp?.();
    });
    this.inFlight.add(handling);
  }

  private async handle(msg: JsMsg): Promise<void> {
    const { spec, options } = this;
    const attempt = msg.info.deliveryCount;
    const delivery = { attempt, subject: msg.subject };
    // Long handlers reset the ack timer so the server does not hand the message to someone else meanwhile.
    const keepAlive = setInterval(() => msg.working(), Math.max(spec.ackWaitMs / 2, 100));
    try {
      const event = parseEvent(msg.data);
      if (typeof event === 'string') {
        // It can never succeed, so it is dead-lettered at once under a stand-in envelope.
        const error = `Unreadable message (stream sequence ${msg.seq}): ${event}`;
        options.logger.error({ durable: spec.durable, subject: msg.subject }, error);
        const standIn = unreadableEnvelope(msg, options.namespace);
        await options.deadLetters.record({ durable: spec.durable, subject: msg.subject, event: standIn, deliveries: attempt, error });
        options.metrics.busDeliveries.inc({ durable: spec.durable, outcome: 'dead' });
        msg.term();
        return;
      }
      const { deadLetters, metrics, logger } = options;
      const outcome = await runDelivery(spec, this.handler, event, delivery, deadLetters, metrics, logger);
      if (outcome === 'ack') msg.ack();
      else if (outcome === 'dead') msg.term();
      else msg.nak(backoffFor(spec, attempt));
    } catch (error) {
      // Only the dead-letter sink gets here (handler errors are outcomes): keep the message rather than lose it.
      options.logger.error({ err: error, durable: spec.durable, attempt }, 'dead-lettering failed; will redeliver');
      msg.nak(backoffFor(spec, attempt));
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** Waits `ms` (or until woken by a finished handler or by drain). */
  private pause(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (): void => {
        clearTimeout(timer);
        if (this.wakeUp === done) this.wakeUp = undefined;
        resolve();
      };
      if (ms !== undefined) timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}

/** The envelope in `data`, or why it is not one. */
function parseEvent(data: Uint8Array): CloudEvent | string {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(data));
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const { id, type } = value as Partial<Record<keyof CloudEvent, unknown>>;
  // Ids are UUIDs everywhere (dead letters and the local bus store them as such).
  if (typeof id !== 'string' || !UUID.test(id)) return 'no UUID "id"';
  if (typeof type !== 'string') return 'no "type"';
  return value as CloudEvent;
}

/** Stands in for an unreadable message; its id derives from the stream position so redeliveries upsert one row. */
function unreadableEnvelope(msg: JsMsg, namespace: string): CloudEvent {
  const hex = createHash('sha256').update(`${msg.info.stream}:${msg.seq}`).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const name = msg.subject.startsWith(`${namespace}.`) ? msg.subject.slice(namespace.length + 1) : msg.subject;
  return {
    specversion: '1.0',
    id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
    source: '/tessera/bus',
    type: EVENT_TYPE_PREFIX + name,
    time: msg.time.toISOString(),
    datacontenttype: 'application/json',
    data: { raw: new TextDecoder().decode(msg.data).slice(0, 16_384), streamSequence: msg.seq },
  };
}

function isApiError(error: unknown, ...codes: number[]): boolean {
  return error instanceof JetStreamApiError && codes.includes(error.code);
}
