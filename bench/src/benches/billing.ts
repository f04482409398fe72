import { chooseBackends } from '../kernel/backends.js';
import type { Bench } from '../lib/bench.js';
import { numberFlag } from '../lib/flags.js';
import { measureBilling, type BillingPlan, type BillingResult } from '../billing/measure.js';
import { figuresOf, notesOf, resultsTable } from '../billing/report.js';

/** Issue 9's billing figures: purchases/s end to end through the saga with p99, and a reconciliation over 1,000,000 postings. */
export const bench: Bench = {
  name: 'billing',
  description: 'Paid enrollments through the billing saga (purchases/s, p50/p99) and the time to reconcile the ledger over N postings, on each backend set.',
  flags: {
    purchases: { type: 'string', description: 'purchases (default 2000, quick 40)' },
    concurrency: { type: 'string', description: 'purchases in flight (default 32, quick 8)' },
    postings: { type: 'string', description: 'ledger postings reconciled (default 1000000, quick 4000)' },
    backends: { type: 'string', description: 'embedded and/or distributed (default: embedded, plus distributed with --distributed or when DATABASE_URL, NATS_URL, REDIS_URL are set)' },
    distributed: { type: 'boolean', description: 'also PostgreSQL + NATS + Redis (127.0.0.1 defaults)' },
  },
  async run(options) {
    const { quick, log } = options;
    const sets = chooseBackends({
      ...(typeof options.flags.backends === 'string' ? { backends: options.flags.backends } : {}), distributed: options.flags.distributed === true, embeddedData: 'disk',
    }, process.env);
    const plan: BillingPlan = {
      purchases: numberFlag(options, 'purchases', quick ? 40 : 2_000),
      concurrency: numberFlag(options, 'concurrency', quick ? 8 : 32),
      postings: numberFlag(options, 'postings', quick ? 4_000 : 1_000_000),
    };
    const results: BillingResult[] = [];
    for (const set of sets) results.push(await measureBilling(set, plan, log));
    return {
      parameters: { backends: sets.map((set) => set.name).join(', '), purchases: plan.purchases, concurrency: plan.concurrency, postings: plan.postings },
      tables: [resultsTable(results)],
      figures: figuresOf(results),
      notes: notesOf(plan),
    };
  },
};
