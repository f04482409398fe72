/** One run of the ingest bench on one backend set: batches of learning events over HTTP, then the windows they fill. */
import { randomUUID } from 'node:crypto';
import { UniqueCounter } from '@tessera/analytics';
import type { BackendSet } from '../kernel/backends.js';
import { BenchChild } from '../kernel/child.js';
import type { LoadFigures } from '../kernel/load.js';
import { loadMix } from '../catalog/load-mix.js';
import { summarize, type LatencySummary } from '../lib/percentiles.js';

export interface IngestPlan {
  batchSize: number;
  connections: number;
  durationSeconds: number;
  learners: number;
  /** The allowed lateness the processor runs with (short, so windows close during the run). */
  latenessMs: number;
  /** How long the processor may take to count everything after the load ends. */
  drainTimeoutMs: number;
}

export interface IngestResult {
  backends: string;
  load: LoadFigures;
  eventsPerSecond: number;
  /** Events counted in windows once the processor caught up, and how long after the load that took. */
  counted: number;
  drainSeconds: number | null;
  /** Events aggregated per second over the load and the drain. */
  processedPerSecond: number;
  /** From a window's end plus the allowed lateness to the processor closing it, for windows closed by the stream. */
  closeDelayMs: LatencySummary | null;
}

const WINDOW_MS = 60_000;

/** Runs with `set`'s backends in a child process (the server); the load generator is this process. */
export async function measureIngest(set: BackendSet, plan: IngestPlan, log: (line: string) => void): Promise<IngestResult> {
  const env = { ...set.env, RATE_LIMIT_USER_PER_MINUTE: '1000000000', RATE_LIMIT_TENANT_PER_MINUTE: '1000000000', ANALYTICS_ALLOWED_LATENESS_MS: String(plan.latenessMs) };
  const child = BenchChild.start('../ingest/ingest-child.ts', { learners: plan.learners }, env, `analytics (${set.name})`);
  let stopped = false;
  try {
    const { figures } = await child.receive('figures', 120_000);
    const ready = await child.receive('ready', 60_000);
    const learners = figures.learners as string[];
    const courseId = String(figures.courseId);
    log(`${ready.backends}: ${plan.connections} connections, batches of ${plan.batchSize}, ${plan.durationSeconds} s`);
    const started = Date.now();
    const load = await loadMix(`${ready.url}/api/v1/events`, { connections: plan.connections, durationSeconds: plan.durationSeconds, next: batches(learners, courseId, plan.batchSize) });
    const loadEnded = Date.now();
    const eventsPerSecond = load.requestsPerSecond * plan.batchSize;
    log(`${ready.backends}: ${Math.round(eventsPerSecond)} events/s accepted, batch p99 ${load.latencyMs.p99.toFixed(1)} ms, ${load.non2xx} non-2xx`);
    const expected = load.requests * plan.batchSize;
    const drain = await drained(ready.url, ready.authorization ?? '', courseId, started, expected, plan.drainTimeoutMs);
    const drainSeconds = drain.all ? (drain.at - loadEnded) / 1000 : null;
    log(`${ready.backends}: ${drain.counted} of ${expected} counted${drainSeconds === null ? ' (gave up)' : `, ${drainSeconds.toFixed(1)} s after the load`}`);
    await child.stop(60_000);
    stopped = true;
    const closed = (await child.receive('figures', 5_000)).figures.windows as Array<{ startMs: number; delayMs: number }>;
    const byStream = closed.filter((window) => window.startMs + WINDOW_MS + plan.latenessMs <= loadEnded).map((window) => window.delayMs);
    return {
      backends: ready.backends, load, eventsPerSecond, counted: drain.counted, drainSeconds,
      processedPerSecond: drain.counted / ((drain.at - started) / 1000), closeDelayMs: byStream.length > 0 ? summarize(byStream) : null,
    };
  } finally {
    if (!stopped) await child.stop(60_000);
  }
}

/** Request after request: the next learner's batch of fresh events (new ids), timed now. */
function batches(learners: readonly string[], courseId: string, size: number) {
  const items = Array.from({ length: 50 }, () => randomUUID());
  const run = randomUUID().slice(0, 8);
  let sent = 0;
  return () => {
    const learner = learners[sent % learners.length] ?? '';
    const time = new Date().toISOString();
    const events = Array.from({ length: size }, (_, index) => (index % 4 === 0
      ? { id: `${run}-${sent}-${index}`, type: 'page_view', time, courseId, durationMs: 1_000 + index }
      : { id: `${run}-${sent}-${index}`, type: 'item_attempt', time, courseId, itemId: items[(sent + index) % items.length], correct: (sent + index) % 3 !== 0, latencyMs: 500 + index * 10 }));
    sent += 1;
    return { method: 'POST' as const, path: '/api/v1/events', headers: { authorization: learner, 'content-type': 'application/json' }, body: JSON.stringify({ events }) };
  };
}

/** Polls the course's minute windows until they hold `expected` events (or the time is up). */
async function drained(url: string, authorization: string, courseId: string, since: number, expected: number, timeoutMs: number): Promise<{ counted: number; all: boolean; at: number }> {
  const from = new Date(Math.floor(since / WINDOW_MS) * WINDOW_MS - WINDOW_MS).toISOString();
  const giveUpAt = Date.now() + timeoutMs;
  let counted = 0;
  for (;;) {
    const to = new Date(Date.now() + 2 * WINDOW_MS).toISOString();
    const response = await fetch(`${url}/api/v1/analytics/courses/${courseId}/activity?from=${from}&to=${to}`, { headers: { authorization } });
    if (response.ok) counted = ((await response.json()) as { buckets: Array<{ events: number }> }).buckets.reduce((sum, bucket) => sum + bucket.events, 0);
    const at = Date.now();
    if (counted >= expected) return { counted, all: true, at };
    if (at > giveUpAt) return { counted, all: false, at };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The distinct-count estimate against the exact count, for `cardinalities` random ids each. */
export function sketchErrors(cardinalities: readonly number[]): Array<{ distinct: number; estimate: number; errorPercent: number; exact: boolean }> {
  return cardinalities.map((distinct) => {
    const counter = new UniqueCounter();
    for (let i = 0; i < distinct; i++) counter.add(randomUUID());
    const estimate = counter.count();
    return { distinct, estimate, errorPercent: ((estimate - distinct) / distinct) * 100, exact: counter.isExact() };
  });
}
