/**
 * HTTP load at a steady rate over keep-alive connections to loopback. autocannon paces a rate by letting each
 * connection send its share at the start of every second, which turns "N requests spread over S seconds" into
 * a burst per second and measures the queue the burst builds; this sends request i at i / rate seconds
 * instead, whatever is still in flight (an open loop: a slow server sees requests keep coming, as it would on
 * exam day). Without a rate it keeps `connections` requests in flight (a closed loop, for unmeasured setup).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { Latencies, type LatencyMs } from './latency.js';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  /** JSON text. */
  body?: string;
}

export interface LoadSpec {
  /**
   * `http://127.0.0.1:<port>` of each API process: benches send traffic to this machine only. Request i goes
   * to the i-th modulo their number, as a round-robin load balancer in front of replicas would send it.
   */
  urls: readonly string[];
  count: number;
  /** Requests per second; unset: a closed loop of `connections`. */
  rate?: number;
  /** Keep-alive connections in all, shared out over the URLs. */
  connections: number;
  /** Bound on each answer, from sending its request (a wait for a free connection included). */
  timeoutMs: number;
  request(index: number): LoadRequest;
  /** Every answer with its status and body (2xx or not). */
  onAnswer?(index: number, status: number, body: string): void;
  /** Where to record latencies, to summarize several runs as one; a recorder of this run's own by default. */
  latencies?: Latencies;
}

export interface LoadFigures {
  count: number;
  sent: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  /** Requests without an answer, by cause (`timeout`, `ECONNRESET`, ...). */
  failures: Record<string, number>;
  /** Per 2xx answer, from sending the request to the end of the answer (client-measured). */
  latencyMs: LatencyMs | null;
  /** Epoch milliseconds. */
  firstSentAt: number;
  lastSentAt: number;
  /** When the last 2xx answer arrived (epoch ms; null without any). */
  lastOkAt: number | null;
  /** How late the pacer sent its latest request against its schedule: the load generator keeping up or not. */
  maxLagMs: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const SWEEP_MS = 250;

export function runLoad(spec: LoadSpec): Promise<LoadFigures> {
  const targets = spec.urls.map((url) => new URL(url));
  const outside = targets.find((target) => !LOOPBACK.has(target.hostname));
  if (outside || targets.length === 0) throw new Error(`The exam-day bench loads this machine only, not ${outside?.href ?? 'nothing'}`);
  if (spec.count === 0) return Promise.resolve(emptyFigures());
  // An agent keeps its socket limit per host and port: each API process gets its share of the connections.
  const perTarget = Math.max(1, Math.ceil(spec.connections / targets.length));
  const agent = new http.Agent({ keepAlive: true, maxSockets: perTarget, maxFreeSockets: perTarget });
  const latencies = spec.latencies ?? new Latencies();
  const figures = emptyFigures();
  figures.count = spec.count;
  // Each request without its answer, with when it was sent: a sweep gives up on those older than the timeout.
  const inFlight = new Map<() => void, number>();
  let settled = 0;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));

  const settle = (): void => {
    settled++;
    if (spec.rate === undefined && figures.sent < spec.count) send(figures.sent);
    if (settled === spec.count) finish();
  };

  const send = (index: number): void => {
    const request = spec.request(index);
    const body = request.body ?? '';
    const headers = body === '' ? request.headers : { ...request.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    let over = false;
    const fail = (cause: string): void => {
      if (over) return;
      over = true;
      inFlight.delete(abandon);
      figures.failures[cause] = (figures.failures[cause] ?? 0) + 1;
      settle();
    };
    const abandon = (): void => {
      fail('timeout');
      outgoing.destroy();
    };
    const target = targets[index % targets.length] as URL;
    const sentAt = performance.now();
    // Client-side: measured from here, waiting for a free connection included.
    const outgoing = http.request({ agent, hostname: target.hostname, port: target.port, method: request.method, path: request.path, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? 'response error'));
      incoming.on('end', () => {
        if (over) return;
        over = true;
        inFlight.delete(abandon);
        const status = incoming.statusCode ?? 0;
        figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
        if (status >= 200 && status < 300) {
          latencies.record(performance.now() - sentAt);
          figures.lastOkAt = Date.now();
        }
        spec.onAnswer?.(index, status, Buffer.concat(chunks).toString('utf8'));
        settle();
      });
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
    inFlight.set(abandon, sentAt);
    if (figures.sent === 0) figures.firstSentAt = Date.now();
    figures.sent++;
    figures.lastSentAt = Date.now();
    outgoing.end(body);
  };

  // A request without an answer `timeoutMs` after it was sent is given up on, so a run is bounded.
  const sweep = setInterval(() => {
    const oldest = performance.now() - spec.timeoutMs;
    // Sent in order, so the oldest come first (a Map iterates in insertion order, deletions allowed).
    for (const [abandon, sentAt] of inFlight) {
      if (sentAt > oldest) break;
      abandon();
    }
  }, SWEEP_MS);

  if (spec.rate === undefined) {
    for (let i = 0; i < Math.min(spec.connections, spec.count); i++) send(i);
  } else {
    pace(spec.rate);
  }

  function pace(rate: number): void {
    const start = performance.now();
    const tick = (): void => {
      const elapsed = performance.now() - start;
      const due = Math.min(spec.count, Math.floor((elapsed / 1000) * rate) + 1);
      if (due > figures.sent) figures.maxLagMs = Math.max(figures.maxLagMs, elapsed - (figures.sent / rate) * 1000);
      while (figures.sent < due) send(figures.sent);
      if (figures.sent < spec.count) setTimeout(tick, Math.max(0, (figures.sent / rate) * 1000 - (performance.now() - start)));
    };
    tick();
  }

  return done.then(() => {
    clearInterval(sweep);
    agent.destroy();
    figures.latencyMs = latencies.summaryOrNull();
    return figures;
  });
}

/** Figures of consecutive runs as one run (their latencies recorded in `latencies`). */
export function combined(runs: readonly LoadFigures[], latencies: Latencies): LoadFigures {
  const figures = emptyFigures();
  for (const run of runs) {
    figures.count += run.count;
    figures.sent += run.sent;
    for (const [status, count] of Object.entries(run.statuses)) figures.statuses[status] = (figures.statuses[status] ?? 0) + count;
    for (const [cause, count] of Object.entries(run.failures)) figures.failures[cause] = (figures.failures[cause] ?? 0) + count;
    if (figures.firstSentAt === 0) figures.firstSentAt = run.firstSentAt;
    figures.lastSentAt = Math.max(figures.lastSentAt, run.lastSentAt);
    if (run.lastOkAt !== null) figures.lastOkAt = Math.max(figures.lastOkAt ?? 0, run.lastOkAt);
    figures.maxLagMs = Math.max(figures.maxLagMs, run.maxLagMs);
  }
  figures.latencyMs = latencies.summaryOrNull();
  return figures;
}

function emptyFigures(): LoadFigures {
  return { count: 0, sent: 0, statuses: {}, failures: {}, latencyMs: null, firstSentAt: 0, lastSentAt: 0, lastOkAt: null, maxLagMs: 0 };
}

/** Non-2xx answers by status and requests without an answer by cause, in one record (the results' `errorsByStatus`). */
export function errorsOf(figures: Pick<LoadFigures, 'statuses' | 'failures'>): Record<string, number> {
  const errors: Record<string, number> = {};
  for (const [status, count] of Object.entries(figures.statuses)) if (!status.startsWith('2')) errors[status] = count;
  for (const [cause, count] of Object.entries(figures.failures)) errors[cause] = (errors[cause] ?? 0) + count;
  return errors;
}

/** 2xx answers. */
export function okCount(figures: Pick<LoadFigures, 'statuses'>): number {
  return Object.entries(figures.statuses).reduce((sum, [status, count]) => sum + (status.startsWith('2') ? count : 0), 0);
}
