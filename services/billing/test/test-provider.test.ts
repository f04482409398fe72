import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PaymentRefUnknown, ProviderUnavailable, WebhookRejected, type AuthorizeInput, type ProviderEvent } from '../src/providers/provider.js';
import { createTestProvider, TEST_CARDS, THREE_D_SECURE_CODE, type TestProviderOptions } from '../src/providers/test-provider.js';
import { SIGNATURE_HEADER, signatureHeader, verifySignature } from '../src/providers/webhook-signature.js';

const SECRET = 'whsec_test_provider';
const T0 = new Date('2026-03-01T12:00:00Z');
const fixedClock = (): Date => T0;
const afterSeconds = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

let keyCounter = 0;
const newKey = (label: string): string => `${label}-${(keyCounter += 1)}`;

function authorizeInput(card: string, overrides: Partial<AuthorizeInput> = {}): AuthorizeInput {
  return { orderId: 'order-1', tenantId: 'tenant-1', amountMinor: 10_000, currency: 'EUR', paymentMethod: card, idempotencyKey: newKey('authorize'), ...overrides };
}

interface Delivery { rawBody: string; headers: Record<string, string> }

/** A provider whose webhooks land in `deliveries`; `failures` makes the first n delivery attempts throw. */
function providerWithInbox(options: Partial<TestProviderOptions> & { failures?: number } = {}) {
  const deliveries: Delivery[] = [];
  let attempts = 0;
  const provider = createTestProvider({
    webhookSecret: SECRET,
    clock: fixedClock,
    ...options,
    deliver: async (rawBody, headers) => {
      attempts += 1;
      if (attempts <= (options.failures ?? 0)) throw new Error('endpoint down');
      deliveries.push({ rawBody, headers });
    },
  });
  const delivered = (): ProviderEvent[] => deliveries.map((d) => provider.parseWebhook(d.rawBody, d.headers, T0));
  return { provider, deliveries, delivered, attempts: () => attempts };
}

async function capturedPayment(provider = createTestProvider({ webhookSecret: SECRET }), amountMinor = 10_000) {
  const result = await provider.authorize(authorizeInput(TEST_CARDS.success, { amountMinor }));
  await provider.capture({ paymentRef: result.paymentRef, amountMinor, idempotencyKey: newKey('capture') });
  return { provider, paymentRef: result.paymentRef };
}

/** A small seeded generator (mulberry32), so chaos is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('test provider: cards', () => {
  it.each([
    ['success', TEST_CARDS.success],
    ['another Luhn-valid card', '5555 5555 5555 4444'],
    ['a card without spaces', '4242424242424242'],
  ])('authorizes %s', async (_, card) => {
    const provider = createTestProvider({ webhookSecret: SECRET });
    const result = await provider.authorize(authorizeInput(card));
    expect(result).toEqual({ status: 'authorized', paymentRef: expect.stringMatching(/^pay_/) });
  });

  it.each([
    [TEST_CARDS.declined, 'card_declined', 'Your card was declined.'],
    [TEST_CARDS.insufficientFunds, 'insufficient_funds', 'Your card has insufficient funds.'],
    [TEST_CARDS.expired, 'expired_card', 'Your card has expired.'],
    [TEST_CARDS.incorrectCvc, 'incorrect_cvc', 'Your card\'s security code is incorrect.'],
    ['4242 4242 4242 4241', 'card_declined', 'Your card number is invalid.'],
    ['not a card', 'card_declined', 'Your card number is invalid.'],
  ])('declines %s with %s', async (card, code, message) => {
    const provider = createTestProvider({ webhookSecret: SECRET });
    const result = await provider.authorize(authorizeInput(card));
    expect(result).toMatchObject({ status: 'declined', code, message });
    expect(provider.events()).toEqual([expect.objectContaining({ type: 'payment.failed', paymentRef: result.paymentRef, amountMinor: 10_000, orderId: 'order-1' })]);
    await expect(provider.capture({ paymentRef: result.paymentRef, amountMinor: 10_000, idempotencyKey: newKey('capture') })).rejects.toThrow(/declined/);
  });

  it('asks for 3-D Secure, then authorizes on the right code', async () => {
    const provider = createTestProvider({ webhookSecret: SECRET });
    const result = await provider.authorize(authorizeInput(TEST_CARDS.threeDSecure));
    expect(result).toMatchObject({ status: 'requires_action', challenge: expect.stringContaining(THREE_D_SECURE_CODE) });
    const confirmed = await provider.confirm({ paymentRef: result.paymentRef, response: THREE_D_SECURE_CODE, idempotencyKey: newKey('confirm') });
    expect(confirmed).toEqual({ status: 'authorized', paymentRef: result.paymentRef });
    await expect(provider.capture({ paymentRef: result.paymentRef, amountMinor: 10_000, idempotencyKey: newKey('capture') })).resolves.toMatchObject({ captured: true });
  });

  it('declines 3-D Secure on a wrong code, and confirms nothing twice', async () => {
    const provider = createTestProvider({ webhookSecret: SECRET });
    const { paymentRef } = await provider.authorize(authorizeInput(TEST_CARDS.threeDSecure));
    const confirmed = await provider.confirm({ paymentRef, response: '0000', idempotencyKey: newKey('confirm') });
    expect(confirmed).toMatchObject({ status: 'declined', code: 'authentication_failed', paymentRef });
    expect(provider.events().map((e) => e.type)).toEqual(['payment.failed']);
    await expect(provider.confirm({ paymentRef, response: THREE_D_SECURE_CODE, idempotencyKey: newKey('confirm') })).rejects.toThrow(/not waiting/);
  });

  it('fails with ProviderUnavailable once per idempotency key on the network-error card, then succeeds on retry', async () => {
    const provider = createTestProvider({ webhookSecret: SECRET });
    const input = authorizeInput(TEST_CARDS.networkError);
    await expect(provider.authorize(input)).rejects.toBeInstanceOf(ProviderUnavailable);
    await expect(provider.authorize(input)).resolves.toMatchObject({ status: 'authorized' });
    await expect(provider.authorize({ ...input, idempotencyKey: newKey('authorize') })).rejects.toBeInstanceOf(ProviderUnavailable);
  });

  it('refuses an unknown payment reference', async () => {
    const provider = createTestProvider({ webhookSecret: SECRET });
    await expect(provider.capture({ paymentRef: 'pay_nope', amountMinor: 1, idempotencyKey: newKey('capture') })).rejects.toBeInstanceOf(PaymentRefUnknown);
    await expect(provider.confirm({ paymentRef: 'pay_nope', response: '1234', idempotencyKey: newKey('confirm') })).rejects.toBeInstanceOf(PaymentRefUnknown);
  });

  it('refuses amounts that are not positive safe integers', async () => {
    const provider = createTestProvider({ webhookSecret: SECRET });
    for (const amountMinor of [0, -5, 10.5, 2 ** 53]) {
      await expect(provider.authorize(authorizeInput(TEST_CARDS.success, { amountMinor }))).rejects.toThrow(/positive safe integer/);
    }
  });
});

describe('test provider: idempotency', () => {
  it('answers a repeated authorize with its first result', async () => {
    const provider = createTestProvider({ webhookSecret: SECRET });
    const input = authorizeInput(TEST_CARDS.success);
    const first = await provider.authorize(input);
    expect(await provider.authorize(input)).toEqual(first);
    await expect(provider.authorize({ ...input, amountMinor: 1 })).rejects.toThrow(/already used for a different authorize/);
  });

  it('gives two racing authorize, capture and refund calls with one key one result and one movement', async () => {
    const provider = createTestProvider({ webhookSecret: SECRET });
    const input = authorizeInput(TEST_CARDS.success);
    const [a, b] = await Promise.all([provider.authorize(input), provider.authorize(input)]);
    expect(a).toEqual(b);
    const capture = { paymentRef: a.paymentRef, amountMinor: 10_000, idempotencyKey: newKey('capture') };
    const captures = await Promise.all([provider.capture(capture), provider.capture(capture)]);
    expect(captures[0]).toEqual(captures[1]);
    const refund = { paymentRef: a.paymentRef, amountMinor: 6_000, idempotencyKey: newKey('refund') };
    const refunds = await Promise.all([provider.refund(refund), provider.refund(refund)]);
    expect(refunds[0]).toEqual(refunds[1]);
    expect(provider.events().map((e) => [e.type, e.amountMinor])).toEqual([['payment.captured', 10_000], ['payment.refunded', 6_000]]);
    // 4 000 is left: a second refund of 6 000 under a new key would only pass if the first had not counted once.
    await expect(provider.refund({ ...refund, idempotencyKey: newKey('refund') })).rejects.toThrow(/only 4000 is left/);
  });

  it('keeps idempotency keys apart per operation', async () => {
    const provider = createTestProvider({ webhookSecret: SECRET });
    const idempotencyKey = newKey('shared');
    const { paymentRef } = await provider.authorize(authorizeInput(TEST_CARDS.success, { idempotencyKey }));
    await expect(provider.capture({ paymentRef, amountMinor: 10_000, idempotencyKey })).resolves.toMatchObject({ captured: true });
  });
});

describe('test provider: capture, void, refund', () => {
  it('charges round-half-up(amount × feeBp / 10000) + the fixed fee', async () => {
    const provider = createTestProvider({ webhookSecret: SECRET });
    const { paymentRef } = await provider.authorize(authorizeInput(TEST_CARDS.success));
    expect(await provider.capture({ paymentRef, amountMinor: 10_000, idempotencyKey: newKey('capture') })).toEqual({ captured: true, feeMinor: 290 + 30 });
    const halfUp = createTestProvider({ webhookSecret: SECRET, feeBp: 50, feeFixedMinor: 0 });
    const second = await halfUp.authorize(authorizeInput(TEST_CARDS.success, { amountMinor: 100 }));
    // 100 × 50 / 10 000 = 0.5 → 1
    expect(await halfUp.capture({ paymentRef: second.paymentRef, amountMinor: 100, idempotencyKey: newKey('capture') })).toEqual({ captured: true, feeMinor: 1 });
  });

  it('captures at most the authorized amount, and only once', async () => {
    const provider = createTestProvider({ webhookSecret: SECRET });
    const { paymentRef } = await provider.authorize(authorizeInput(TEST_CARDS.success));
    await expect(provider.capture({ paymentRef, amountMinor: 10_001, idempotencyKey: newKey('capture') })).rejects.toThrow(/only 10000 is authorized/);
    await provider.capture({ paymentRef, amountMinor: 7_500, idempotencyKey: newKey('capture') });
    await expect(provider.capture({ paymentRef, amountMinor: 1, idempotencyKey: newKey('capture') })).rejects.toThrow(/is captured/);
    await expect(provider.refund({ paymentRef, amountMinor: 7_501, idempotencyKey: newKey('refund') })).rejects.toThrow(/only 7500 is left/);
  });

  it('voids only an uncaptured authorization', async () => {
    const { provider, paymentRef } = await capturedPayment();
    await expect(provider.void({ paymentRef, idempotencyKey: newKey('void') })).rejects.toThrow(/only an uncaptured authorization/);
    const other = await provider.authorize(authorizeInput(TEST_CARDS.success));
    await provider.void({ paymentRef: other.paymentRef, idempotencyKey: newKey('void') });
    await expect(provider.capture({ paymentRef: other.paymentRef, amountMinor: 1, idempotencyKey: newKey('capture') })).rejects.toThrow(/voided/);
    await expect(provider.refund({ paymentRef: other.paymentRef, amountMinor: 1, idempotencyKey: newKey('refund') })).rejects.toThrow(/only a captured payment/);
    expect(provider.events().at(-1)).toMatchObject({ type: 'payment.voided', paymentRef: other.paymentRef, amountMinor: 10_000 });
  });

  it('never refunds more than was captured, whatever the sequence of refunds', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.array(fc.integer({ min: 1, max: 1_200_000 }), { maxLength: 8 }),
      async (captured, asks) => {
        const { provider, paymentRef } = await capturedPayment(createTestProvider({ webhookSecret: SECRET }), captured);
        let refunded = 0;
        for (const amountMinor of asks) {
          const outcome = await provider.refund({ paymentRef, amountMinor, idempotencyKey: newKey('refund') }).then(() => 'ok', () => 'refused');
          expect(outcome).toBe(amountMinor <= captured - refunded ? 'ok' : 'refused');
          if (outcome === 'ok') refunded += amountMinor;
        }
        const refundEvents = provider.events().filter((e) => e.type === 'payment.refunded');
        expect(refundEvents.reduce((sum, e) => sum + e.amountMinor, 0)).toBe(refunded);
      },
    ), { numRuns: 60 });
  });

  it('pays out and reports it', async () => {
    const provider = createTestProvider({ webhookSecret: SECRET });
    const { payoutRef } = await provider.payout({ payeeRef: 'payee-1', amountMinor: 4_200, currency: 'EUR', idempotencyKey: newKey('payout') });
    expect(provider.events()).toEqual([expect.objectContaining({ type: 'payout.paid', paymentRef: payoutRef, amountMinor: 4_200, currency: 'EUR', orderId: null })]);
  });
});

describe('test provider: webhooks', () => {
  it('delivers each event signed, and parseWebhook returns it', async () => {
    const { provider, deliveries, delivered } = providerWithInbox();
    const { paymentRef } = await capturedPayment(provider);
    await provider.refund({ paymentRef, amountMinor: 1_000, idempotencyKey: newKey('refund') });
    await provider.flushWebhooks();
    expect(deliveries.every((d) => /^t=\d+,v1=[0-9a-f]{64}$/.test(d.headers[SIGNATURE_HEADER] ?? ''))).toBe(true);
    expect(delivered()).toEqual(provider.events());
    expect(new Set(provider.events().map((e) => e.id)).size).toBe(2);
    expect(provider.events()[0]).toMatchObject({ id: expect.stringMatching(/^evt_/), occurredAt: T0.toISOString(), currency: 'EUR', orderId: 'order-1' });
  });

  it('rejects a changed body, a wrong secret, a stale or future timestamp, and a missing or garbled header', async () => {
    const { provider, deliveries } = providerWithInbox();
    await capturedPayment(provider);
    await provider.flushWebhooks();
    const [{ rawBody, headers }] = deliveries as [Delivery];
    const reason = (body: string, h: Record<string, string | undefined>, now = T0): string => {
      try {
        provider.parseWebhook(body, h, now);
        return 'accepted';
      } catch (error) {
        return error instanceof WebhookRejected ? error.reason : String(error);
      }
    };
    expect(reason(rawBody, headers, afterSeconds(300))).toBe('accepted');
    const tampered = rawBody.replace('"amountMinor":10000', '"amountMinor":1');
    expect(tampered).not.toBe(rawBody);
    expect(reason(tampered, headers)).toBe('signature');
    expect(reason(rawBody, { [SIGNATURE_HEADER]: signatureHeader(rawBody, 'whsec_wrong', T0) })).toBe('signature');
    expect(reason(rawBody, headers, afterSeconds(301))).toBe('timestamp');
    expect(reason(rawBody, headers, afterSeconds(-301))).toBe('timestamp');
    expect(reason(rawBody, {})).toBe('signature');
    expect(reason(rawBody, { [SIGNATURE_HEADER]: 'v1=abc' })).toBe('malformed');
    expect(reason(rawBody, { 'Tessera-Signature': headers[SIGNATURE_HEADER] })).toBe('accepted');
    expect(reason('{"id":"evt_1"}', { [SIGNATURE_HEADER]: signatureHeader('{"id":"evt_1"}', SECRET, T0) })).toBe('malformed');
  });

  it('accepts any of several v1 signatures, so a secret can be rotated', () => {
    const body = '{}';
    const old = signatureHeader(body, 'whsec_old', T0).split(',')[1];
    const header = `${signatureHeader(body, SECRET, T0)},${old}`;
    expect(() => verifySignature(body, header, SECRET, T0)).not.toThrow();
    expect(() => verifySignature(body, header, 'whsec_old', T0)).not.toThrow();
  });

  it('retries a failing endpoint with backoff, and gives up after five tries', async () => {
    const flaky = providerWithInbox({ failures: 2 });
    await capturedPayment(flaky.provider);
    await flaky.provider.flushWebhooks();
    expect(flaky.attempts()).toBe(3);
    expect(flaky.delivered()).toEqual(flaky.provider.events());

    const down = providerWithInbox({ failures: Number.POSITIVE_INFINITY });
    await capturedPayment(down.provider);
    await down.provider.flushWebhooks();
    expect(down.attempts()).toBe(5);
    expect(down.deliveries).toEqual([]);
  });

  it('duplicates deliveries under chaos, deterministically for a seed', async () => {
    const run = async () => {
      const inbox = providerWithInbox({ random: seededRandom(42), chaos: { duplicate: 0.5, maxDelayMs: 3 } });
      for (let i = 0; i < 6; i += 1) await capturedPayment(inbox.provider, 1_000 + i);
      await inbox.provider.flushWebhooks();
      return { ids: inbox.delivered().map((e) => e.id), events: inbox.provider.events() };
    };
    const { ids, events } = await run();
    expect(new Set(ids)).toEqual(new Set(events.map((e) => e.id)));
    expect(ids.length).toBeGreaterThan(events.length);
    expect(ids.length).toBeLessThanOrEqual(2 * events.length);
    const again = await run();
    expect(again.ids.length).toBe(ids.length);
  });

  it('delivers a batch in reverse order when asked to reorder', async () => {
    const ordered = providerWithInbox();
    const reordered = providerWithInbox({ chaos: { reorder: true } });
    for (const { provider } of [ordered, reordered]) {
      const { paymentRef } = await capturedPayment(provider);
      await provider.refund({ paymentRef, amountMinor: 100, idempotencyKey: newKey('refund') });
      await provider.refund({ paymentRef, amountMinor: 200, idempotencyKey: newKey('refund') });
      await provider.flushWebhooks();
    }
    expect(ordered.delivered().map((e) => e.type)).toEqual(['payment.captured', 'payment.refunded', 'payment.refunded']);
    expect(reordered.delivered()).toEqual([...reordered.provider.events()].reverse());
  });

  it('waits in flushWebhooks for events that deliveries cause', async () => {
    const seen: string[] = [];
    const provider = createTestProvider({
      webhookSecret: SECRET,
      deliver: async (rawBody, headers) => {
        const event = provider.parseWebhook(rawBody, headers, new Date());
        seen.push(event.type);
        // A handler that refunds on capture makes a second event while the first is being delivered.
        if (event.type === 'payment.captured') await provider.refund({ paymentRef: event.paymentRef, amountMinor: 10, idempotencyKey: `refund-${event.id}` });
      },
    });
    await capturedPayment(provider);
    await provider.flushWebhooks();
    expect(seen).toEqual(['payment.captured', 'payment.refunded']);
  });
});
