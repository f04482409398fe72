import { randomUUID } from 'node:crypto';
import { consumerSpec, idempotent, type CloudEvent, type Platform } from '@tessera/platform';
import { LatencyRecorder, type LatencySummary } from '../lib/percentiles.js';

export interface EventRunSpec {
  /** Events in the measured run. */
  events: number;
  /** Events per producing transaction. */
  batchSize: number;
  /** Transactions committing at the same time, like concurrent requests of an API process. */
  producers: number;
  /** Events pushed through first, unmeasured, so JIT, pools, streams and the consumer are warm. */
  warmupEvents: number;
  /** Bound on waiting for the consumer; a run past it fails instead of hanging. */
  timeoutMs: number;
}

export interface EventFigures {
  backends: string;
  events: number;
  batchSize: number;
  producers: number;
  consumerConcurrency: number;
  /** Events handled per second, from the first commit to the last event handled. */
  eventsPerSecond: number;
  /** Milliseconds from the first commit until every event was handled. */
  elapsedMs: number;
  /** Milliseconds the producers took to commit every event. */
  emitMs: number;
  /** Milliseconds from the first commit until the relay had published every event to the bus. */
  relayMs: number | null;
  /** Per event: its envelope time (stamped in the producing transaction) to handled (inbox row committed). */
  latencyMs: LatencySummary;
  /** Deliveries of an already handled event (at-least-once; the inbox makes them no-ops). */
  redeliveries: number;
}

const EVENT = 'bench.tick.emitted';
const DURABLE = 'bench-ticks';
const RELAY_GRACE_MS = 10_000;

/**
 * Events through the whole kernel path: `outbox.emit` inside `db.withTenant` → relay → bus → a durable
 * consumer whose handler is `idempotent()` (inbox row in its own transaction), all in this process.
 */
export async function measureEvents(platform: Platform, backends: string, spec: EventRunSpec): Promise<EventFigures> {
  const tenantId = randomUUID();
  let phase: Phase | undefined;
  const handle = idempotent(platform.db, DURABLE, async () => undefined); // the inbox row is the whole effect
  const consumer = consumerSpec({ durable: DURABLE, events: EVENT });
  const subscription = await platform.bus.subscribe(consumer, async (event, delivery) => {
    await handle(event, delivery);
    phase?.handled(event);
  });
  platform.relay.start();
  try {
    phase = new Phase('warmup', spec.warmupEvents);
    await runPhase(platform, tenantId, phase, spec);
    phase = new Phase('measure', spec.events);
    const run = await runPhase(platform, tenantId, phase, spec);
    return {
      backends,
      events: spec.events,
      batchSize: spec.batchSize,
      producers: spec.producers,
      consumerConcurrency: consumer.concurrency,
      eventsPerSecond: spec.events / (run.elapsedMs / 1000),
      elapsedMs: run.elapsedMs,
      emitMs: run.emitMs,
      relayMs: run.relayMs,
      latencyMs: phase.latencies.summary(),
      redeliveries: phase.redeliveries,
    };
  } finally {
    await subscription.drain();
  }
}

/** Tracks the events of one phase as the consumer handles them. */
class Phase {
  readonly latencies = new LatencyRecorder();
  redeliveries = 0;
  lastHandledAt = 0;
  private readonly seen = new Set<string>();
  private resolveDone!: () => void;
  readonly done = new Promise<void>((resolve) => (this.resolveDone = resolve));

  constructor(readonly name: string, readonly expected: number) {}

  handled(event: CloudEvent): void {
    if ((event.data as { phase?: string }).phase !== this.name) return; // a straggler of the warm-up
    if (this.seen.has(event.id)) return void this.redeliveries++;
    this.seen.add(event.id);
    this.latencies.record(Date.now() - Date.parse(event.time));
    this.lastHandledAt = performance.now();
    if (this.seen.size === this.expected) this.resolveDone();
  }

  get count(): number {
    return this.seen.size;
  }
}

async function runPhase(platform: Platform, tenantId: string, phase: Phase, spec: EventRunSpec): Promise<{ elapsedMs: number; emitMs: number; relayMs: number | null }> {
  const relayed = await watchRelay(platform, phase.expected);
  const batches = Math.ceil(phase.expected / spec.batchSize);
  let nextBatch = 0;
  let firstCommitAt: number | undefined;
  const started = performance.now();
  const produce = async (): Promise<void> => {
    for (let batch = nextBatch++; batch < batches; batch = nextBatch++) {
      const first = batch * spec.batchSize;
      const size = Math.min(spec.batchSize, phase.expected - first);
      const events = Array.from({ length: size }, (_, i) => ({ name: EVENT, subject: tenantId, data: { phase: phase.name, n: first + i } }));
      await platform.db.withTenant(tenantId, (tx) => platform.outbox.emit(tx, tenantId, events));
      firstCommitAt ??= performance.now();
    }
  };
  await Promise.all(Array.from({ length: spec.producers }, produce));
  const emitMs = performance.now() - started;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(
      `${phase.name}: the consumer handled ${phase.count} of ${phase.expected} events within ${spec.timeoutMs / 1000} s`)), spec.timeoutMs);
  });
  try {
    await Promise.race([phase.done, timedOut]);
    // The relay counts a batch after deleting it from the outbox; on PGlite that transaction can queue behind
    // the consumer's, so the count may complete a little after the last event was handled.
    await relayed.finished(RELAY_GRACE_MS);
  } finally {
    clearTimeout(timer);
    relayed.stop();
  }
  const from = firstCommitAt ?? started;
  return { elapsedMs: phase.lastHandledAt - from, emitMs, relayMs: relayed.doneAt === undefined ? null : relayed.doneAt - from };
}

/**
 * Notes when the relay has published `count` more events, from its own counter (sampled every few
 * milliseconds), so a slow run shows which stage — relay or consumer — holds the events back.
 */
async function watchRelay(platform: Platform, count: number): Promise<RelayWatch> {
  const relayedSoFar = async () => (await platform.metrics.outboxRelayed.get()).values[0]?.value ?? 0;
  const target = (await relayedSoFar()) + count;
  let reached: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (reached = resolve));
  const watch: RelayWatch = {
    doneAt: undefined,
    stop: () => clearInterval(timer),
    finished: async (graceMs) => {
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([done, new Promise<void>((resolve) => (grace = setTimeout(resolve, graceMs)))]);
      clearTimeout(grace);
    },
  };
  const timer = setInterval(() => {
    void relayedSoFar().then((relayed) => {
      if (relayed < target || watch.doneAt !== undefined) return;
      watch.doneAt = performance.now();
      clearInterval(timer);
      reached();
    });
  }, 5);
  return watch;
}

interface RelayWatch {
  doneAt: number | undefined;
  /** Waits until the relay is done, or `graceMs` at most. */
  finished(graceMs: number): Promise<void>;
  stop(): void;
}
