import type { Json, Table } from '../lib/bench.js';
import type { IngestPlan, IngestResult } from './measure.js';

export function resultsTable(results: IngestResult[]): Table {
  return {
    title: `Learning events ingested over HTTP in batches, and aggregated into one-minute windows`,
    columns: [
      { key: 'backends', title: 'backends' }, { key: 'events', title: 'events/s ingested', decimals: 0 },
      { key: 'p50', title: 'batch p50 ms', decimals: 1 }, { key: 'p99', title: 'batch p99 ms', decimals: 1 }, { key: 'non2xx', title: 'non-2xx' },
      { key: 'processed', title: 'events/s aggregated', decimals: 0 }, { key: 'drain', title: 'drain after load s', decimals: 1 },
      { key: 'close', title: 'window close delay p99 ms', decimals: 0 },
    ],
    rows: results.map((result) => ({
      backends: result.backends, events: result.eventsPerSecond, p50: result.load.latencyMs.p50, p99: result.load.latencyMs.p99, non2xx: result.load.non2xx,
      processed: result.processedPerSecond, drain: result.drainSeconds, close: result.closeDelayMs?.p99 ?? null,
    })),
  };
}

export function sketchTable(errors: Array<{ distinct: number; estimate: number; errorPercent: number; exact: boolean }>, standardErrorPercent: number): Table {
  return {
    title: `Distinct users: exact up to 1,000, then HyperLogLog (4,096 registers, standard error ${standardErrorPercent.toFixed(2)} %)`,
    columns: [{ key: 'distinct', title: 'distinct ids' }, { key: 'estimate', title: 'estimate' }, { key: 'error', title: 'error %', decimals: 2 }, { key: 'exact', title: 'exact' }],
    rows: errors.map((row) => ({ distinct: row.distinct, estimate: row.estimate, error: row.errorPercent, exact: row.exact ? 'yes' : 'no' })),
  };
}

export function figuresOf(results: IngestResult[], sketch: Json): Record<string, Json> {
  return { runs: JSON.parse(JSON.stringify(results)) as Json, sketch };
}

export function notesOf(plan: IngestPlan): string[] {
  return [
    `Each request: POST /api/v1/events with ${plan.batchSize} compact events of one of ${plan.learners} learners (three item attempts to one page view), each validated, and the batch stored on the bus before the 202; ${plan.connections} keep-alive connections for ${plan.durationSeconds} s.`,
    'The server (analytics with its stream processor and the outbox relay) runs in a child process; the load generator (autocannon) in the bench process, on the same 2 cores, so both bound the figures.',
    'Aggregated: events counted in the course\'s windows, from the start of the load until the processor caught up (the drain), divided by that time.',
    `Window close delay: from a window's end plus the allowed lateness (${plan.latenessMs / 1000} s in this run) to the processor closing it, for windows the event stream closed during the load.`,
  ];
}
