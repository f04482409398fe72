import { backendFlags, numberFlag, stringFlag } from '../lib/flags.js';
import type { Bench, Cell, Table } from '../lib/bench.js';
import { loadAverage } from '../lib/machine.js';
import { asJson } from '../lib/results.js';
import { chooseBackends, type BackendSet } from '../kernel/backends.js';
import { BenchChild } from '../kernel/child.js';
import type { EventFigures, EventRunSpec } from '../kernel/events.js';
import { checkOnce, loadTest, type LoadFigures, type LoadSpec } from '../kernel/load.js';
import type { ServerSpec } from '../kernel/server-child.js';

const STARTUP_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 60_000;

interface HttpRow extends LoadFigures {
  test: string;
  path: string;
  backends: string;
  /** The machine's 1-minute load average when the row started: other work on it skews the row. */
  loadAverage: number;
}

type EventRow = EventFigures & { loadAverage: number };

/**
 * The kernel's raw speed on this machine: how far the HTTP kit stands below a bare Node server, and how many
 * events a second make it from a committed transaction to an idempotent consumer, per set of backends.
 */
export const bench: Bench = {
  name: 'kernel',
  description: 'Kernel ceilings: bare Node HTTP vs the kernel HTTP app (authenticated echo), and events/s outbox → relay → bus → idempotent consumer.',
  flags: {
    ...backendFlags,
    'embedded-data': { type: 'string', description: 'disk (a temp folder, as `npm start`; default) or memory' },
    connections: { type: 'string', description: 'HTTP connections (default 50)' },
    duration: { type: 'string', description: 'seconds of measured HTTP load per row (default 10, quick 2)' },
    events: { type: 'string', description: 'events in the measured event run (default 20000, quick 2000)' },
  },
  async run(options) {
    const { flags, quick, log } = options;
    const embeddedData = flags['embedded-data'] ?? 'disk';
    if (embeddedData !== 'disk' && embeddedData !== 'memory') throw new Error('--embedded-data takes disk or memory');
    const backendSets = chooseBackends({ backends: stringFlag(options, 'backends'), distributed: flags.distributed === true, embeddedData }, process.env);
    const load: Omit<LoadSpec, 'headers'> = {
      connections: numberFlag(options, 'connections', 50),
      durationSeconds: numberFlag(options, 'duration', quick ? 2 : 10),
      warmupSeconds: quick ? 1 : 3,
    };
    const events: EventRunSpec = {
      events: numberFlag(options, 'events', quick ? 2_000 : 20_000),
      batchSize: 100,
      producers: 4,
      warmupEvents: quick ? 200 : 1_000,
      timeoutMs: quick ? 120_000 : 300_000,
    };
    log(`backends: ${backendSets.map((set) => `${set.name}${Object.keys(set.urls).length ? ` (${Object.values(set.urls).join(', ')})` : ''}`).join('; ')}`);

    const http: HttpRow[] = [];
    log(`HTTP: ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s per row`);
    http.push(...(await withServer({ kind: 'bare' }, process.env, 'bare server', async (url, backends) => {
      await checkOnce(url, {}, (status) => status === 204);
      return [await measured(log, 'node:http 204 (ceiling)', '/', backends, () => loadTest(url, { ...load, headers: {} }))];
    })));
    for (const [index, set] of backendSets.entries()) {
      http.push(...(await withServer({ kind: 'kernel' }, set.env, `kernel app (${set.name})`, async (url, backends, authorization) => {
        const headers = { authorization: authorization ?? '' };
        await checkOnce(`${url}/api/v1/bench/echo`, headers, (status, body) => status === 200 && body.includes('"tenantId"'));
        await checkOnce(`${url}/api/v1/bench/echo`, {}, (status) => status === 401);
        const rows: HttpRow[] = [];
        // The public route touches no backend, so once is enough; it splits the kit's cost from auth + rate limits.
        if (index === 0) {
          rows.push(await measured(log, 'kernel app, public route', '/api/v1/bench/public', backends,
            () => loadTest(`${url}/api/v1/bench/public`, { ...load, headers: {} })));
        }
        rows.push(await measured(log, 'kernel app, authenticated echo', '/api/v1/bench/echo', backends,
          () => loadTest(`${url}/api/v1/bench/echo`, { ...load, headers })));
        return rows;
      })));
    }
    const failed = http.filter((row) => row.non2xx > 0 || row.errors > 0 || row.timeouts > 0);
    if (failed.length > 0) {
      throw new Error(`Requests failed: ${failed.map((row) => `${row.test} (${row.backends}): ${JSON.stringify(row.statusCodes)}, ${row.errors} errors, ${row.timeouts} timeouts`).join('; ')}`);
    }

    log(`events: ${events.events} in batches of ${events.batchSize} from ${events.producers} concurrent producers, after ${events.warmupEvents} warm-up events`);
    const eventRows: EventRow[] = [];
    for (const set of backendSets) eventRows.push(await measureEventsIn(set, events, log));

    return {
      parameters: {
        backends: backendSets.map((set) => set.name).join(', '),
        embeddedData,
        distributedUrls: Object.values(backendSets.find((set) => set.name === 'distributed')?.urls ?? {}).join(', ') || 'n/a',
        connections: load.connections,
        durationSeconds: load.durationSeconds,
        warmupSeconds: load.warmupSeconds,
        events: events.events,
        batchSize: events.batchSize,
        producers: events.producers,
        warmupEvents: events.warmupEvents,
      },
      tables: [httpTable(http), eventsTable(eventRows)],
      figures: { http: http.map(asJson), events: eventRows.map(asJson) },
      notes: [
        'HTTP: autocannon runs in the bench process and the server in a child process, over keep-alive TCP to 127.0.0.1; on 2 cores they share the machine, so every row is bounded by the load generator as well.',
        'The echo route authenticates every request with an RS256 access token from platform.tokens.issue (its signature is checked once, then the verified principal is cached until shortly before expiry, as in production), consumes the per-user and per-tenant rate limits in the cache (limits set unreachably high) and records latency metrics and a span; the public route does the same minus token and rate limits.',
        'Events: producers, relay and consumer share one process (the embedded layout; in production they may be separate). Latency is per event from its envelope time, stamped inside the producing transaction, to its inbox row committed by the idempotent consumer.',
        'All events are committed as fast as the producers can, so when a later stage is slower the latencies measure the backlog it builds (queueing), not the latency at a sustainable rate. committed/s and relayed/s show where the backlog forms; on PGlite every transaction (producers, relay, consumer) shares its single connection, so the stages cannot run ahead of each other.',
      ],
    };
  },
};

async function withServer<T>(spec: ServerSpec, env: BackendSet['env'], label: string,
  work: (url: string, backends: string, authorization: string | null) => Promise<T>): Promise<T> {
  const child = BenchChild.start('./server-child.ts', spec, env, label);
  let result: T;
  try {
    const ready = await child.receive('ready', STARTUP_TIMEOUT_MS);
    result = await work(ready.url, ready.backends, ready.authorization);
  } catch (error) {
    await child.stop(STOP_TIMEOUT_MS).catch(() => undefined);
    throw error;
  }
  await child.stop(STOP_TIMEOUT_MS);
  return result;
}

async function measured(log: (line: string) => void, test: string, path: string, backends: string,
  run: () => Promise<LoadFigures>): Promise<HttpRow> {
  const load = loadAverage()[0] ?? 0;
  const figures = await run();
  log(`${test} [${backends}]: ${Math.round(figures.requestsPerSecond)} req/s, p99 ${figures.latencyMs.p99.toFixed(2)} ms`);
  return { test, path, backends, loadAverage: load, ...figures };
}

async function measureEventsIn(set: BackendSet, spec: EventRunSpec, log: (line: string) => void): Promise<EventRow> {
  const load = loadAverage()[0] ?? 0;
  const child = BenchChild.start('./events-child.ts', spec, set.env, `events (${set.name})`);
  let figures: EventFigures;
  try {
    figures = (await child.receive('events', STARTUP_TIMEOUT_MS + spec.timeoutMs * 2)).figures;
  } catch (error) {
    await child.stop(STOP_TIMEOUT_MS).catch(() => undefined);
    throw error;
  }
  await child.stop(STOP_TIMEOUT_MS);
  log(`events [${figures.backends}]: ${Math.round(figures.eventsPerSecond)} events/s, p99 ${Math.round(figures.latencyMs.p99)} ms`);
  return { ...figures, loadAverage: load };
}

function httpTable(rows: HttpRow[]): Table {
  const ceiling = rows.find((row) => row.backends === 'none')?.requestsPerSecond;
  return {
    title: 'HTTP over loopback',
    columns: [
      { key: 'test', title: 'test' },
      { key: 'backends', title: 'backends' },
      { key: 'rps', title: 'req/s' },
      { key: 'p50', title: 'p50 ms', decimals: 2 },
      { key: 'p99', title: 'p99 ms', decimals: 2 },
      { key: 'non2xx', title: 'non-2xx' },
      { key: 'ofCeiling', title: '% of ceiling' },
      { key: 'load', title: 'load 1m', decimals: 1 },
    ],
    rows: rows.map((row): Record<string, Cell> => ({
      test: row.test,
      backends: row.backends,
      rps: Math.round(row.requestsPerSecond),
      p50: row.latencyMs.p50,
      p99: row.latencyMs.p99,
      non2xx: row.non2xx,
      ofCeiling: ceiling ? Math.round((row.requestsPerSecond / ceiling) * 100) : null,
      load: row.loadAverage,
    })),
  };
}

function eventsTable(rows: EventRow[]): Table {
  return {
    title: 'Events: outbox → relay → bus → idempotent consumer',
    columns: [
      { key: 'backends', title: 'backends' },
      { key: 'events', title: 'events' },
      { key: 'committed', title: 'committed/s' },
      { key: 'relayed', title: 'relayed/s' },
      { key: 'rate', title: 'handled/s (end to end)' },
      { key: 'p50', title: 'p50 ms' },
      { key: 'p99', title: 'p99 ms' },
      { key: 'max', title: 'max ms' },
      { key: 'redeliveries', title: 'redeliveries' },
      { key: 'load', title: 'load 1m', decimals: 1 },
    ],
    rows: rows.map((row): Record<string, Cell> => ({
      backends: row.backends,
      events: row.events,
      committed: Math.round(row.events / (row.emitMs / 1000)),
      relayed: row.relayMs === null ? null : Math.round(row.events / (row.relayMs / 1000)),
      rate: Math.round(row.eventsPerSecond),
      p50: row.latencyMs.p50,
      p99: row.latencyMs.p99,
      max: row.latencyMs.max,
      redeliveries: row.redeliveries,
      load: row.loadAverage,
    })),
  };
}
