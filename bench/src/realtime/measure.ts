/** One run of the realtime bench: a notify server, N live connections, one graded event per user fanned out to them. */
import type { BackendSet } from '../kernel/backends.js';
import { summarize, type LatencySummary } from '../lib/percentiles.js';
import { ExamChild } from '../exam-day/rpc.js';
import { awaitNotifications, droppedOf, openConnections } from './connections.js';
import type { LiveClient, Transport } from './live-client.js';
import type { RssReading } from './memory.js';
import type { Fanout, UsersMade } from './users.js';

export interface RealtimePlan {
  connections: number;
  transports: Transport[];
  /** Opens in flight at once. */
  openConcurrency: number;
  openTimeoutMs: number;
  /** The fan-out ends when this long passes without a new notification arriving (or at its overall bound). */
  quietMs: number;
}

/** One fan-out: a notice for every connected user, timed from its hand-over to its arrival. */
export interface PhaseResult {
  arrived: number;
  arrivedBy: Record<Transport, number>;
  latencyMs: LatencySummary | null;
  latencyMsBy: Record<Transport, LatencySummary | null>;
  /** From the first notice handed over to the last one received, in seconds. */
  fanoutSeconds: number | null;
  /** How long handing every notice over took. */
  publishMs: number;
}

export interface RealtimeResult {
  backends: string;
  requested: number;
  opened: number;
  openedBy: Record<Transport, number>;
  openFailures: Record<string, number>;
  openSeconds: number;
  rssBefore: RssReading;
  rssOpen: RssReading;
  rssAfterFanout: RssReading;
  /** (RSS with every connection open − RSS before) / opened, in KiB. */
  memoryPerConnectionKiB: number | null;
  /** The fan-out: one graded event per user through the bus, notify's consumer and the live channel. */
  graded: PhaseResult;
  /** Then a notice per user straight onto the live channel: the connections' share alone. */
  live: PhaseResult;
  dropped: number;
  droppedReasons: Record<string, number>;
}

const STARTUP_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 60_000;
const CALL_TIMEOUT_MS = 60_000;

export async function measureRealtime(set: BackendSet, plan: RealtimePlan, log: (line: string) => void): Promise<RealtimeResult> {
  const server = ExamChild.start('../realtime/notify-child.ts', {}, set.env, `notify server (${set.name})`);
  let clients: Awaited<ReturnType<typeof openConnections>>['clients'] = [];
  try {
    const ready = await server.ready(STARTUP_TIMEOUT_MS);
    log(`${ready.backends}: one notify process at ${ready.url}`);
    const users = await server.call<UsersMade>('users', { count: plan.connections, tokens: true }, CALL_TIMEOUT_MS + plan.connections * 20);
    const rssBefore = await server.call<RssReading>('rss', {}, CALL_TIMEOUT_MS);
    const transportOf = (index: number): Transport => plan.transports[index % plan.transports.length] as Transport;
    const open = await openConnections({ url: ready.url, authorizations: users.authorizations, transportOf, concurrency: plan.openConcurrency, openTimeoutMs: plan.openTimeoutMs }, log);
    clients = open.clients;
    const rssOpen = await server.call<RssReading>('rss', {}, CALL_TIMEOUT_MS);
    log(`open: ${open.opened} of ${plan.connections} in ${open.seconds.toFixed(1)} s; server RSS ${mib(rssBefore.rssKiB)} → ${mib(rssOpen.rssKiB)} MiB`);

    const bounds = { quietMs: plan.quietMs, timeoutMs: Math.max(120_000, plan.connections * 60) };
    const graded = await fanOut(server, 'fanout', clients, 1, bounds, plan.connections);
    log(`graded events: ${graded.arrived} of ${open.opened} notified, p99 ${fixed(graded.latencyMs?.p99)} ms`);
    const live = await fanOut(server, 'tell', clients, 2, bounds, plan.connections);
    log(`live channel only: ${live.arrived} of ${open.opened} notified, p99 ${fixed(live.latencyMs?.p99)} ms`);
    const rssAfterFanout = await server.call<RssReading>('rss', {}, CALL_TIMEOUT_MS);
    const dropped = droppedOf(clients);
    log(`dropped ${dropped.count}`);
    return {
      backends: ready.backends, requested: plan.connections, opened: open.opened,
      openedBy: countBy(clients, (client) => client !== null), openFailures: open.failures, openSeconds: open.seconds,
      rssBefore, rssOpen, rssAfterFanout,
      memoryPerConnectionKiB: open.opened === 0 ? null : (rssOpen.rssKiB - rssBefore.rssKiB) / open.opened,
      graded, live, dropped: dropped.count, droppedReasons: dropped.reasons,
    };
  } finally {
    for (const client of clients) client?.close();
    await server.stop(STOP_TIMEOUT_MS);
  }
}

/** Asks the server for one notice per user (`method`), waits for each connection's `count`-th, and times them. */
async function fanOut(server: ExamChild, method: 'fanout' | 'tell', clients: ReadonlyArray<LiveClient | null>, count: number,
  bounds: { quietMs: number; timeoutMs: number }, users: number): Promise<PhaseResult> {
  const emitted = await server.call<Fanout>(method, {}, CALL_TIMEOUT_MS + users * 20);
  const arrived = await awaitNotifications(clients, count, bounds);
  const arrival = (client: LiveClient | null): number | undefined => client?.arrivals[count - 1];
  const latencies: Record<'all' | Transport, number[]> = { all: [], sse: [], ws: [] };
  clients.forEach((client, index) => {
    const at = arrival(client);
    const sent = emitted.emittedAt[index];
    if (!client || at === undefined || sent === undefined) return;
    latencies.all.push(at - sent);
    latencies[client.transport].push(at - sent);
  });
  const first = Math.min(...emitted.emittedAt);
  const last = Math.max(...clients.map((client) => arrival(client) ?? -Infinity));
  return {
    arrived, arrivedBy: countBy(clients, (client) => arrival(client) !== undefined),
    latencyMs: summaryOrNull(latencies.all), latencyMsBy: { sse: summaryOrNull(latencies.sse), ws: summaryOrNull(latencies.ws) },
    fanoutSeconds: Number.isFinite(last) ? (last - first) / 1000 : null, publishMs: emitted.publishMs,
  };
}

function countBy(clients: ReadonlyArray<LiveClient | null>, counted: (client: LiveClient) => boolean): Record<Transport, number> {
  const counts: Record<Transport, number> = { sse: 0, ws: 0 };
  for (const client of clients) if (client !== null && counted(client)) counts[client.transport]++;
  return counts;
}

function summaryOrNull(values: readonly number[]): LatencySummary | null {
  return values.length === 0 ? null : summarize(values);
}

function fixed(value: number | undefined): string {
  return value === undefined ? '—' : value.toFixed(0);
}

function mib(kib: number): string {
  return (kib / 1024).toFixed(0);
}
