import { randomUUID } from 'node:crypto';
import { isCurrency, isMinorAmount, mulDivRoundHalfUp } from '../domain/money.js';
import {
  PaymentRefUnknown, ProviderUnavailable, WebhookRejected,
  type AuthorizeInput, type AuthorizeResult, type DeclineCode, type PaymentProvider, type ProviderEvent,
} from './provider.js';
import { headerValue, SIGNATURE_HEADER, signatureHeader, verifySignature } from './webhook-signature.js';

/** Card numbers with a fixed outcome (Stripe's test numbers); any other Luhn-valid number is authorized. */
export const TEST_CARDS = {
  success: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  insufficientFunds: '4000 0000 0000 9995',
  expired: '4000 0000 0000 0069',
  incorrectCvc: '4000 0000 0000 0127',
  threeDSecure: '4000 0000 0000 3220',
  networkError: '4000 0000 0000 0119',
} as const;

/** The code the 3-D Secure card's challenge asks for. */
export const THREE_D_SECURE_CODE = '1234';

/** Options of the built-in processor; `random` drives delays and chaos so tests can make them deterministic. */
export interface TestProviderOptions {
  webhookSecret: string;
  deliver?: (rawBody: string, headers: Record<string, string>) => Promise<void>;
  clock?: () => Date;
  feeBp?: number;
  feeFixedMinor?: number;
  random?: () => number;
  chaos?: { duplicate?: number; reorder?: boolean; maxDelayMs?: number };
}

/** The test processor, plus what tests need: every event it emitted, and a way to wait for its webhooks. */
export type TestPaymentProvider = PaymentProvider & {
  events(): ProviderEvent[];
  flushWebhooks(): Promise<void>;
  /**
   * The cardholder disputes a captured payment: the processor takes back what was not refunded, keeps its dispute
   * fee (DEFAULT_DISPUTE_FEE_MINOR unless `feeMinor` says otherwise) and says both by webhook.
   */
  dispute(paymentRef: string, options?: { feeMinor?: number }): void;
};

/** What the test processor charges for a dispute, in the payment's minor units: Stripe's 15.00. */
export const DEFAULT_DISPUTE_FEE_MINOR = 1500;

type PaymentStatus = 'requires_action' | 'authorized' | 'declined' | 'captured' | 'voided';
interface Payment { ref: string; orderId: string; currency: string; authorizedMinor: number; capturedMinor: number; refundedMinor: number; status: PaymentStatus }
type EventFacts = Omit<ProviderEvent, 'id' | 'occurredAt'>;

const FULL_BP = 10_000;
const MAX_DELIVERY_ATTEMPTS = 5;
const FIRST_RETRY_DELAY_MS = 10;
const EVENT_TYPES: ReadonlySet<string> = new Set(['payment.captured', 'payment.failed', 'payment.voided', 'payment.refunded', 'payment.disputed', 'payout.paid']);
const DECLINE_MESSAGES: Record<DeclineCode, string> = {
  card_declined: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
  expired_card: 'Your card has expired.',
  incorrect_cvc: 'Your card\'s security code is incorrect.',
  authentication_failed: 'The card issuer could not authenticate the payment.',
};
const DECLINING_CARDS: ReadonlyMap<string, DeclineCode> = new Map([
  [digitsOf(TEST_CARDS.declined), 'card_declined'],
  [digitsOf(TEST_CARDS.insufficientFunds), 'insufficient_funds'],
  [digitsOf(TEST_CARDS.expired), 'expired_card'],
  [digitsOf(TEST_CARDS.incorrectCvc), 'incorrect_cvc'],
]);

/** An in-memory card processor that behaves like a real one: test cards, 3-D Secure, fees, signed and unreliable webhooks. */
export function createTestProvider(options: TestProviderOptions): TestPaymentProvider {
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? Math.random;
  const feeBp = nonNegative('feeBp', options.feeBp ?? 290);
  const feeFixedMinor = nonNegative('feeFixedMinor', options.feeFixedMinor ?? 30);
  if (options.webhookSecret === '') throw new Error('A webhook secret is required');
  const payments = new Map<string, Payment>();
  const failedOnceKeys = new Set<string>();
  const emitted: ProviderEvent[] = [];
  const idempotent = createIdempotencyMemory();
  const { deliver } = options;
  const outbox = deliver === undefined ? null : createWebhookOutbox(async (event) => {
    const rawBody = JSON.stringify(event);
    await deliver(rawBody, { 'content-type': 'application/json', [SIGNATURE_HEADER]: signatureHeader(rawBody, options.webhookSecret, clock()) });
  }, random, options.chaos ?? {});

  function emit(facts: EventFacts): void {
    const event: ProviderEvent = { id: `evt_${compactId()}`, occurredAt: clock().toISOString(), ...facts };
    emitted.push(event);
    outbox?.enqueue(event);
  }

  function paymentEvent(type: ProviderEvent['type'], payment: Payment, amountMinor: number, extra: Pick<ProviderEvent, 'feeMinor'> = {}): void {
    emit({ type, paymentRef: payment.ref, amountMinor, currency: payment.currency, orderId: payment.orderId, ...extra });
  }

  function decline(payment: Payment, code: DeclineCode, message = DECLINE_MESSAGES[code]): AuthorizeResult {
    payment.status = 'declined';
    paymentEvent('payment.failed', payment, payment.authorizedMinor);
    return { status: 'declined', paymentRef: payment.ref, code, message };
  }

  function paymentOf(ref: string): Payment {
    const payment = payments.get(ref);
    if (payment === undefined) throw new PaymentRefUnknown(`Unknown payment ${ref}`);
    return payment;
  }

  function authorizeNow(input: AuthorizeInput): AuthorizeResult {
    const currency = validCurrency(input.currency);
    const payment: Payment = { ref: `pay_${compactId()}`, orderId: input.orderId, currency, authorizedMinor: positiveAmount(input.amountMinor), capturedMinor: 0, refundedMinor: 0, status: 'authorized' };
    const card = digitsOf(input.paymentMethod);
    if (card === digitsOf(TEST_CARDS.networkError) && !failedOnceKeys.has(input.idempotencyKey)) {
      // Nothing is recorded: like a request lost on the way, so the retry with the same key starts afresh.
      failedOnceKeys.add(input.idempotencyKey);
      throw new ProviderUnavailable('The card network did not answer; retry with the same idempotency key');
    }
    payments.set(payment.ref, payment);
    if (!isLuhnValid(card)) return decline(payment, 'card_declined', 'Your card number is invalid.');
    const declineCode = DECLINING_CARDS.get(card);
    if (declineCode !== undefined) return decline(payment, declineCode);
    if (card === digitsOf(TEST_CARDS.threeDSecure)) {
      payment.status = 'requires_action';
      return { status: 'requires_action', paymentRef: payment.ref, challenge: `Your bank asks you to confirm this payment: enter the code ${THREE_D_SECURE_CODE}.` };
    }
    return { status: 'authorized', paymentRef: payment.ref };
  }

  return {
    name: 'test',
    testMode: true,
    authorize: (input) => {
      const { idempotencyKey, ...params } = input;
      return idempotent('authorize', idempotencyKey, params, () => authorizeNow(input));
    },
    confirm: ({ paymentRef, response, idempotencyKey }) => idempotent('confirm', idempotencyKey, { paymentRef, response }, () => {
      const payment = paymentOf(paymentRef);
      if (payment.status !== 'requires_action') throw new Error(`Payment ${paymentRef} is ${payment.status}, not waiting for 3-D Secure`);
      if (response.trim() !== THREE_D_SECURE_CODE) return decline(payment, 'authentication_failed');
      payment.status = 'authorized';
      return { status: 'authorized', paymentRef };
    }),
    capture: ({ paymentRef, amountMinor, idempotencyKey }) => idempotent('capture', idempotencyKey, { paymentRef, amountMinor }, () => {
      const payment = paymentOf(paymentRef);
      if (payment.status !== 'authorized') throw new Error(`Payment ${paymentRef} is ${payment.status}; only an authorized payment is captured, once`);
      if (positiveAmount(amountMinor) > payment.authorizedMinor) throw new Error(`Cannot capture ${amountMinor}: only ${payment.authorizedMinor} is authorized`);
      payment.status = 'captured';
      payment.capturedMinor = amountMinor;
      paymentEvent('payment.captured', payment, amountMinor);
      return { captured: true as const, feeMinor: mulDivRoundHalfUp(amountMinor, feeBp, FULL_BP) + feeFixedMinor };
    }),
    void: ({ paymentRef, idempotencyKey }) => idempotent('void', idempotencyKey, { paymentRef }, () => {
      const payment = paymentOf(paymentRef);
      // A payment waiting for 3-D Secure holds no funds yet, but abandoning it is still a void.
      if (payment.status !== 'authorized' && payment.status !== 'requires_action') throw new Error(`Payment ${paymentRef} is ${payment.status}; only an uncaptured authorization is voided`);
      payment.status = 'voided';
      paymentEvent('payment.voided', payment, payment.authorizedMinor);
    }),
    refund: ({ paymentRef, amountMinor, idempotencyKey }) => idempotent('refund', idempotencyKey, { paymentRef, amountMinor }, () => {
      const payment = paymentOf(paymentRef);
      if (payment.status !== 'captured') throw new Error(`Payment ${paymentRef} is ${payment.status}; only a captured payment is refunded`);
      const refundable = payment.capturedMinor - payment.refundedMinor;
      if (positiveAmount(amountMinor) > refundable) throw new Error(`Cannot refund ${amountMinor}: only ${refundable} is left to refund`);
      payment.refundedMinor += amountMinor;
      paymentEvent('payment.refunded', payment, amountMinor);
      return { refundRef: `re_${compactId()}` };
    }),
    payout: ({ idempotencyKey, ...params }) => idempotent('payout', idempotencyKey, params, () => {
      if (params.payeeRef.trim() === '') throw new Error('A payout needs a payee');
      const payoutRef = `po_${compactId()}`;
      emit({ type: 'payout.paid', paymentRef: payoutRef, amountMinor: positiveAmount(params.amountMinor), currency: validCurrency(params.currency), orderId: null });
      return { payoutRef };
    }),
    parseWebhook: (rawBody, headers, now) => {
      verifySignature(rawBody, headerValue(headers, SIGNATURE_HEADER), options.webhookSecret, now);
      return parseEvent(rawBody);
    },
    dispute: (paymentRef, disputeOptions = {}) => {
      const payment = paymentOf(paymentRef);
      if (payment.status !== 'captured') throw new Error(`Payment ${paymentRef} is ${payment.status}; only a captured payment is disputed`);
      const disputed = payment.capturedMinor - payment.refundedMinor;
      // Nothing is left to take back, so no dispute (and no fee) could be opened against it.
      if (disputed === 0) throw new Error(`Payment ${paymentRef} is fully refunded; there is nothing left to dispute`);
      const feeMinor = nonNegative('feeMinor', disputeOptions.feeMinor ?? DEFAULT_DISPUTE_FEE_MINOR);
      payment.refundedMinor = payment.capturedMinor;
      paymentEvent('payment.disputed', payment, disputed, { feeMinor });
    },
    events: () => emitted.map((event) => ({ ...event })),
    flushWebhooks: () => outbox?.flush() ?? Promise.resolve(),
  };
}

/**
 * Remembers each operation's result by idempotency key. The promise is stored before the operation runs, so
 * a racing call with the same key gets the same promise. Failures are forgotten: they are not outcomes, and
 * the retry they invite must run again.
 */
function createIdempotencyMemory() {
  const remembered = new Map<string, { fingerprint: string; result: Promise<unknown> }>();
  return function idempotent<T>(operation: string, key: string, params: object, run: () => T): Promise<T> {
    if (key === '') return Promise.reject(new Error(`${operation} needs an idempotency key`));
    const slot = `${operation}:${key}`;
    // Sorted keys: the same parameters in another order are the same request.
    const fingerprint = JSON.stringify(params, Object.keys(params).sort());
    const seen = remembered.get(slot);
    if (seen !== undefined) {
      if (seen.fingerprint !== fingerprint) return Promise.reject(new Error(`Idempotency key ${key} was already used for a different ${operation}`));
      return seen.result as Promise<T>;
    }
    const result = Promise.resolve().then(run);
    remembered.set(slot, { fingerprint, result });
    result.catch(() => remembered.delete(slot));
    return result;
  };
}

/**
 * Delivers events in batches (what was queued before the batch's timer fired), one at a time, each with up
 * to five tries. Chaos: a random delay before each batch, duplicates, and reversed batches.
 */
function createWebhookOutbox(send: (event: ProviderEvent) => Promise<void>, random: () => number, chaos: NonNullable<TestProviderOptions['chaos']>) {
  const duplicate = chaos.duplicate ?? 0;
  const maxDelayMs = chaos.maxDelayMs ?? 0;
  if (!(duplicate >= 0 && duplicate <= 1)) throw new Error('chaos.duplicate is a probability in 0..1');
  if (!Number.isSafeInteger(maxDelayMs) || maxDelayMs < 0) throw new Error('chaos.maxDelayMs is a non-negative integer');
  let pending: ProviderEvent[] = [];
  let batchScheduled = false;
  // Batches go out one after another, as one delivery worker would send them.
  let worker: Promise<void> = Promise.resolve();
  const outstanding = new Set<Promise<void>>();

  async function sendWithRetries(event: ProviderEvent): Promise<void> {
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt += 1) {
      try {
        await send(event);
        return;
      } catch {
        if (attempt < MAX_DELIVERY_ATTEMPTS) await sleep(FIRST_RETRY_DELAY_MS * 2 ** (attempt - 1));
      }
    }
    // Given up, as a processor gives up on an endpoint that keeps failing; the event stays in events().
  }

  async function deliverBatch(batch: ProviderEvent[]): Promise<void> {
    const ordered = chaos.reorder === true ? [...batch].reverse() : batch;
    for (const event of ordered) {
      const copies = duplicate > 0 && random() < duplicate ? 2 : 1;
      for (let copy = 0; copy < copies; copy += 1) await sendWithRetries(event);
    }
  }

  function enqueue(event: ProviderEvent): void {
    pending.push(event);
    if (batchScheduled) return;
    batchScheduled = true;
    const done = sleep(Math.floor(random() * (maxDelayMs + 1))).then(() => {
      batchScheduled = false;
      const batch = pending;
      pending = [];
      worker = worker.then(() => deliverBatch(batch));
      return worker;
    });
    outstanding.add(done);
    void done.then(() => outstanding.delete(done));
  }

  async function flush(): Promise<void> {
    // A delivery may cause new events (a handler captures, say), so wait until nothing is left.
    while (outstanding.size > 0) await Promise.all([...outstanding]);
  }

  return { enqueue, flush };
}

function parseEvent(rawBody: string): ProviderEvent {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new WebhookRejected('malformed', 'The webhook body is not JSON');
  }
  if (!isProviderEvent(body)) throw new WebhookRejected('malformed', 'The webhook body is not a payment event');
  const { id, type, paymentRef, amountMinor, currency, occurredAt, orderId, feeMinor } = body;
  return { id, type, paymentRef, amountMinor, currency, occurredAt, orderId, ...(feeMinor === undefined ? {} : { feeMinor }) };
}

function isProviderEvent(value: unknown): value is ProviderEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  return typeof event.id === 'string' && event.id !== ''
    && typeof event.type === 'string' && EVENT_TYPES.has(event.type)
    && typeof event.paymentRef === 'string' && isMinorAmount(event.amountMinor)
    && typeof event.currency === 'string' && typeof event.occurredAt === 'string' && !Number.isNaN(Date.parse(event.occurredAt))
    && (event.orderId === null || typeof event.orderId === 'string')
    && (event.feeMinor === undefined || isMinorAmount(event.feeMinor));
}

function digitsOf(cardNumber: string): string {
  return cardNumber.replace(/ /g, '');
}

/** The check digit every real card number satisfies; catches most typos. */
function isLuhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = Number(digits[digits.length - 1 - i]);
    const doubled = i % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return sum % 10 === 0;
}

function positiveAmount(amountMinor: number): number {
  if (!isMinorAmount(amountMinor) || amountMinor === 0) throw new Error(`An amount is a positive safe integer of minor units, got ${amountMinor}`);
  return amountMinor;
}

function validCurrency(currency: string): string {
  const code = currency.toUpperCase();
  if (!isCurrency(code)) throw new Error(`Unknown currency ${JSON.stringify(currency)}`);
  return code;
}

function nonNegative(name: string, value: number): number {
  if (!isMinorAmount(value)) throw new Error(`${name} must be a non-negative safe integer, got ${value}`);
  return value;
}

function compactId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 24);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
