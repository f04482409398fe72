import Stripe from 'stripe';
import { isMinorAmount } from '../domain/money.js';
import {
  PaymentRefUnknown, ProviderUnavailable, WebhookRejected,
  type AuthorizeResult, type DeclineCode, type PaymentProvider, type ProviderEvent,
} from './provider.js';
import { DEFAULT_TOLERANCE_SECONDS, headerValue } from './webhook-signature.js';

/** Where and how to reach Stripe; host, port and protocol point the SDK elsewhere (a local fake in tests). */
export interface StripeProviderOptions { apiKey: string; webhookSecret: string; host?: string; port?: number; protocol?: 'http' | 'https' }

const { StripeCardError, StripeConnectionError, StripeAPIError, StripeRateLimitError, StripeInvalidRequestError, StripeSignatureVerificationError } = Stripe.errors;

/**
 * The PaymentProvider on Stripe: a PaymentIntent with manual capture is our authorization. Stripe keeps each
 * idempotency key's first response; calls racing with one key share a single request here, since Stripe
 * answers a concurrent duplicate with a conflict rather than the result.
 */
export function createStripeProvider(options: StripeProviderOptions): PaymentProvider {
  const stripe = new Stripe(options.apiKey, {
    maxNetworkRetries: 2,
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.protocol === undefined ? {} : { protocol: options.protocol }),
  });
  const shared = createInFlightSharing();

  return {
    name: 'stripe',
    // Stripe's test keys (secret or restricted) reach its test mode, where only test cards work.
    testMode: /^(sk|rk)_test_/.test(options.apiKey),
    authorize: (input) => shared('authorize', input.idempotencyKey, async (idempotencyKey) => {
      try {
        const intent = await stripe.paymentIntents.create({
          amount: positiveAmount(input.amountMinor),
          currency: input.currency.toLowerCase(),
          payment_method: input.paymentMethod,
          // We confirm server-side with no page to return to; without this Stripe insists on a return_url.
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          confirm: true,
          capture_method: 'manual',
          metadata: { orderId: input.orderId, tenantId: input.tenantId },
        }, { idempotencyKey });
        return authorizeResultOf(intent);
      } catch (error) {
        return declineOf(error);
      }
    }),
    // The payer answers the issuer's challenge in Stripe.js, not through us, so `response` has no Stripe
    // counterpart: confirming again tells where the authentication ended.
    confirm: ({ paymentRef, idempotencyKey }) => shared('confirm', idempotencyKey, async (key) => {
      try {
        return authorizeResultOf(await stripe.paymentIntents.confirm(paymentRef, {}, { idempotencyKey: key }));
      } catch (error) {
        // Stripe.js already confirmed it after a successful challenge: the authorization stands.
        if (error instanceof StripeInvalidRequestError && error.payment_intent?.status === 'requires_capture') return { status: 'authorized', paymentRef };
        return declineOf(error);
      }
    }),
    capture: ({ paymentRef, amountMinor, idempotencyKey }) => shared('capture', idempotencyKey, async (key) => {
      const intent = await call(() => stripe.paymentIntents.capture(paymentRef, {
        amount_to_capture: positiveAmount(amountMinor),
        expand: ['latest_charge.balance_transaction'],
      }, { idempotencyKey: key }));
      if (intent.status !== 'succeeded') throw new Error(`Stripe left PaymentIntent ${paymentRef} ${intent.status} after capture`);
      return { captured: true as const, feeMinor: feeOf(intent) };
    }),
    void: ({ paymentRef, idempotencyKey }) => shared('void', idempotencyKey, async (key) => {
      await call(() => stripe.paymentIntents.cancel(paymentRef, {}, { idempotencyKey: key }));
    }),
    refund: ({ paymentRef, amountMinor, idempotencyKey }) => shared('refund', idempotencyKey, async (key) => {
      const refund = await call(() => stripe.refunds.create({ payment_intent: paymentRef, amount: positiveAmount(amountMinor) }, { idempotencyKey: key }));
      if (refund.status === 'failed' || refund.status === 'canceled') throw new Error(`Stripe refund ${refund.id} of ${paymentRef} is ${refund.status}`);
      return { refundRef: refund.id };
    }),
    payout: ({ payeeRef, amountMinor, currency, idempotencyKey }) => shared('payout', idempotencyKey, async (key) => {
      const transfer = await call(() => stripe.transfers.create({ amount: positiveAmount(amountMinor), currency: currency.toLowerCase(), destination: payeeRef }, { idempotencyKey: key }));
      return { payoutRef: transfer.id };
    }),
    parseWebhook: (rawBody, headers, now) => {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, headerValue(headers, 'stripe-signature') ?? '', options.webhookSecret, DEFAULT_TOLERANCE_SECONDS, undefined, now.getTime());
      } catch (error) {
        throw rejectionOf(error);
      }
      return providerEventOf(event);
    },
  };
}

/**
 * Runs each (operation, key) once at a time: a second call while the first is in flight gets its promise.
 * The key Stripe sees is scoped by operation, since Stripe refuses one key on two endpoints.
 */
function createInFlightSharing() {
  const inFlight = new Map<string, Promise<unknown>>();
  return function shared<T>(operation: string, key: string, run: (stripeKey: string) => Promise<T>): Promise<T> {
    if (key === '') return Promise.reject(new Error(`${operation} needs an idempotency key`));
    const slot = `${operation}:${key}`;
    const running = inFlight.get(slot);
    if (running !== undefined) return running as Promise<T>;
    const result = Promise.resolve(slot).then(run).finally(() => inFlight.delete(slot));
    inFlight.set(slot, result);
    return result;
  };
}

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw translated(error);
  }
}

function authorizeResultOf(intent: Stripe.PaymentIntent): AuthorizeResult {
  switch (intent.status) {
    case 'requires_capture':
      return { status: 'authorized', paymentRef: intent.id };
    case 'requires_action':
      return { status: 'requires_action', paymentRef: intent.id, challenge: challengeOf(intent) };
    case 'requires_payment_method': {
      // Where a failed confirmation (3-D Secure refused, say) leaves an intent.
      const failure = intent.last_payment_error;
      return { status: 'declined', paymentRef: intent.id, code: declineCodeOf(failure?.decline_code, failure?.code), message: failure?.message ?? 'The payment was declined.' };
    }
    default:
      throw new Error(`Stripe PaymentIntent ${intent.id} is ${intent.status}, not an authorization`);
  }
}

function challengeOf(intent: Stripe.PaymentIntent): string {
  const url = intent.next_action?.redirect_to_url?.url;
  if (url) return `Your bank asks you to confirm this payment at ${url}`;
  return 'Your bank asks you to confirm this payment (3-D Secure).';
}

/** A card error is a decline, a result; anything else is thrown as our error. */
function declineOf(error: unknown): AuthorizeResult {
  if (!(error instanceof StripeCardError)) throw translated(error);
  const paymentRef = error.payment_intent?.id ?? error.charge ?? '';
  return { status: 'declined', paymentRef, code: declineCodeOf(error.decline_code, error.code), message: error.message };
}

function declineCodeOf(declineCode: string | undefined, code: string | undefined): DeclineCode {
  const reasons = [declineCode, code];
  if (reasons.includes('payment_intent_authentication_failure') || reasons.includes('authentication_required')) return 'authentication_failed';
  if (reasons.includes('insufficient_funds')) return 'insufficient_funds';
  if (reasons.includes('expired_card')) return 'expired_card';
  if (reasons.includes('incorrect_cvc')) return 'incorrect_cvc';
  return 'card_declined';
}

function translated(error: unknown): Error {
  if (error instanceof StripeConnectionError || error instanceof StripeAPIError || error instanceof StripeRateLimitError) {
    return new ProviderUnavailable(`Stripe is unavailable: ${error.message}`, { cause: error });
  }
  if (error instanceof Stripe.errors.StripeError && (error.statusCode ?? 0) >= 500) {
    return new ProviderUnavailable(`Stripe is unavailable: ${error.message}`, { cause: error });
  }
  if (error instanceof StripeInvalidRequestError && error.code === 'resource_missing') {
    return new PaymentRefUnknown(error.message, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

function feeOf(intent: Stripe.PaymentIntent): number {
  const charge = intent.latest_charge;
  if (charge === null || typeof charge === 'string') return 0;
  const transaction = charge.balance_transaction;
  if (transaction === null || typeof transaction === 'string') return 0;
  return isMinorAmount(transaction.fee) ? transaction.fee : 0;
}

/**
 * What Stripe kept for a dispute: the fees of the balance transactions that withdrew the disputed funds (a
 * reinstatement, once the dispute is won, is not one; an inquiry withdraws nothing). Like a capture's fee, it is
 * taken as being in the charge's currency.
 */
function disputeFeeOf(dispute: Stripe.Dispute): number {
  const withdrawals = (dispute.balance_transactions ?? []).filter((transaction) => transaction.amount < 0);
  return withdrawals.reduce((sum, transaction) => sum + (isMinorAmount(transaction.fee) ? transaction.fee : 0), 0);
}

function rejectionOf(error: unknown): WebhookRejected {
  if (!(error instanceof StripeSignatureVerificationError)) {
    // Verified, but the body did not parse as an event.
    return new WebhookRejected('malformed', error instanceof Error ? error.message : 'The webhook body is not an event');
  }
  const { message } = error;
  if (message.startsWith('Timestamp outside the tolerance zone')) return new WebhookRejected('timestamp', message);
  if (message.startsWith('Unable to extract') || message.startsWith('No signatures found with expected scheme') || message.startsWith('No webhook payload')) {
    return new WebhookRejected('malformed', message);
  }
  return new WebhookRejected('signature', message);
}

function providerEventOf(event: Stripe.Event): ProviderEvent {
  const base = { id: event.id, occurredAt: new Date(event.created * 1000).toISOString() };
  switch (event.type) {
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed':
    case 'payment_intent.canceled': {
      const intent = event.data.object;
      const type = event.type === 'payment_intent.succeeded' ? 'payment.captured' : event.type === 'payment_intent.canceled' ? 'payment.voided' : 'payment.failed';
      const amountMinor = event.type === 'payment_intent.succeeded' ? intent.amount_received : intent.amount;
      return { ...base, type, paymentRef: intent.id, amountMinor, currency: intent.currency.toUpperCase(), orderId: intent.metadata.orderId ?? null };
    }
    case 'charge.captured':
    case 'charge.refunded': {
      const charge = event.data.object;
      const paymentRef = idOf(charge.payment_intent) ?? charge.id;
      const orderId = charge.metadata.orderId ?? null;
      if (event.type === 'charge.captured') return { ...base, type: 'payment.captured', paymentRef, amountMinor: charge.amount_captured, currency: charge.currency.toUpperCase(), orderId };
      // amount_refunded is cumulative; the previous value, when Stripe sends it, gives this refund's amount.
      const before = event.data.previous_attributes?.amount_refunded ?? 0;
      return { ...base, type: 'payment.refunded', paymentRef, amountMinor: charge.amount_refunded - before, currency: charge.currency.toUpperCase(), orderId };
    }
    case 'charge.dispute.created': {
      const dispute = event.data.object;
      const paymentRef = idOf(dispute.payment_intent) ?? idOf(dispute.charge) ?? dispute.id;
      return { ...base, type: 'payment.disputed', paymentRef, amountMinor: dispute.amount, currency: dispute.currency.toUpperCase(), orderId: dispute.metadata.orderId ?? null, feeMinor: disputeFeeOf(dispute) };
    }
    case 'transfer.created':
    case 'payout.paid': {
      const money = event.data.object;
      return { ...base, type: 'payout.paid', paymentRef: money.id, amountMinor: money.amount, currency: money.currency.toUpperCase(), orderId: null };
    }
    default:
      throw new WebhookRejected('malformed', `Stripe event type ${event.type} is not one billing handles`);
  }
}

function idOf(ref: string | { id: string } | null): string | null {
  if (ref === null) return null;
  return typeof ref === 'string' ? ref : ref.id;
}

function positiveAmount(amountMinor: number): number {
  if (!isMinorAmount(amountMinor) || amountMinor === 0) throw new Error(`An amount is a positive safe integer of minor units, got ${amountMinor}`);
  return amountMinor;
}
