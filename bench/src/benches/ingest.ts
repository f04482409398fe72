import { STANDARD_ERROR } from '@tessera/analytics';
import { chooseBackends } from '../kernel/backends.js';
import type { Bench, Json } from '../lib/bench.js';
import { numberFlag } from '../lib/flags.js';
import { measureIngest, sketchErrors, type IngestPlan, type IngestResult } from '../ingest/measure.js';
import { figuresOf, notesOf, resultsTable, sketchTable } from '../ingest/report.js';

/** Issue 10's ingest figures: events/s stored in batches of 100, batch p99, the processor's pace and window close delay, the HyperLogLog's error. */
export const bench: Bench = {
  name: 'ingest',
  description: 'Learning events over HTTP in batches (events/s durably stored, batch p50/p99), the stream processor\'s pace and window close delay, and the distinct-count error against exact counts.',
  flags: {
    batch: { type: 'string', description: 'events per request (default 100)' },
    connections: { type: 'string', description: 'keep-alive connections (default 32, quick 4)' },
    seconds: { type: 'string', description: 'load duration (default 30, quick 3)' },
    backends: { type: 'string', description: 'embedded and/or distributed (default: embedded, plus distributed with --distributed or when DATABASE_URL, NATS_URL, REDIS_URL are set)' },
    distributed: { type: 'boolean', description: 'also PostgreSQL + NATS + Redis (127.0.0.1 defaults)' },
  },
  async run(options) {
    const { quick, log } = options;
    const sets = chooseBackends({
      ...(typeof options.flags.backends === 'string' ? { backends: options.flags.backends } : {}), distributed: options.flags.distributed === true, embeddedData: 'disk',
    }, process.env);
    const plan: IngestPlan = {
      batchSize: numberFlag(options, 'batch', 100),
      connections: numberFlag(options, 'connections', quick ? 4 : 32),
      durationSeconds: numberFlag(options, 'seconds', quick ? 3 : 30),
      learners: quick ? 10 : 200,
      latenessMs: 5_000,
      drainTimeoutMs: quick ? 60_000 : 600_000,
    };
    const results: IngestResult[] = [];
    for (const set of sets) results.push(await measureIngest(set, plan, log));
    const sketch = sketchErrors(quick ? [500, 10_000] : [1_000, 10_000, 100_000, 1_000_000]);
    return {
      parameters: { backends: sets.map((set) => set.name).join(', '), batch: plan.batchSize, connections: plan.connections, seconds: plan.durationSeconds, learners: plan.learners },
      tables: [resultsTable(results), sketchTable(sketch, STANDARD_ERROR * 100)],
      figures: figuresOf(results, JSON.parse(JSON.stringify(sketch)) as Json),
      notes: notesOf(plan),
    };
  },
};
