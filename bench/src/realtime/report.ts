import type { Json, Table } from '../lib/bench.js';
import type { LatencySummary } from '../lib/percentiles.js';
import type { Transport } from './live-client.js';
import type { PhaseResult, RealtimeResult } from './measure.js';

/** The issue's budget for one process. */
export const BUDGET = { connections: 10_000, p99Ms: 250, dropped: 0 } as const;

const PHASES = [
  { key: 'graded', label: 'graded event → bus → notify → client' },
  { key: 'live', label: 'live channel → client only' },
] as const;

export function resultsTable(result: RealtimeResult, transports: Transport[]): Table {
  const name = (t: Transport) => (t === 'sse' ? 'SSE' : 'WebSocket');
  const row = (path: string, label: string, opened: number, arrived: number, latency: LatencySummary | null, phase: PhaseResult) => ({
    path, transport: label, opened, arrived, p50: latency?.p50 ?? null, p95: latency?.p95 ?? null, p99: latency?.p99 ?? null, max: latency?.max ?? null,
    fanout: phase.fanoutSeconds,
  });
  const rows = PHASES.flatMap(({ key, label }) => {
    const phase = result[key];
    return [
      ...(transports.length > 1 ? transports.map((t) => row(label, name(t), result.openedBy[t], phase.arrivedBy[t], phase.latencyMsBy[t], phase)) : []),
      row(label, transports.length > 1 ? 'all' : name(transports[0] as Transport), result.opened, phase.arrived, phase.latencyMs, phase),
    ];
  });
  return {
    title: `Fan-out of one notice per user to ${result.requested} live connections (${result.backends})`,
    columns: [
      { key: 'path', title: 'path' }, { key: 'transport', title: 'transport' }, { key: 'opened', title: 'connections held' }, { key: 'arrived', title: 'notified' },
      { key: 'p50', title: 'p50 ms', decimals: 0 }, { key: 'p95', title: 'p95 ms', decimals: 0 }, { key: 'p99', title: 'p99 ms', decimals: 0 }, { key: 'max', title: 'max ms', decimals: 0 },
      { key: 'fanout', title: 'fan-out s', decimals: 2 },
    ],
    rows,
  };
}

export function summaryTable(result: RealtimeResult): Table {
  const p99 = result.graded.latencyMs?.p99 ?? null;
  const liveP99 = result.live.latencyMs?.p99 ?? null;
  return {
    title: 'Against the budget (one process: 10,000 held, p99 ≤ 250 ms, 0 dropped)',
    columns: [
      { key: 'figure', title: 'figure' }, { key: 'value', title: 'measured' }, { key: 'budget', title: 'budget' }, { key: 'met', title: 'met' },
    ],
    rows: [
      { figure: 'connections held', value: `${result.opened} of ${result.requested}`, budget: `${BUDGET.connections}`, met: yesNo(result.opened >= BUDGET.connections) },
      { figure: 'delivery p99 (graded event → client)', value: p99 === null ? '—' : `${Math.round(p99)} ms`, budget: `≤ ${BUDGET.p99Ms} ms`, met: p99 === null ? 'no' : yesNo(p99 <= BUDGET.p99Ms) },
      { figure: 'delivery p99 (live channel → client only)', value: liveP99 === null ? '—' : `${Math.round(liveP99)} ms`, budget: `(≤ ${BUDGET.p99Ms} ms)`, met: liveP99 === null ? 'no' : yesNo(liveP99 <= BUDGET.p99Ms) },
      { figure: 'connections dropped', value: `${result.dropped}`, budget: `${BUDGET.dropped}`, met: yesNo(result.dropped === BUDGET.dropped) },
      { figure: 'notified (graded events)', value: `${result.graded.arrived} of ${result.opened}`, budget: 'all', met: yesNo(result.opened > 0 && result.graded.arrived === result.opened) },
      { figure: 'server memory per connection', value: result.memoryPerConnectionKiB === null ? '—' : `${result.memoryPerConnectionKiB.toFixed(1)} KiB`, budget: '—', met: '—' },
      { figure: 'server RSS before → all open → after fan-out', value: `${mib(result.rssBefore.rssKiB)} → ${mib(result.rssOpen.rssKiB)} → ${mib(result.rssAfterFanout.rssKiB)} MiB`, budget: '—', met: '—' },
      { figure: 'opening all connections', value: `${result.openSeconds.toFixed(1)} s`, budget: '—', met: '—' },
      { figure: 'graded fan-out (first event → last notification)', value: seconds(result.graded.fanoutSeconds), budget: '—', met: '—' },
      { figure: 'publishing the graded events to the bus', value: seconds(result.graded.publishMs / 1000), budget: '—', met: '—' },
      { figure: 'live-only fan-out (first notice → last arrival)', value: seconds(result.live.fanoutSeconds), budget: '—', met: '—' },
    ],
  };
}

export function figuresOf(result: RealtimeResult): Record<string, Json> {
  return JSON.parse(JSON.stringify(result)) as Record<string, Json>;
}

export function notesOf(result: RealtimeResult): string[] {
  const notes = [
    'Graded path: latency from the graded event being handed to the bus (stamped in the server process) to the client parsing its `notification` (same machine clock); it includes the bus, notify\'s results consumer storing each notification and planning its deliveries (one transaction per event), and the live channel.',
    'Every graded event is published at once (a burst, as when an exam\'s results are released together), so the latency of the last users includes waiting behind the others in notify\'s results consumer.',
    'Live-only path: afterwards the server hands one notice per user straight to the live channel (as notify does once a notification is stored), stamped per notice; this isolates what holding the connections costs from storing the notifications.',
    `Memory per connection is the server's RSS (VmRSS) with every connection open minus before any opened, divided by the connections held, each read after a full GC${result.rssOpen.collected ? '' : ' (not available: read after settling)'}.`,
    'Clients run in the bench process, one socket each (no connection sharing), over 127.0.0.1.',
  ];
  const failures = Object.entries(result.openFailures);
  if (failures.length > 0) notes.push(`Opens that failed: ${failures.map(([reason, n]) => `${n} × ${reason}`).join('; ')}.`);
  const dropped = Object.entries(result.droppedReasons);
  if (dropped.length > 0) notes.push(`Dropped: ${dropped.map(([reason, n]) => `${n} × ${reason}`).join('; ')}.`);
  return notes;
}

function seconds(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(2)} s`;
}

function yesNo(ok: boolean): string {
  return ok ? 'yes' : 'no';
}

function mib(kib: number): string {
  return (kib / 1024).toFixed(0);
}
