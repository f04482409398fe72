import { chooseBackends } from '../kernel/backends.js';
import type { Bench } from '../lib/bench.js';
import { numberFlag } from '../lib/flags.js';
import { measureEmail, type EmailPlan } from '../email/measure.js';
import { figuresOf, notesOf, resultsTable } from '../email/report.js';

/** Issue 8's email throughput: result emails from one notify process to a local SMTP server, messages/s and event → message latency. */
export const bench: Bench = {
  name: 'email',
  description: 'Result emails: N recipients, one graded event each, mailed by one notify process to a local SMTP server; messages/s from the first event to the last message, event → message p50/p99.',
  flags: {
    recipients: { type: 'string', description: 'recipients N (default 2000, quick 100)' },
    distributed: { type: 'boolean', description: 'PostgreSQL + NATS + Redis from DATABASE_URL, NATS_URL, REDIS_URL (default 127.0.0.1) instead of embedded' },
    'sends-per-minute': { type: 'string', description: 'notify\'s per-tenant send limit during the run (default 1000000: not the limit under test)' },
  },
  async run(options) {
    const { quick, log } = options;
    const [set] = chooseBackends({ backends: options.flags.distributed === true ? 'distributed' : 'embedded', embeddedData: 'disk' }, process.env);
    if (!set) throw new Error('no backend set');
    const plan: EmailPlan = {
      recipients: numberFlag(options, 'recipients', quick ? 100 : 2_000),
      sendsPerMinute: numberFlag(options, 'sends-per-minute', 1_000_000),
      quietMs: quick ? 15_000 : 30_000,
    };
    log(`${plan.recipients} recipients, backends: ${set.name}`);
    const result = await measureEmail(set, plan, log);
    return {
      parameters: { backends: set.name, recipients: plan.recipients, sendsPerMinute: plan.sendsPerMinute, quietSeconds: plan.quietMs / 1000 },
      tables: [resultsTable(result)],
      figures: figuresOf(result),
      notes: notesOf(result, plan),
    };
  },
};
