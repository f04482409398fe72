import { createHash } from 'node:crypto';
import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { EVENT_TYPE_PREFIX, type CloudEvent } from '../events/envelope.js';
import { backoffFor, type ConsumerSpec, type MessageHandler, type Subscription } from './bus.js';
import { keepLease, runDelivery } from './delivery.js';
import type { NatsBusOptions } from './nats-options.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SubscriptionHooks {
  /** Brings the stream and the durable consumer back, should they have been deleted. */
  recreate: () => Promise<void>;
  onEnd: (subscription: NatsSubscription) => void;
}

export class NatsSubscription implements Subscription {
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
    const stopLease = keepLease(spec, () => msg.working());
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
      stopLease();
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
