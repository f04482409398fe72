import { testBackends, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProvider, TEST_CARDS, type TestPaymentProvider } from '../src/index.js';
import { billingKit, payHeaders, type BillingKit } from './support/billing-kit.js';

let kit: BillingKit;
let instructor: TestTenant;
let processor: TestPaymentProvider;

beforeAll(async () => {
  kit = await billingKit({
    makeProvider: (_context, sink) => (processor = createTestProvider({ webhookSecret: 'chargeback-secret-0123456789', deliver: sink, chaos: { duplicate: 1 } })),
  });
  instructor = await kit.member(kit.admin, ['instructor']);
});

afterAll(async () => {
  await kit?.close();
});

describe(`chargebacks (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('books a dispute once (its webhook delivered twice) against tax, commission and the payee, and ends the enrollment', async () => {
    const course = await kit.pricedCourse(kit.admin, instructor, 3_000);
    const student = await kit.member(kit.admin);
    const { enrollmentId, orderId } = await kit.pendingEnrollment(student, course);
    const before = (await kit.request(kit.admin, 'GET', '/billing/ledger/balances')).json<{ accounts: Array<{ account: string; balanceMinor: number }> }>();
    await kit.request(student, 'POST', `/billing/orders/${orderId}/pay`, { paymentMethod: TEST_CARDS.success }, payHeaders());
    await kit.request(kit.admin, 'POST', `/billing/orders/${orderId}/refunds`, { amountMinor: 500, reason: 'goodwill' }, payHeaders());
    await processor.flushWebhooks();

    const paymentRef = processor.events().find((event) => event.type === 'payment.captured' && event.orderId === orderId)!.paymentRef;
    processor.dispute(paymentRef);
    await processor.flushWebhooks();

    const order = (await kit.request(student, 'GET', `/billing/orders/${orderId}`)).json();
    expect(order).toMatchObject({ status: 'disputed', refundedMinor: order.totalMinor });
    const after = (await kit.request(kit.admin, 'GET', '/billing/ledger/balances')).json<{ accounts: Array<{ account: string; balanceMinor: number }>; totals: unknown[] }>();
    const of = (books: typeof before, account: string) => books.accounts.find((row) => row.account === account)?.balanceMinor ?? 0;
    for (const account of ['tax_payable', 'platform_commission', `payable:${instructor.subject}`]) expect(of(after, account)).toBe(of(before, account));
    expect(after.totals).toEqual([{ currency: 'EUR', sumMinor: 0 }]);
    const ended = (await kit.events(kit.admin, 'billing.refund.issued')).filter((event) => event.enrollmentId === enrollmentId && event.full === true);
    expect(ended).toHaveLength(1);
  });
});
