import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentRefUnknown, ProviderUnavailable, WebhookRejected, type AuthorizeInput, type PaymentProvider } from '../src/providers/provider.js';
import { createStripeProvider } from '../src/providers/stripe-provider.js';
import { FAKE_PAYMENT_METHODS, startFakeStripe, type FakeStripe } from './support/fake-stripe.js';

const SECRET = 'whsec_fake_stripe';
let fake: FakeStripe;
let provider: PaymentProvider;

let keyCounter = 0;
const newKey = (label: string): string => `${label}-${(keyCounter += 1)}`;

function authorizeInput(paymentMethod: string, overrides: Partial<AuthorizeInput> = {}): AuthorizeInput {
  return { orderId: 'order-7', tenantId: 'tenant-7', amountMinor: 10_000, currency: 'EUR', paymentMethod, idempotencyKey: newKey('order'), ...overrides };
}

function providerFor(target: FakeStripe): PaymentProvider {
  return createStripeProvider({ apiKey: 'sk_test_fake', webhookSecret: SECRET, host: target.host, port: target.port, protocol: 'http' });
}

const requestsTo = (path: string) => fake.requests.filter((r) => r.path === path);

async function authorized(amountMinor = 10_000): Promise<string> {
  const result = await provider.authorize(authorizeInput(FAKE_PAYMENT_METHODS.visa, { amountMinor }));
  expect(result.status).toBe('authorized');
  return result.paymentRef;
}

async function captured(amountMinor = 10_000): Promise<string> {
  const paymentRef = await authorized(amountMinor);
  await provider.capture({ paymentRef, amountMinor, idempotencyKey: newKey('capture') });
  return paymentRef;
}

beforeAll(async () => {
  fake = await startFakeStripe({ webhookSecret: SECRET });
  provider = providerFor(fake);
});

afterAll(async () => {
  await fake.close();
});

describe('stripe provider: authorize and confirm', () => {
  it('creates a confirmed, manually captured PaymentIntent with the documented form parameters', async () => {
    const input = authorizeInput(FAKE_PAYMENT_METHODS.visa, { amountMinor: 1_999 });
    const result = await provider.authorize(input);
    expect(result).toEqual({ status: 'authorized', paymentRef: expect.stringMatching(/^pi_/) });
    const request = requestsTo('/v1/payment_intents').at(-1);
    expect(request).toMatchObject({ method: 'POST', contentType: 'application/x-www-form-urlencoded', idempotencyKey: `authorize:${input.idempotencyKey}` });
    expect(request?.params).toMatchObject({
      amount: '1999', currency: 'eur', payment_method: 'pm_card_visa', confirm: 'true', capture_method: 'manual',
      'metadata[orderId]': 'order-7', 'metadata[tenantId]': 'tenant-7',
    });
  });

  it.each([
    [FAKE_PAYMENT_METHODS.declined, 'card_declined'],
    [FAKE_PAYMENT_METHODS.insufficientFunds, 'insufficient_funds'],
    [FAKE_PAYMENT_METHODS.expired, 'expired_card'],
    [FAKE_PAYMENT_METHODS.incorrectCvc, 'incorrect_cvc'],
  ])('maps the card error of %s to a %s decline', async (paymentMethod, code) => {
    const result = await provider.authorize(authorizeInput(paymentMethod));
    expect(result).toMatchObject({ status: 'declined', code, paymentRef: expect.stringMatching(/^pi_/), message: expect.any(String) });
  });

  it('passes a 3-D Secure challenge on, and confirms it', async () => {
    const result = await provider.authorize(authorizeInput(FAKE_PAYMENT_METHODS.threeDSecure));
    expect(result).toMatchObject({ status: 'requires_action', challenge: expect.stringContaining('3-D Secure') });
    const idempotencyKey = newKey('confirm');
    expect(await provider.confirm({ paymentRef: result.paymentRef, response: 'done', idempotencyKey })).toEqual({ status: 'authorized', paymentRef: result.paymentRef });
    expect(requestsTo(`/v1/payment_intents/${result.paymentRef}/confirm`)).toEqual([expect.objectContaining({ idempotencyKey: `confirm:${idempotencyKey}` })]);
  });

  it('declines a failed 3-D Secure authentication', async () => {
    const { paymentRef } = await provider.authorize(authorizeInput(FAKE_PAYMENT_METHODS.threeDSecureFails));
    const result = await provider.confirm({ paymentRef, response: 'done', idempotencyKey: newKey('confirm') });
    expect(result).toMatchObject({ status: 'declined', code: 'authentication_failed', paymentRef });
  });

  it('treats an intent Stripe.js already confirmed as authorized', async () => {
    const { paymentRef } = await provider.authorize(authorizeInput(FAKE_PAYMENT_METHODS.threeDSecure));
    fake.completeAuthentication(paymentRef);
    expect(await provider.confirm({ paymentRef, response: 'done', idempotencyKey: newKey('confirm') })).toEqual({ status: 'authorized', paymentRef });
  });
});

describe('stripe provider: mode', () => {
  it('is in test mode with a test key (secret or restricted) only', () => {
    const withKey = (apiKey: string) => createStripeProvider({ apiKey, webhookSecret: SECRET });
    expect([provider.name, provider.testMode]).toEqual(['stripe', true]);
    expect([withKey('rk_test_x').testMode, withKey('sk_live_x').testMode, withKey('rk_live_x').testMode]).toEqual([true, false, false]);
  });
});

describe('stripe provider: idempotency', () => {
  it('sends a repeated call with the same key, which Stripe replays', async () => {
    const input = authorizeInput(FAKE_PAYMENT_METHODS.visa);
    const first = await provider.authorize(input);
    expect(await provider.authorize(input)).toEqual(first);
    const sent = fake.requests.filter((r) => r.idempotencyKey === `authorize:${input.idempotencyKey}`);
    expect(sent.map((r) => r.replayed)).toEqual([false, true]);
  });

  it('sends two racing calls with one key as one request', async () => {
    const input = authorizeInput(FAKE_PAYMENT_METHODS.visa);
    const [a, b] = await Promise.all([provider.authorize(input), provider.authorize(input)]);
    expect(a).toEqual(b);
    const paymentRef = a.paymentRef;
    const capture = { paymentRef, amountMinor: 10_000, idempotencyKey: newKey('capture') };
    const [c, d] = await Promise.all([provider.capture(capture), provider.capture(capture)]);
    expect(c).toEqual(d);
    expect(fake.requests.filter((r) => r.idempotencyKey === `authorize:${input.idempotencyKey}`)).toHaveLength(1);
    expect(requestsTo(`/v1/payment_intents/${paymentRef}/capture`)).toHaveLength(1);
  });
});

describe('stripe provider: capture, void, refund, payout', () => {
  it('captures with the expanded balance transaction and reports its fee', async () => {
    const paymentRef = await authorized();
    const idempotencyKey = newKey('capture');
    expect(await provider.capture({ paymentRef, amountMinor: 10_000, idempotencyKey })).toEqual({ captured: true, feeMinor: 290 + 30 });
    const [request] = requestsTo(`/v1/payment_intents/${paymentRef}/capture`);
    expect(request).toMatchObject({ idempotencyKey: `capture:${idempotencyKey}`, params: { amount_to_capture: '10000', 'expand[0]': 'latest_charge.balance_transaction' } });
  });

  it('reports a zero fee when Stripe gives no balance transaction', async () => {
    const bare = await startFakeStripe({ webhookSecret: SECRET, withFees: false });
    try {
      const viaBare = providerFor(bare);
      const { paymentRef } = await viaBare.authorize(authorizeInput(FAKE_PAYMENT_METHODS.visa));
      expect(await viaBare.capture({ paymentRef, amountMinor: 5_000, idempotencyKey: newKey('capture') })).toEqual({ captured: true, feeMinor: 0 });
    } finally {
      await bare.close();
    }
  });

  it('refuses to capture more than authorized, twice, or an unknown intent', async () => {
    const paymentRef = await authorized(1_000);
    await expect(provider.capture({ paymentRef, amountMinor: 1_001, idempotencyKey: newKey('capture') })).rejects.toThrow(/exceeds/);
    await provider.capture({ paymentRef, amountMinor: 1_000, idempotencyKey: newKey('capture') });
    await expect(provider.capture({ paymentRef, amountMinor: 1_000, idempotencyKey: newKey('capture') })).rejects.toThrow(/status of succeeded/);
    await expect(provider.capture({ paymentRef: 'pi_unknown', amountMinor: 1, idempotencyKey: newKey('capture') })).rejects.toBeInstanceOf(PaymentRefUnknown);
  });

  it('voids an authorization by cancelling the intent', async () => {
    const paymentRef = await authorized();
    const idempotencyKey = newKey('void');
    await provider.void({ paymentRef, idempotencyKey });
    expect(requestsTo(`/v1/payment_intents/${paymentRef}/cancel`)).toEqual([expect.objectContaining({ idempotencyKey: `void:${idempotencyKey}`, status: 200 })]);
    expect(fake.objectJson(paymentRef)).toMatchObject({ status: 'canceled' });
    await expect(provider.capture({ paymentRef, amountMinor: 1, idempotencyKey: newKey('capture') })).rejects.toThrow(/status of canceled/);
  });

  it('refunds part of a captured payment, and no more than is left', async () => {
    const paymentRef = await captured(10_000);
    const idempotencyKey = newKey('refund');
    const { refundRef } = await provider.refund({ paymentRef, amountMinor: 2_500, idempotencyKey });
    expect(refundRef).toMatch(/^re_/);
    expect(requestsTo('/v1/refunds').at(-1)).toMatchObject({ idempotencyKey: `refund:${idempotencyKey}`, params: { payment_intent: paymentRef, amount: '2500' } });
    await expect(provider.refund({ paymentRef, amountMinor: 7_501, idempotencyKey: newKey('refund') })).rejects.toThrow(/greater than unrefunded/);
  });

  it('pays out as a transfer to the connected account', async () => {
    const idempotencyKey = newKey('payout');
    const { payoutRef } = await provider.payout({ payeeRef: 'acct_123', amountMinor: 4_200, currency: 'EUR', idempotencyKey });
    expect(payoutRef).toMatch(/^tr_/);
    expect(requestsTo('/v1/transfers').at(-1)).toMatchObject({ idempotencyKey: `payout:${idempotencyKey}`, params: { amount: '4200', currency: 'eur', destination: 'acct_123' } });
    await expect(provider.payout({ payeeRef: 'nobody', amountMinor: 1, currency: 'EUR', idempotencyKey: newKey('payout') })).rejects.toBeInstanceOf(PaymentRefUnknown);
  });
});

describe('stripe provider: unavailability', () => {
  it('retries a 500 with the same idempotency key', async () => {
    const input = authorizeInput(FAKE_PAYMENT_METHODS.visa);
    fake.failNext(1);
    await expect(provider.authorize(input)).resolves.toMatchObject({ status: 'authorized' });
    const sent = fake.requests.filter((r) => r.idempotencyKey === `authorize:${input.idempotencyKey}`);
    expect(sent.map((r) => r.status)).toEqual([500, 200]);
  });

  it('throws ProviderUnavailable when the 500s outlast the retries', async () => {
    fake.failNext(3);
    await expect(provider.authorize(authorizeInput(FAKE_PAYMENT_METHODS.visa))).rejects.toBeInstanceOf(ProviderUnavailable);
  });

  it('throws ProviderUnavailable when Stripe cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = createStripeProvider({ apiKey: 'sk_test_fake', webhookSecret: SECRET, host: '127.0.0.1', port, protocol: 'http' });
    await expect(unreachable.capture({ paymentRef: 'pi_1', amountMinor: 1, idempotencyKey: newKey('capture') })).rejects.toBeInstanceOf(ProviderUnavailable);
  });
});

describe('stripe provider: webhooks', () => {
  const now = () => new Date();
  const parse = (webhook: { rawBody: string; headers: Record<string, string> }) => provider.parseWebhook(webhook.rawBody, webhook.headers, now());

  it('maps PaymentIntent events', async () => {
    const paymentRef = await captured(8_000);
    const intent = fake.objectJson(paymentRef);
    const event = fake.event('payment_intent.succeeded', intent);
    expect(parse(fake.signedWebhook(event))).toEqual({
      id: event.id, type: 'payment.captured', paymentRef, amountMinor: 8_000, currency: 'EUR', orderId: 'order-7',
      occurredAt: new Date(Number(event.created) * 1000).toISOString(),
    });
    expect(parse(fake.signedWebhook(fake.event('payment_intent.payment_failed', intent)))).toMatchObject({ type: 'payment.failed', paymentRef });
    expect(parse(fake.signedWebhook(fake.event('payment_intent.canceled', intent)))).toMatchObject({ type: 'payment.voided', paymentRef });
  });

  it('maps charge events; a refund event carries the amount of that refund', async () => {
    const paymentRef = await captured(9_000);
    const chargeId = String(fake.objectJson(paymentRef).latest_charge);
    expect(parse(fake.signedWebhook(fake.event('charge.captured', fake.objectJson(chargeId))))).toMatchObject({ type: 'payment.captured', paymentRef, amountMinor: 9_000, orderId: 'order-7' });
    await provider.refund({ paymentRef, amountMinor: 1_000, idempotencyKey: newKey('refund') });
    await provider.refund({ paymentRef, amountMinor: 2_000, idempotencyKey: newKey('refund') });
    const refunded = fake.event('charge.refunded', fake.objectJson(chargeId), { amount_refunded: 1_000 });
    expect(parse(fake.signedWebhook(refunded))).toMatchObject({ type: 'payment.refunded', paymentRef, amountMinor: 2_000, currency: 'EUR' });
    const dispute = { id: 'dp_1', object: 'dispute', amount: 9_000, currency: 'eur', charge: chargeId, payment_intent: paymentRef, metadata: {}, status: 'needs_response', reason: 'fraudulent', created: 1 };
    expect(parse(fake.signedWebhook(fake.event('charge.dispute.created', dispute)))).toMatchObject({ type: 'payment.disputed', paymentRef, amountMinor: 9_000, orderId: null });
  });

  it('maps a dispute with the fee of the balance transaction that withdrew it', async () => {
    const paymentRef = await captured(9_000);
    await provider.refund({ paymentRef, amountMinor: 1_000, idempotencyKey: newKey('refund') });
    const event = fake.event('charge.dispute.created', fake.dispute(paymentRef));
    expect(parse(fake.signedWebhook(event))).toMatchObject({ type: 'payment.disputed', paymentRef, amountMinor: 8_000, currency: 'EUR', feeMinor: 1_500 });
    const other = await captured(500);
    expect(parse(fake.signedWebhook(fake.event('charge.dispute.created', fake.dispute(other, { feeMinor: 2_000 }))))).toMatchObject({ amountMinor: 500, feeMinor: 2_000 });
  });

  it('maps transfers and payouts to payout.paid', async () => {
    const { payoutRef } = await provider.payout({ payeeRef: 'acct_9', amountMinor: 700, currency: 'EUR', idempotencyKey: newKey('payout') });
    expect(parse(fake.signedWebhook(fake.event('transfer.created', fake.objectJson(payoutRef))))).toMatchObject({ type: 'payout.paid', paymentRef: payoutRef, amountMinor: 700, orderId: null });
    const payout = { id: 'po_1', object: 'payout', amount: 700, currency: 'eur', status: 'paid', metadata: {}, created: 1 };
    expect(parse(fake.signedWebhook(fake.event('payout.paid', payout)))).toMatchObject({ type: 'payout.paid', paymentRef: 'po_1' });
  });

  it('rejects forged, stale, unsigned and unhandled webhooks', async () => {
    const paymentRef = await authorized();
    const event = fake.event('payment_intent.canceled', fake.objectJson(paymentRef));
    const reason = (webhook: { rawBody: string; headers: Record<string, string> }): string => {
      try {
        parse(webhook);
        return 'accepted';
      } catch (error) {
        return error instanceof WebhookRejected ? error.reason : String(error);
      }
    };
    const genuine = fake.signedWebhook(event);
    expect(reason(genuine)).toBe('accepted');
    const tampered = genuine.rawBody.replace('"amount": 10000', '"amount": 1');
    expect(tampered).not.toBe(genuine.rawBody);
    expect(reason({ ...genuine, rawBody: tampered })).toBe('signature');
    expect(reason(fake.signedWebhook(event, { secret: 'whsec_wrong' }))).toBe('signature');
    expect(reason(fake.signedWebhook(event, { timestamp: Math.floor(Date.now() / 1000) - 301 }))).toBe('timestamp');
    expect(reason({ rawBody: genuine.rawBody, headers: {} })).toBe('signature');
    expect(reason({ rawBody: genuine.rawBody, headers: { 'stripe-signature': 'garbage' } })).toBe('malformed');
    expect(reason(fake.signedWebhook(fake.event('customer.created', { id: 'cus_1', object: 'customer' })))).toBe('malformed');
  });
});
