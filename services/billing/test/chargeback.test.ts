import { testBackends, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulDivRoundHalfUp } from '../src/domain/money.js';
import { createTestProvider, TEST_CARDS, type TestPaymentProvider } from '../src/index.js';
import { DEFAULT_DISPUTE_FEE_MINOR } from '../src/providers/test-provider.js';
import { billingKit, payHeaders, type BillingKit } from './support/billing-kit.js';

type Books = { accounts: Array<{ account: string; balanceMinor: number }>; totals: unknown[] };
interface ReportRow { currency: string; grossSalesMinor: number; refundsMinor: number; feesMinor: number; payoutsMinor: number; taxMinor: number; commissionMinor: number; tenantRevenueMinor: number }

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

const books = async (): Promise<Books> => (await kit.request(kit.admin, 'GET', '/billing/ledger/balances')).json<Books>();
const balanceOf = (of: Books, account: string): number => of.accounts.find((row) => row.account === account)?.balanceMinor ?? 0;
/** The test processor's fee on a capture: 2.9 % + 30. */
const captureFee = (totalMinor: number): number => mulDivRoundHalfUp(totalMinor, 290, 10_000) + 30;
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A new student's order for `course`, paid (less `refundMinor` refunded), with the processor's payment reference. */
async function paidOrder(course: { courseId: string; priceId: string }, refundMinor = 0): Promise<{ student: TestTenant; enrollmentId: string; orderId: string; paymentRef: string }> {
  const student = await kit.member(kit.admin);
  const { enrollmentId, orderId } = await kit.pendingEnrollment(student, course);
  await kit.request(student, 'POST', `/billing/orders/${orderId}/pay`, { paymentMethod: TEST_CARDS.success }, payHeaders());
  if (refundMinor > 0) await kit.request(kit.admin, 'POST', `/billing/orders/${orderId}/refunds`, { amountMinor: refundMinor, reason: 'goodwill' }, payHeaders());
  await processor.flushWebhooks();
  const paymentRef = processor.events().find((event) => event.type === 'payment.captured' && event.orderId === orderId)!.paymentRef;
  return { student, enrollmentId, orderId, paymentRef };
}

describe(`chargebacks (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('books a dispute once (its webhook delivered twice) against tax, commission and the payee, with the processor\'s fee, and ends the enrollment', async () => {
    const course = await kit.pricedCourse(kit.admin, instructor, 3_000);
    await pause();
    const from = new Date();
    const before = await books();
    const { student, enrollmentId, orderId, paymentRef } = await paidOrder(course, 500);

    processor.dispute(paymentRef);
    await processor.flushWebhooks();
    await pause();
    const to = new Date();

    const order = (await kit.request(student, 'GET', `/billing/orders/${orderId}`)).json<{ status: string; totalMinor: number; refundedMinor: number }>();
    expect(order).toMatchObject({ status: 'disputed', refundedMinor: order.totalMinor });
    const disputeEvent = processor.events().find((event) => event.type === 'payment.disputed' && event.orderId === orderId);
    expect(disputeEvent).toMatchObject({ amountMinor: order.totalMinor - 500, feeMinor: DEFAULT_DISPUTE_FEE_MINOR });

    const after = await books();
    const delta = (account: string) => balanceOf(after, account) - balanceOf(before, account);
    for (const account of ['tax_payable', 'platform_commission', `payable:${instructor.subject}`]) expect(delta(account)).toBe(0);
    // The processor kept its capture fee and the dispute fee; the tenant bears both as processing fees.
    const keptMinor = captureFee(order.totalMinor) + DEFAULT_DISPUTE_FEE_MINOR;
    expect(delta('processing_fees')).toBe(keptMinor);
    expect(delta('clearing')).toBe(-keptMinor);
    expect(after.totals).toEqual([{ currency: 'EUR', sumMinor: 0 }]);
    const ended = (await kit.events(kit.admin, 'billing.refund.issued')).filter((event) => event.enrollmentId === enrollmentId && event.full === true);
    expect(ended).toHaveLength(1);

    // The report shows the dispute fee as a fee, not as a refund, and still reconciles with the ledger.
    const report = await kit.request(kit.admin, 'GET', `/billing/reports/summary?from=${from.toISOString()}&to=${to.toISOString()}`);
    expect(report.statusCode, report.body).toBe(200);
    const [row, ...others] = report.json<{ rows: ReportRow[] }>().rows;
    expect(others).toEqual([]);
    expect(row).toMatchObject({ currency: 'EUR', grossSalesMinor: order.totalMinor, refundsMinor: order.totalMinor, feesMinor: keptMinor, payoutsMinor: 0 });
    expect(delta('clearing')).toBe(row!.grossSalesMinor - row!.refundsMinor - row!.feesMinor - row!.payoutsMinor);
    expect(delta('processing_fees')).toBe(row!.feesMinor);
  });

  it('books the fee the processor reports, and none when it charges none', async () => {
    const course = await kit.pricedCourse(kit.admin, instructor, 1_000);
    for (const feeMinor of [2_500, 0]) {
      const before = await books();
      const { student, orderId, paymentRef } = await paidOrder(course);
      processor.dispute(paymentRef, { feeMinor });
      await processor.flushWebhooks();
      const after = await books();
      const order = (await kit.request(student, 'GET', `/billing/orders/${orderId}`)).json<{ status: string; totalMinor: number }>();
      expect(order.status).toBe('disputed');
      const delta = (account: string) => balanceOf(after, account) - balanceOf(before, account);
      expect(delta('processing_fees')).toBe(captureFee(order.totalMinor) + feeMinor);
      expect(delta('clearing')).toBe(-(captureFee(order.totalMinor) + feeMinor));
      expect(after.totals).toEqual([{ currency: 'EUR', sumMinor: 0 }]);
    }
  });

  it('refuses to dispute a payment with nothing left to take back', async () => {
    const course = await kit.pricedCourse(kit.admin, instructor, 800);
    const { paymentRef } = await paidOrder(course);
    processor.dispute(paymentRef);
    expect(() => processor.dispute(paymentRef)).toThrow(/nothing left to dispute/);
    await processor.flushWebhooks();
  });
});
