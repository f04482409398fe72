import { sql } from 'kysely';
import { testBackends, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BillingDeps } from '../src/app/deps.js';
import { payOrder } from '../src/app/pay.js';
import { resumeOrders } from '../src/app/resume-job.js';
import type { PaymentProvider } from '../src/providers/provider.js';
import { createTestProvider, TEST_CARDS, type TestPaymentProvider } from '../src/providers/test-provider.js';
import { billingKit, type BillingKit } from './support/billing-kit.js';

/** Where the process dies: before or after each provider call of the saga. */
const CRASH_POINTS = ['before-authorize', 'after-authorize', 'before-capture', 'after-capture'] as const;
type CrashPoint = (typeof CRASH_POINTS)[number];

class ProcessDied extends Error {}

/** The processor outlives our process; this wrapper kills "our side" at one point of the saga. */
function dyingAt(point: CrashPoint | null, processor: PaymentProvider): PaymentProvider {
  const die = (at: CrashPoint) => {
    if (point === at) throw new ProcessDied(at);
  };
  return {
    ...processor,
    name: processor.name,
    authorize: async (input) => { die('before-authorize'); const result = await processor.authorize(input); die('after-authorize'); return result; },
    capture: async (input) => { die('before-capture'); const result = await processor.capture(input); die('after-capture'); return result; },
    confirm: (input) => processor.confirm(input),
    void: (input) => processor.void(input),
    refund: (input) => processor.refund(input),
    payout: (input) => processor.payout(input),
    parseWebhook: (raw, headers, now) => processor.parseWebhook(raw, headers, now),
  };
}

let kit: BillingKit;
let instructor: TestTenant;
let processor: TestPaymentProvider;

function depsWith(provider: PaymentProvider): BillingDeps & { tenantDatabases: BillingKit['platform']['tenantDatabases'] } {
  const { db, outbox, logger, config, tenantDatabases } = kit.platform;
  return { db, outbox, logger, config, tenantDatabases, provider };
}

async function ledgerOfOrder(tenantId: string, orderId: string): Promise<{ charges: number; clearing: number; total: number }> {
  return kit.platform.db.withSystem(async (tx) => {
    const { rows } = await sql<{ charges: number; clearing: number; total: number }>`
      select (select count(*)::int from billing.ledger_entries where tenant_id = ${tenantId} and order_id = ${orderId} and kind = 'charge') as charges,
             coalesce((select sum(p.amount_minor)::bigint from billing.ledger_postings p join billing.ledger_entries e on e.tenant_id = p.tenant_id and e.id = p.entry_id
                       where e.tenant_id = ${tenantId} and e.order_id = ${orderId} and e.kind = 'charge' and p.account = 'clearing'), 0) as clearing,
             coalesce((select sum(amount_minor)::bigint from billing.ledger_postings where tenant_id = ${tenantId}), 0) as total`.execute(tx);
    const row = rows[0]!;
    return { charges: Number(row.charges), clearing: Number(row.clearing), total: Number(row.total) };
  });
}

beforeAll(async () => {
  kit = await billingKit();
  instructor = await kit.member(kit.admin, ['instructor']);
  processor = createTestProvider({ webhookSecret: 'saga-crash-secret-0123456789' });
});

afterAll(async () => {
  await kit?.close();
});

describe(`the saga after a crash at each step (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  for (const point of CRASH_POINTS) {
    it(`converges after dying ${point}: captured at the processor exactly when booked once, or failed with nothing captured`, async () => {
      const course = await kit.pricedCourse(kit.admin, instructor, 4_200);
      const student = await kit.member(kit.admin);
      const { enrollmentId, orderId } = await kit.pendingEnrollment(student, course);

      await expect(payOrder(depsWith(dyingAt(point, processor)), student.tenantId, student.subject, orderId, { paymentMethod: TEST_CARDS.success }))
        .rejects.toBeInstanceOf(ProcessDied);
      // The restarted process: a later resume run (past the time an interrupted authorization is given up).
      const later = new Date(Date.now() + 60 * 60_000);
      await resumeOrders(depsWith(processor), later);
      await resumeOrders(depsWith(processor), later);

      const order = (await kit.request(student, 'GET', `/billing/orders/${orderId}`)).json<{ status: string; totalMinor: number }>();
      const capturedAtProcessor = processor.events().filter((event) => event.type === 'payment.captured' && event.orderId === orderId).map((event) => event.amountMinor);
      const booked = await ledgerOfOrder(student.tenantId, orderId);
      expect(booked.total).toBe(0);
      const captured = (await kit.events(kit.admin, 'billing.payment.captured')).filter((event) => event.orderId === orderId);
      const failed = (await kit.events(kit.admin, 'billing.payment.failed')).filter((event) => event.orderId === orderId);
      if (point === 'before-capture' || point === 'after-capture') {
        expect(order.status).toBe('paid');
        expect(capturedAtProcessor).toEqual([order.totalMinor]);
        expect(booked).toMatchObject({ charges: 1, clearing: order.totalMinor });
        expect(captured).toHaveLength(1);
        expect(captured[0]).toMatchObject({ enrollmentId });
      } else {
        expect(order.status).toBe('failed');
        expect(capturedAtProcessor).toEqual([]);
        expect(booked.charges).toBe(0);
        expect(failed).toHaveLength(1);
      }
    });
  }
});
