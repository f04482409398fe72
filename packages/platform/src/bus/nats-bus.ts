import { AckPolicy, DeliverPolicy, JetStreamApiCodes, JetStreamApiError, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import { eventNameOf, type CloudEvent } from '../events/envelope.js';
import { type Bus, type ConsumerSpec, type MessageHandler, type Subscription } from './bus.js';
import type { NatsBusOptions } from './nats-options.js';
import { NatsSubscription } from './nats-subscription.js';

export type { NatsBusOptions };
import { Subjects } from './subjects.js';


// API error codes the client has no constant for.
const STREAM_NAME_IN_USE = 10058;
const CONSUMER_ALREADY_EXISTS = 10148;
const STREAM_SUBJECT_OVERLAP = 10065;

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
  /** False between a disconnect and the reconnect: publishes then fail at once instead of after a timeout. */
  private connected = true;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly options: NatsBusOptions,
  ) {
    this.subjects = new Subjects(options.namespace);
    void this.watchConnection();
  }

  private async watchConnection(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type === 'disconnect') this.connected = false;
      else if (status.type === 'reconnect') this.connected = true;
    }
  }

  static async connect(options: NatsBusOptions): Promise<NatsBus> {
    const nc = await connect({
      servers: options.servers.split(',').map((server) => server.trim()).filter(Boolean),
      name: options.name ?? `tessera-${options.namespace}`,
      // A long-lived service should ride out server restarts instead of ending up with a closed connection.
      maxReconnectAttempts: -1,
      // Otherwise every request (each JetStream publish is one) builds Error objects up front for their stack
      // traces, a tenth of the exam-day submit path's time; a failed publish still reports what failed.
      noAsyncTraces: true,
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
    // While the server is away, a publish would wait for its timeout (seconds) and fail anyway; on the exam-day
    // path thousands of requests would pile up behind it. Callers turn this into 503 with Retry-After.
    if (!this.connected) throw new Error('NATS is disconnected; the event was not stored');
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

  /**
   * The bus's NATS connection, for core pub/sub that needs no JetStream (the live channel). Callers must not
   * close or drain it: `close()` here does.
   */
  connection(): NatsConnection {
    return this.nc;
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
      if (isApiError(error, STREAM_NAME_IN_USE)) return;
      // Two processes creating the same stream at once: the server (2.9) may answer the loser with "subjects
      // overlap" against the stream the winner has just made. That stream being ours is success.
      if (isApiError(error, STREAM_SUBJECT_OVERLAP) && await this.streamHolds(name, subjects)) return;
      throw error;
    }
  }

  private async streamHolds(name: string, subjects: string): Promise<boolean> {
    try {
      return (await this.jsm.streams.info(name)).config.subjects.includes(subjects);
    } catch {
      return false;
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

function isApiError(error: unknown, ...codes: number[]): boolean {
  return error instanceof JetStreamApiError && codes.includes(error.code);
}
