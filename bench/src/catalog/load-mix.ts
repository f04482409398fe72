import autocannon from 'autocannon';
import type { LoadFigures } from '../kernel/load.js';
import { LatencyRecorder } from '../lib/percentiles.js';

/** One request of a mix; `next` hands them out in turn to every connection. */
export interface MixRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface MixSpec {
  connections: number;
  durationSeconds: number;
  /** Requests per second over all connections; unset sends as fast as answers come back. */
  rate?: number;
  /** Requests to send in all; the duration is then only an upper bound of the wait. */
  amount?: number;
  next: () => MixRequest;
}

/**
 * Loads `url` with keep-alive connections over loopback, each request taken from `next` (a course id drawn
 * by popularity, the next query of the mix, the next student and course). Latency is per 2xx response,
 * measured by the client.
 */
export async function loadMix(url: string, spec: MixSpec): Promise<LoadFigures> {
  const latencies = new LatencyRecorder();
  const run = autocannon({
    url, connections: spec.connections, duration: spec.durationSeconds, ...(spec.rate === undefined ? {} : { overallRate: spec.rate }),
    ...(spec.amount === undefined ? {} : { amount: spec.amount }),
    requests: [{
      setupRequest: (request) => {
        const next = spec.next();
        return { ...request, method: next.method, path: next.path, headers: { ...request.headers, ...next.headers }, ...(next.body === undefined ? {} : { body: next.body }) };
      },
    }],
  });
  run.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode >= 200 && statusCode < 300) latencies.record(responseTimeMs);
  });
  const result = await run;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
  if (latencies.count === 0) throw new Error(`No 2xx response from ${url}: status codes ${JSON.stringify(statusCodes)}, ${result.errors} errors`);
  return {
    requests: result['2xx'], requestsPerSecond: result['2xx'] / result.duration, latencyMs: latencies.summary(),
    non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, statusCodes,
  };
}

/** Hands out `items` in order, starting over at the end (a fixed, repeatable sequence). */
export function cycle<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new RangeError('cycle over no items');
  let index = 0;
  return () => {
    const item = items[index] as T;
    index = (index + 1) % items.length;
    return item;
  };
}
