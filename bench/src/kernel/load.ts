import autocannon from 'autocannon';
import { LatencyRecorder, type LatencySummary } from '../lib/percentiles.js';

export interface LoadSpec {
  connections: number;
  durationSeconds: number;
  /** An unmeasured run first, so the server's JIT, pools and caches are warm. */
  warmupSeconds: number;
  headers: Record<string, string>;
}

export interface LoadFigures {
  requests: number;
  requestsPerSecond: number;
  /** Per 2xx response, measured by the client (autocannon's own figures are whole milliseconds). */
  latencyMs: LatencySummary;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

/** Loads `url` with keep-alive connections over loopback TCP and measures what came back. */
export async function loadTest(url: string, spec: LoadSpec): Promise<LoadFigures> {
  const options = { url, connections: spec.connections, headers: spec.headers };
  if (spec.warmupSeconds > 0) await autocannon({ ...options, duration: spec.warmupSeconds });
  const latencies = new LatencyRecorder();
  const run = autocannon({ ...options, duration: spec.durationSeconds });
  run.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode >= 200 && statusCode < 300) latencies.record(responseTimeMs);
  });
  const result = await run;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
  if (latencies.count === 0) throw new Error(`No 2xx response from ${url}: status codes ${JSON.stringify(statusCodes)}, ${result.errors} errors`);
  return {
    requests: result['2xx'],
    requestsPerSecond: result['2xx'] / result.duration,
    latencyMs: latencies.summary(),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

/** One request before the load, so a wrong token or route fails in a second with a reason, not after a run of 401s. */
export async function checkOnce(url: string, headers: Record<string, string>, expect: (status: number, body: string) => boolean): Promise<void> {
  const response = await fetch(url, { headers });
  const body = await response.text();
  if (!expect(response.status, body)) throw new Error(`GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
}
