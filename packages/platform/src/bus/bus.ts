import type { CloudEvent } from '../events/envelope.js';

/**
 * A message bus with JetStream semantics: publishes are durable once the promise resolves, delivery is
 * at least once, and each durable consumer keeps its own position. Both adapters (NATS JetStream and the
 * database-backed local bus) implement exactly this contract and run the same contract tests.
 */
export interface Bus {
  readonly kind: 'nats' | 'local';
  /** Durably stores the events on their service's stream. Duplicate ids are dropped (deduplication). */
  publish(events: CloudEvent[]): Promise<void>;
  /** Starts a durable consumer. Several processes subscribing with the same `durable` share its work. */
  subscribe(spec: ConsumerSpec, handler: MessageHandler): Promise<Subscription>;
  /** Throws when the bus cannot be reached. */
  ping(): Promise<void>;
  /** Messages not yet acknowledged by the durable consumer (its lag). */
  pending(durable: string, eventPattern: string): Promise<number>;
  close(): Promise<void>;
}

/** Delivery metadata handed to a handler with each message. */
export interface Delivery {
  /** 1 on the first delivery, 2 on the first redelivery, ... */
  attempt: number;
  subject: string;
}

export type MessageHandler = (event: CloudEvent, delivery: Delivery) => Promise<void>;

/** A durable consumer: resolving acknowledges; throwing asks for redelivery after a backoff, then dead-letters. */
export interface ConsumerSpec {
  /** Durable consumer name, unique per subscribing service and purpose, e.g. `example-ping-counter`. */
  durable: string;
  /** Event name or pattern with NATS wildcards, e.g. `example.ping.created` or `example.>`; one service only. */
  events: string;
  /** Deliveries before a failing message is dead-lettered. */
  maxDeliver: number;
  /** Delay before redelivery after the n-th failure (last entry repeats). */
  backoffMs: number[];
  /** How long a delivered message may stay unacknowledged before it is delivered again. */
  ackWaitMs: number;
  /** Messages handled at once by this process. */
  concurrency: number;
  /**
   * While a handler runs, its lease is extended every `ackWaitMs / 2`, for at most this long: a handler still
   * running after that loses the message to redelivery, so a hung handler cannot hold it forever.
   */
  maxHandlerMs: number;
}

export interface Subscription {
  readonly durable: string;
  /** Stops fetching, waits for in-flight handlers to finish and acknowledges them. */
  drain(): Promise<void>;
}

/** Fills defaults for the optional consumer settings. */
export function consumerSpec(spec: Pick<ConsumerSpec, 'durable' | 'events'> & Partial<ConsumerSpec>): ConsumerSpec {
  return {
    maxDeliver: 5,
    backoffMs: [200, 1_000, 5_000, 30_000],
    ackWaitMs: 30_000,
    concurrency: 16,
    maxHandlerMs: 300_000,
    ...spec,
  };
}

/** Backoff before redelivery after `failures` failed deliveries. */
export function backoffFor(spec: Pick<ConsumerSpec, 'backoffMs'>, failures: number): number {
  const steps = spec.backoffMs;
  if (steps.length === 0) return 0;
  return steps[Math.min(Math.max(failures, 1), steps.length) - 1] ?? 0;
}

/** Where messages that exhausted their deliveries are recorded (both adapters call it). */
export interface DeadLetterSink {
  record(entry: DeadLetter): Promise<void>;
}

export interface DeadLetter {
  durable: string;
  subject: string;
  event: CloudEvent;
  deliveries: number;
  error: string;
}
