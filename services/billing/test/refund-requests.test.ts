import { testBackends, testTenant, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../src/index.js';
import { billingKit, payHeaders, type BillingKit } from './support/billing-kit.js';

let kit: BillingKit;
let instructor: TestTenant;

async function paidOrder(student: TestTenant, amountMinor = 2_000): Promise<string> {
  const course = await kit.pricedCourse(kit.admin, instructor, amountMinor);
  const { orderId } = await kit.pendingEnrollment(student, course);
  const paid = await kit.request(student, 'POST', `/billing/orders/${orderId}/pay`, { paymentMethod: TEST_CARDS.success }, payHeaders());
  expect(paid.json().status).toBe('paid');
  return orderId;
}

beforeAll(async () => {
  kit = await billingKit();
  instructor = await kit.member(kit.admin, ['instructor']);
});

afterAll(async () => {
  await kit?.close();
});

describe(`refund requests (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('lets a student ask once, an admin approve once, and refunds the whole order', async () => {
    const student = await kit.member(kit.admin);
    const orderId = await paidOrder(student);
    const asked = await kit.request(student, 'POST', `/billing/orders/${orderId}/refund-requests`, { reason: 'The course is not what I needed' });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'requested', amountMinor: 2_000, orderId });
    expect((await kit.request(student, 'POST', `/billing/orders/${orderId}/refund-requests`, { reason: 'again' })).statusCode).toBe(409);

    const queue = await kit.request(kit.admin, 'GET', '/admin/billing/refunds');
    expect(queue.json().items.map((refund: { id: string }) => refund.id)).toContain(asked.json().id);
    const key = payHeaders();
    const approved = await kit.request(kit.admin, 'POST', `/billing/refunds/${asked.json().id}/approve`, undefined, key);
    expect(approved.json()).toMatchObject({ status: 'succeeded' });
    const twice = await kit.request(kit.admin, 'POST', `/billing/refunds/${asked.json().id}/approve`, undefined, payHeaders());
    expect(twice.json()).toMatchObject({ status: 'succeeded' });
    expect((await kit.request(student, 'GET', `/billing/orders/${orderId}`)).json()).toMatchObject({ status: 'refunded', refundedMinor: 2_000 });
    const books = (await kit.request(kit.admin, 'GET', '/billing/ledger/balances')).json<{ totals: unknown[] }>();
    expect(books.totals).toEqual([{ currency: 'EUR', sumMinor: 0 }]);
  });

  it('turns a request down without moving money, refuses requests after the window, and hides requests from others', async () => {
    const student = await kit.member(kit.admin);
    const orderId = await paidOrder(student);
    const asked = (await kit.request(student, 'POST', `/billing/orders/${orderId}/refund-requests`, { reason: 'Changed my mind' })).json<{ id: string }>();
    const rejected = await kit.request(kit.admin, 'POST', `/billing/refunds/${asked.id}/reject`);
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
    expect((await kit.request(kit.admin, 'POST', `/billing/refunds/${asked.id}/approve`, undefined, payHeaders())).statusCode).toBe(409);
    expect((await kit.request(student, 'GET', `/billing/orders/${orderId}`)).json()).toMatchObject({ status: 'paid', refundedMinor: 0 });

    const classmate = await kit.member(kit.admin);
    expect((await kit.request(classmate, 'GET', `/billing/orders/${orderId}/refunds`)).statusCode).toBe(404);
    expect((await kit.request(classmate, 'POST', `/billing/orders/${orderId}/refund-requests`, { reason: 'mine?' })).statusCode).toBe(404);
    const other = await testTenant(kit.platform, ['tenant_admin']);
    expect((await kit.request(other, 'POST', `/billing/refunds/${asked.id}/approve`, undefined, payHeaders())).statusCode).toBe(404);
    expect((await kit.request(other, 'GET', `/billing/orders/${orderId}/refunds`)).statusCode).toBe(404);

    const closed = await kit.request(kit.admin, 'PUT', '/billing/settings', { refundWindowDays: 0 }, { 'if-match': (await kit.request(kit.admin, 'GET', '/billing/settings')).headers.etag as string });
    expect(closed.statusCode).toBe(200);
    const late = await kit.request(student, 'POST', `/billing/orders/${await paidOrder(student)}/refund-requests`, { reason: 'too late' });
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('BILLING.REFUND_WINDOW_CLOSED');
  });
});
