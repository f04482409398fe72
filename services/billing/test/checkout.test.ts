import { testBackends, testTenant, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROLLMENTS_CONSUMER, TEST_CARDS, THREE_D_SECURE_CODE } from '../src/index.js';
import { billingKit, payHeaders, type BillingKit } from './support/billing-kit.js';

let kit: BillingKit;
let instructor: TestTenant;

interface Balances { accounts: Array<{ account: string; currency: string; balanceMinor: number }>; totals: Array<{ currency: string; sumMinor: number }> }

async function balances(who: TestTenant = kit.admin): Promise<Balances> {
  const response = await kit.request(who, 'GET', '/billing/ledger/balances');
  expect(response.statusCode).toBe(200);
  return response.json<Balances>();
}

function balanceOf(books: Balances, account: string): number {
  return books.accounts.find((row) => row.account === account)?.balanceMinor ?? 0;
}

beforeAll(async () => {
  kit = await billingKit();
  instructor = await kit.member(kit.admin, ['instructor']);
  const settings = await kit.request(kit.admin, 'PUT', '/billing/settings', { taxRateBp: 2000, commissionBp: 2000 }, { 'if-match': '"1"' });
  expect(settings.statusCode).toBe(200);
});

afterAll(async () => {
  await kit?.close();
});

describe(`checkout and the ledger (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('charges a test card once, books tax, commission and the instructor\'s share, and tells enrollment the payment is captured', async () => {
    const course = await kit.pricedCourse(kit.admin, instructor, 4_999);
    const student = await kit.member(kit.admin);
    const { enrollmentId, orderId } = await pendingOrder(student, course);
    const before = await balances();

    const headers = payHeaders();
    const paid = await kit.request(student, 'POST', `/billing/orders/${orderId}/pay`, { paymentMethod: TEST_CARDS.success }, headers);
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', subtotalMinor: 4_999, taxMinor: 1_000, totalMinor: 5_999, currency: 'EUR' });
    const replay = await kit.request(student, 'POST', `/billing/orders/${orderId}/pay`, { paymentMethod: TEST_CARDS.success }, headers);
    expect(replay.json()).toEqual(paid.json());

    const after = await balances();
    expect(balanceOf(after, 'tax_payable') - balanceOf(before, 'tax_payable')).toBe(-1_000);
    expect(balanceOf(after, 'platform_commission') - balanceOf(before, 'platform_commission')).toBe(-1_000);
    expect(balanceOf(after, `payable:${instructor.subject}`) - balanceOf(before, `payable:${instructor.subject}`)).toBe(-3_999);
    expect(after.totals).toEqual([{ currency: 'EUR', sumMinor: 0 }]);
    expect((await kit.events(kit.admin, 'billing.payment.captured')).filter((event) => event.enrollmentId === enrollmentId)).toHaveLength(1);

    const earnings = await kit.request(instructor, 'GET', '/billing/earnings');
    expect(earnings.json().balances).toContainEqual({ currency: 'EUR', balanceMinor: expect.any(Number) as number });
  });

  it('leaves a declined card unpaid with the issuer\'s reason, books nothing, and tells enrollment to free the seat', async () => {
    const course = await kit.pricedCourse(kit.admin, instructor, 1_000);
    const student = await kit.member(kit.admin);
    const { enrollmentId, orderId } = await pendingOrder(student, course);
    const before = await balances();

    for (const [card, code] of [[TEST_CARDS.declined, 'card_declined']] as const) {
      const response = await kit.request(student, 'POST', `/billing/orders/${orderId}/pay`, { paymentMethod: card }, payHeaders());
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'failed', failure: { code } });
      expect(response.json().failure.message).toMatch(/\w/);
    }
    expect(await balances()).toEqual(before);
    expect((await kit.events(kit.admin, 'billing.payment.failed')).filter((event) => event.enrollmentId === enrollmentId)).toHaveLength(1);
    const again = await kit.request(student, 'POST', `/billing/orders/${orderId}/pay`, { paymentMethod: TEST_CARDS.success }, payHeaders());
    expect(again.statusCode, again.body).toBe(409);
  });

  it('asks for 3-D Secure, refuses a wrong answer, and charges after the right one', async () => {
    const course = await kit.pricedCourse(kit.admin, instructor, 2_500);
    const [good, bad] = [await kit.member(kit.admin), await kit.member(kit.admin)];
    const first = await pendingOrder(good, course);
    const second = await pendingOrder(bad, course);

    const challenged = await kit.request(good, 'POST', `/billing/orders/${first.orderId}/pay`, { paymentMethod: TEST_CARDS.threeDSecure }, payHeaders());
    expect(challenged.json()).toMatchObject({ status: 'requires_action', challenge: expect.stringContaining(THREE_D_SECURE_CODE) as string });
    const confirmed = await kit.request(good, 'POST', `/billing/orders/${first.orderId}/confirm`, { response: THREE_D_SECURE_CODE }, payHeaders());
    expect(confirmed.json()).toMatchObject({ status: 'paid', challenge: null });

    await kit.request(bad, 'POST', `/billing/orders/${second.orderId}/pay`, { paymentMethod: TEST_CARDS.threeDSecure }, payHeaders());
    const refused = await kit.request(bad, 'POST', `/billing/orders/${second.orderId}/confirm`, { response: '0000' }, payHeaders());
    expect(refused.json()).toMatchObject({ status: 'failed', failure: { code: 'authentication_failed' } });
  });

  it('charges once when two payments with one Idempotency-Key race', async () => {
    const course = await kit.pricedCourse(kit.admin, instructor, 700);
    const student = await kit.member(kit.admin);
    const { orderId } = await pendingOrder(student, course);
    const headers = payHeaders();
    const before = await balances();
    const responses = await Promise.all([0, 1, 2].map(() => kit.request(student, 'POST', `/billing/orders/${orderId}/pay`, { paymentMethod: TEST_CARDS.success }, headers)));
    expect(responses.filter((response) => response.statusCode === 200).length).toBeGreaterThanOrEqual(1);
    expect(responses.every((response) => [200, 409].includes(response.statusCode))).toBe(true);
    const after = await balances();
    expect(balanceOf(after, 'tax_payable') - balanceOf(before, 'tax_payable')).toBe(-140);
  });

  it('applies a coupon, refuses unknown, expired and foreign-currency coupons with 4xx and moves nothing', async () => {
    const coupon = await kit.request(kit.admin, 'POST', '/billing/coupons', { code: 'spring-25', percentBp: 2500, maxRedemptions: 1 });
    expect(coupon.statusCode).toBe(201);
    expect((await kit.request(kit.admin, 'POST', '/billing/coupons', { code: 'FIXED', amountMinor: 100, currency: 'USD' })).statusCode).toBe(422);
    expect((await kit.request(kit.admin, 'POST', '/billing/coupons', { code: 'BOTH', amountMinor: 100, percentBp: 10 })).statusCode).toBe(400);
    const course = await kit.pricedCourse(kit.admin, instructor, 2_000);
    const [first, second] = [await kit.member(kit.admin), await kit.member(kit.admin)];
    const one = await pendingOrder(first, course);
    const two = await pendingOrder(second, course);
    const before = await balances();

    const unknown = await kit.request(first, 'POST', `/billing/orders/${one.orderId}/pay`, { paymentMethod: TEST_CARDS.success, couponCode: 'NOPE-1' }, payHeaders());
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(await balances()).toEqual(before);

    const discounted = await kit.request(first, 'POST', `/billing/orders/${one.orderId}/pay`, { paymentMethod: TEST_CARDS.success, couponCode: 'Spring-25' }, payHeaders());
    expect(discounted.json()).toMatchObject({ status: 'paid', discountMinor: 500, taxMinor: 300, totalMinor: 1_800, couponCode: 'SPRING-25' });
    const exhausted = await kit.request(second, 'POST', `/billing/orders/${two.orderId}/pay`, { paymentMethod: TEST_CARDS.success, couponCode: 'SPRING-25' }, payHeaders());
    expect(exhausted.statusCode).toBe(422);
    expect(exhausted.json().errors[0].pointer).toBe('/body/couponCode');
  });

  it('refunds part then the rest, refuses more than is left, and brings every account of the order back to zero', async () => {
    const course = await kit.pricedCourse(kit.admin, instructor, 3_333);
    const student = await kit.member(kit.admin);
    const { orderId } = await pendingOrder(student, course);
    const before = await balances();
    const paid = (await kit.request(student, 'POST', `/billing/orders/${orderId}/pay`, { paymentMethod: TEST_CARDS.success }, payHeaders())).json<{ totalMinor: number }>();

    const part = await kit.request(kit.admin, 'POST', `/billing/orders/${orderId}/refunds`, { amountMinor: 1_001, reason: 'one module was cancelled' }, payHeaders('refund-1'));
    expect(part.json()).toMatchObject({ status: 'partially_refunded', refundedMinor: 1_001 });
    const again = await kit.request(kit.admin, 'POST', `/billing/orders/${orderId}/refunds`, { amountMinor: 1_001, reason: 'one module was cancelled' }, payHeaders('refund-1'));
    expect(again.json()).toMatchObject({ refundedMinor: 1_001 });
    const tooMuch = await kit.request(kit.admin, 'POST', `/billing/orders/${orderId}/refunds`, { amountMinor: paid.totalMinor, reason: 'all' }, payHeaders());
    expect(tooMuch.statusCode).toBe(422);
    const rest = await kit.request(kit.admin, 'POST', `/billing/orders/${orderId}/refunds`, { amountMinor: paid.totalMinor - 1_001, reason: 'the rest' }, payHeaders());
    expect(rest.json()).toMatchObject({ status: 'refunded', refundedMinor: paid.totalMinor });

    const after = await balances();
    for (const account of ['tax_payable', 'platform_commission', `payable:${instructor.subject}`]) {
      expect(balanceOf(after, account)).toBe(balanceOf(before, account));
    }
    expect(after.totals).toEqual([{ currency: 'EUR', sumMinor: 0 }]);
    expect(await kit.events(kit.admin, 'billing.refund.issued')).toContainEqual(expect.objectContaining({ orderId, full: true }));
  });

  it('refunds a payment captured for an enrollment that ended meanwhile, and cancels an unpaid order whose enrollment expired', async () => {
    const course = await kit.pricedCourse(kit.admin, instructor, 1_200);
    const [late, gone] = [await kit.member(kit.admin), await kit.member(kit.admin)];
    const paid = await pendingOrder(late, course);
    await kit.request(late, 'POST', `/billing/orders/${paid.orderId}/pay`, { paymentMethod: TEST_CARDS.success }, payHeaders());
    await kit.deliver(late, ENROLLMENTS_CONSUMER, 'enrollment.enrollment.expired', { enrollmentId: paid.enrollmentId, courseId: course.courseId, userId: late.subject, status: 'expired', priceRef: course.priceId });
    expect((await kit.request(late, 'GET', `/billing/orders/${paid.orderId}`)).json()).toMatchObject({ status: 'refunded' });

    const unpaid = await pendingOrder(gone, course);
    await kit.deliver(gone, ENROLLMENTS_CONSUMER, 'enrollment.enrollment.expired', { enrollmentId: unpaid.enrollmentId, courseId: course.courseId, userId: gone.subject, status: 'expired', priceRef: course.priceId });
    expect((await kit.request(gone, 'GET', `/billing/orders/${unpaid.orderId}`)).json()).toMatchObject({ status: 'cancelled' });
    const pay = await kit.request(gone, 'POST', `/billing/orders/${unpaid.orderId}/pay`, { paymentMethod: TEST_CARDS.success }, payHeaders());
    expect(pay.statusCode).toBe(409);
    expect((await balances()).totals).toEqual([{ currency: 'EUR', sumMinor: 0 }]);
  });

  it('refuses bad input with problems and no change: negative, fractional and foreign-currency prices, a missing Idempotency-Key, a forged webhook', async () => {
    const course = await kit.pricedCourse(kit.admin, instructor, 100);
    for (const body of [{ amountMinor: -1, currency: 'EUR' }, { amountMinor: 10.5, currency: 'EUR' }, { amountMinor: 100, currency: 'eur' }]) {
      const response = await kit.request(kit.admin, 'PUT', `/billing/courses/${course.courseId}/price`, body);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await kit.request(kit.admin, 'PUT', `/billing/courses/${course.courseId}/price`, { amountMinor: 100, currency: 'USD' })).statusCode).toBe(422);
    const student = await kit.member(kit.admin);
    const { orderId } = await pendingOrder(student, course);
    const keyless = await kit.request(student, 'POST', `/billing/orders/${orderId}/pay`, { paymentMethod: TEST_CARDS.success });
    expect(keyless.statusCode).toBe(400);
    expect(keyless.json().code).toBe('BILLING.IDEMPOTENCY_KEY_REQUIRED');
    const before = await balances();
    const forged = await kit.app.inject({
      method: 'POST', url: '/api/v1/billing/webhooks/test', headers: { 'content-type': 'application/json', 'tessera-signature': 't=1,v1=00' },
      payload: JSON.stringify({ id: 'evt_forged', type: 'payment.captured', paymentRef: 'x', orderId, amountMinor: 1, currency: 'EUR', occurredAt: new Date().toISOString() }),
    });
    expect(forged.statusCode).toBe(400);
    expect(await balances()).toEqual(before);
  });

  it('keeps every tenant\'s prices, orders and ledger to itself', async () => {
    const course = await kit.pricedCourse(kit.admin, instructor, 900);
    const student = await kit.member(kit.admin);
    const { enrollmentId, orderId } = await pendingOrder(student, course);
    const other = await testTenant(kit.platform, ['tenant_admin']);
    const outsider = await kit.member(other);
    expect((await kit.request(outsider, 'GET', `/billing/orders/${orderId}`)).statusCode).toBe(404);
    expect((await kit.request(other, 'GET', `/billing/orders/${orderId}`)).statusCode).toBe(404);
    expect((await kit.request(outsider, 'GET', `/billing/enrollments/${enrollmentId}/order`)).statusCode).toBe(404);
    expect((await kit.request(outsider, 'POST', `/billing/orders/${orderId}/pay`, { paymentMethod: TEST_CARDS.success }, payHeaders())).statusCode).toBe(404);
    expect((await kit.request(other, 'PUT', `/billing/courses/${course.courseId}/price`, { amountMinor: 1, currency: 'EUR' })).statusCode).toBe(404);
    expect((await kit.request(outsider, 'GET', `/billing/courses/${course.courseId}/price`)).statusCode).toBe(404);
    expect((await kit.request(other, 'GET', '/billing/ledger/balances')).json()).toEqual({ accounts: [], totals: [] });
    const classmate = await kit.member(kit.admin);
    expect((await kit.request(classmate, 'GET', `/billing/orders/${orderId}`)).statusCode).toBe(404);
  });
});

async function pendingOrder(student: TestTenant, course: { courseId: string; priceId: string }) {
  return kit.pendingEnrollment(student, course);
}
