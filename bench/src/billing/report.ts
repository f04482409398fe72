import type { Json, Table } from '../lib/bench.js';
import type { BillingPlan, BillingResult } from './measure.js';

export function resultsTable(results: BillingResult[]): Table {
  return {
    title: 'Purchases through the saga (EnrollmentRequested → order → pay with a test card → captured and booked) and reconciliation',
    columns: [
      { key: 'backends', title: 'backends' }, { key: 'paid', title: 'paid' }, { key: 'rate', title: 'purchases/s', decimals: 1 },
      { key: 'p50', title: 'p50 ms', decimals: 0 }, { key: 'p99', title: 'p99 ms', decimals: 0 },
      { key: 'postings', title: 'postings reconciled' }, { key: 'reconcile', title: 'reconcile s', decimals: 2 }, { key: 'balanced', title: 'balanced' },
    ],
    rows: results.map((result) => ({
      backends: result.backends, paid: `${result.paid} / ${result.purchases}`, rate: result.purchasesPerSecond,
      p50: result.latencyMs.p50, p99: result.latencyMs.p99, postings: result.reconciliation.postings,
      reconcile: result.reconciliation.seconds, balanced: result.reconciliation.balanced ? 'yes' : 'NO',
    })),
  };
}

export function figuresOf(results: BillingResult[]): Record<string, Json> {
  return { runs: JSON.parse(JSON.stringify(results)) as Json };
}

export function notesOf(plan: BillingPlan): string[] {
  return [
    `Each purchase: the enrollment service's EnrollmentRequested written to the outbox (as enrollment does), relayed to the bus, billing's consumer opening the order; the student polls for it every 5 ms, then pays over HTTP with the built-in test processor (authorize, capture, charge and fee entries, PaymentCaptured) — ${plan.concurrency} purchases in flight.`,
    'Latency is from the event entering the outbox to the pay request answering `paid`.',
    'Reconciliation: the balances of every account summed from all postings (the ledger keeps no mutable balance), timed as GET /billing/ledger/balances answers it; seeding the postings is not part of it.',
  ];
}
