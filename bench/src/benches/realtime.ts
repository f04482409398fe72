import { chooseBackends } from '../kernel/backends.js';
import type { Bench } from '../lib/bench.js';
import { numberFlag, stringFlag } from '../lib/flags.js';
import type { Transport } from '../realtime/live-client.js';
import { measureRealtime, type RealtimePlan } from '../realtime/measure.js';
import { figuresOf, notesOf, resultsTable, summaryTable } from '../realtime/report.js';

/**
 * Issue 8's live notifications at scale: N users each hold one SSE or WebSocket connection to one notify
 * process; one results-ready event per user is fanned out to them. Memory per connection, event → client
 * latency, and connections dropped, against the budget of 10,000 held with p99 ≤ 250 ms and none dropped.
 */
export const bench: Bench = {
  name: 'realtime',
  description: 'Live notifications: N concurrent SSE/WebSocket connections to one notify process on loopback, one results-ready event per user fanned out; server memory per connection, event → client latency p50/p95/p99/max, connections dropped.',
  flags: {
    connections: { type: 'string', description: 'connections N, one user each (default 10000, quick 200)' },
    transport: { type: 'string', description: 'sse, ws or both (alternating; default both)' },
    distributed: { type: 'boolean', description: 'PostgreSQL + NATS + Redis from DATABASE_URL, NATS_URL, REDIS_URL (default 127.0.0.1) instead of embedded' },
    'open-concurrency': { type: 'string', description: 'connections being opened at once (default 100)' },
  },
  async run(options) {
    const { quick, log } = options;
    const [set] = chooseBackends({ backends: options.flags.distributed === true ? 'distributed' : 'embedded', embeddedData: 'disk' }, process.env);
    if (!set) throw new Error('no backend set');
    const plan: RealtimePlan = {
      connections: numberFlag(options, 'connections', quick ? 200 : 10_000),
      transports: transportsOf(stringFlag(options, 'transport') ?? 'both'),
      openConcurrency: numberFlag(options, 'open-concurrency', 100),
      openTimeoutMs: 60_000,
      quietMs: quick ? 15_000 : 30_000,
    };
    log(`${plan.connections} connections over ${plan.transports.join(' + ')}, backends: ${set.name}`);
    const result = await measureRealtime(set, plan, log);
    return {
      parameters: { backends: set.name, connections: plan.connections, transport: plan.transports.join('+'), openConcurrency: plan.openConcurrency, openTimeoutSeconds: plan.openTimeoutMs / 1000, quietSeconds: plan.quietMs / 1000 },
      tables: [resultsTable(result, plan.transports), summaryTable(result)],
      figures: figuresOf(result),
      notes: notesOf(result),
    };
  },
};

function transportsOf(value: string): Transport[] {
  if (value === 'both') return ['sse', 'ws'];
  if (value === 'sse' || value === 'ws') return [value];
  throw new Error(`--transport takes sse, ws or both, got "${value}"`);
}
