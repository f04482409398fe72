import type { Logger } from '../observability/logger.js';

/**
 * Fire-and-forget fan-out to every process (browser notifications over SSE): nothing is stored or replayed,
 * so a listener that is not subscribed at the moment of a publish never sees it. Durable work goes on the Bus.
 */
export interface LiveChannel {
  readonly kind: 'nats' | 'local';
  /** Sends `data` (JSON-serialisable) to every listener of `topic` in every process right now; nothing is stored or replayed. */
  publish(topic: string, data: unknown): Promise<void>;
  /** Listens to `topic`; returns a function that stops listening. */
  subscribe(topic: string, listener: LiveListener): () => void;
  close(): Promise<void>;
}

export type LiveListener = (data: unknown) => void;

const TOPIC = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

/** Topics are literal subjects: wildcards or empty tokens would let one listener hear other users' topics. */
export function assertLiveTopic(topic: string): void {
  if (typeof topic !== 'string' || !TOPIC.test(topic)) {
    throw new Error(`Invalid live topic "${String(topic)}": use dot-separated tokens of letters, digits, "_" and "-"`);
  }
}

/** The JSON text sent for `data`; `undefined` travels as `null` like a JSON property would drop it. */
export function encodeLiveData(data: unknown): string {
  return JSON.stringify(data ?? null);
}

/**
 * The listeners of one topic in this process. Each `add` gets its own entry, so the same function added
 * twice is called twice and each returned `remove` removes only its own.
 */
export class TopicListeners {
  private readonly entries = new Set<{ listener: LiveListener }>();

  constructor(private readonly topic: string, private readonly logger: Logger | undefined) {}

  get size(): number {
    return this.entries.size;
  }

  add(listener: LiveListener): () => boolean {
    const entry = { listener };
    this.entries.add(entry);
    return () => this.entries.delete(entry);
  }

  /** Calls every listener; one that throws is logged and does not keep the others from hearing it. */
  dispatch(data: unknown): void {
    for (const { listener } of [...this.entries]) {
      try {
        listener(data);
      } catch (error) {
        this.logger?.warn({ err: error, topic: this.topic }, 'live listener failed');
      }
    }
  }
}
