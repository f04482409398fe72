import { sql } from 'kysely';
import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeProvider } from '../src/providers/stripe-provider.js';
import { billingKit, payHeaders, type BillingKit } from './support/billing-kit.js';
import { FAKE_PAYMENT_METHODS, startFakeStripe, type FakeStripe } from './support/fake-stripe.js';

const SECRET = 'whsec_fake_stripe_chargeback';
let fake: FakeStripe;
let kit: BillingKit;

beforeAll(async () => {
  fake = await startFakeStripe({ webhookSecret: SECRET });
  kit = await billingKit({ makeProvider: () => createStripeProvider({ apiKey: 'sk_test_fake', webhookSecret: SECRET, host: fake.host, port: fake.port, protocol: 'http' }) });
});

afterAll(async () => {
  await kit?.close();
  await fake?.close();
});

describe(`a Stripe dispute through the service (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('finds the order by its payment reference (a dispute carries no order id) and books the chargeback with Stripe\'s fee', async () => {
    const instructor = await kit.member(kit.admin, ['instructor']);
    const course = await kit.pricedCourse(kit.admin, instructor, 3_000);
    const student = await kit.member(kit.admin);
    const { orderId } = await kit.pendingEnrollment(student, course);
    const paid = await kit.request(student, 'POST', `/billing/orders/${orderId}/pay`, { paymentMethod: FAKE_PAYMENT_METHODS.visa }, payHeaders());
    expect(paid.json()).toMatchObject({ status: 'paid' });
    const intentId = await kit.platform.db.withSystem(async (tx) => (await sql<{ payment_ref: string }>`select payment_ref from billing.orders where id = ${orderId}`.execute(tx)).rows[0]?.payment_ref);
    expect(intentId).toMatch(/^pi_/);

    const webhook = fake.signedWebhook(fake.event('charge.dispute.created', fake.dispute(String(intentId), { feeMinor: 1_500 })));
    const delivered = await kit.app.inject({ method: 'POST', url: '/api/v1/billing/webhooks/stripe', headers: webhook.headers, payload: webhook.rawBody });
    expect(delivered.statusCode, delivered.body).toBeLessThan(300);

    expect((await kit.request(kit.admin, 'GET', `/billing/orders/${orderId}`)).json()).toMatchObject({ status: 'disputed' });
    const books = (await kit.request(kit.admin, 'GET', '/billing/ledger/balances')).json<{ accounts: Array<{ account: string; balanceMinor: number }>; totals: unknown[] }>();
    expect(books.totals).toEqual([{ currency: 'EUR', sumMinor: 0 }]);
    expect(books.accounts.find((row) => row.account === 'processing_fees')?.balanceMinor ?? 0).toBeGreaterThanOrEqual(1_500);
    expect((await kit.events(kit.admin, 'billing.refund.issued')).filter((event) => event.orderId === orderId)).toEqual([expect.objectContaining({ full: true })]);
  });
});
