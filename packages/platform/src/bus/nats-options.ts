import type { Logger } from 'pino';
import type { Metrics } from '../observability/metrics.js';
import type { DeadLetterSink } from './bus.js';

/** Settings of the NATS JetStream bus. */
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
