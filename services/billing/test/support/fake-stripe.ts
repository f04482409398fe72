import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { mulDivRoundHalfUp } from '../../src/domain/money.js';

/**
 * A local stand-in for the Stripe API: the calls the adapter makes, answered in Stripe's documented shapes
 * (form-encoded requests, JSON objects, card errors as HTTP 402), with Stripe's idempotency semantics.
 */

/** Payment methods with a fixed outcome, named as Stripe's test payment methods are. */
export const FAKE_PAYMENT_METHODS = {
  visa: 'pm_card_visa',
  declined: 'pm_card_chargeDeclined',
  insufficientFunds: 'pm_card_chargeDeclinedInsufficientFunds',
  expired: 'pm_card_chargeDeclinedExpiredCard',
  incorrectCvc: 'pm_card_chargeDeclinedIncorrectCvc',
  threeDSecure: 'pm_card_authenticationRequired',
  /** Not Stripe's: a 3-D Secure card whose issuer refuses the authentication. */
  threeDSecureFails: 'pm_card_authenticationRequiredFails',
} as const;

/** One request as the fake received it; `params` are the form fields as sent (`metadata[orderId]`, `expand[0]`). */
export interface RecordedRequest { method: string; path: string; idempotencyKey: string | undefined; contentType: string | undefined; params: Record<string, string>; status: number; replayed: boolean }

export interface FakeStripe {
  readonly host: string;
  readonly port: number;
  readonly protocol: 'http';
  readonly requests: RecordedRequest[];
  /** The next `count` requests answer 500 and change nothing (nor are they remembered under their key). */
  failNext(count: number): void;
  /** What Stripe.js does after a successful challenge: the intent is confirmed without us. */
  completeAuthentication(paymentIntentId: string): void;
  /** The current JSON of an object, as Stripe would put it in an event. */
  objectJson(id: string): Record<string, unknown>;
  /**
   * The cardholder disputes the rest of a captured PaymentIntent: a dispute as `charge.dispute.created` carries it,
   * whose balance transaction withdraws the amount plus the dispute fee (Stripe's 15.00 unless `feeMinor` is given).
   */
  dispute(paymentIntentId: string, options?: { feeMinor?: number }): Record<string, unknown>;
  /** A Stripe-shaped event wrapping `object`. */
  event(type: string, object: Record<string, unknown>, previousAttributes?: Record<string, unknown>): Record<string, unknown>;
  /** The raw body and headers Stripe would POST for `event`; `timestamp` in unix seconds (default now). */
  signedWebhook(event: Record<string, unknown>, options?: { timestamp?: number; secret?: string }): { rawBody: string; headers: Record<string, string> };
  close(): Promise<void>;
}

type Json = Record<string, unknown>;
interface Intent { id: string; amount: number; currency: string; paymentMethod: string; metadata: Record<string, string>; status: string; chargeId: string | null; lastPaymentError: Json | null; created: number }
interface Charge { id: string; intentId: string; amount: number; captured: number; refunded: number; currency: string; metadata: Record<string, string>; balanceTransaction: Json | null; created: number }
interface Answer { status: number; body: Json }

class Refusal extends Error {
  constructor(readonly status: number, readonly error: Json) { super(String(error.message)); }
}

const DECLINES: Record<string, { code: string; decline_code: string; message: string }> = {
  [FAKE_PAYMENT_METHODS.declined]: { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' },
  [FAKE_PAYMENT_METHODS.insufficientFunds]: { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  [FAKE_PAYMENT_METHODS.expired]: { code: 'expired_card', decline_code: 'expired_card', message: 'Your card has expired.' },
  [FAKE_PAYMENT_METHODS.incorrectCvc]: { code: 'incorrect_cvc', decline_code: 'incorrect_cvc', message: 'Your card\'s security code is incorrect.' },
};
/** Stripe's dispute fee: 15.00 in the charge's currency. */
const STRIPE_DISPUTE_FEE_MINOR = 1500;
const CANCELABLE = new Set(['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing']);

/** Starts the fake on 127.0.0.1 on a free port. Fees on capture: 2.9 % + 30 unless `withFees` is false. */
export async function startFakeStripe(options: { webhookSecret: string; withFees?: boolean }): Promise<FakeStripe> {
  const intents = new Map<string, Intent>();
  const charges = new Map<string, Charge>();
  const others = new Map<string, Json>();
  const answered = new Map<string, { fingerprint: string; answer: Answer }>();
  const requests: RecordedRequest[] = [];
  let failures = 0;

  const newId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('hex')}`;
  const now = (): number => Math.floor(Date.now() / 1000);

  function intentOf(id: string): Intent {
    const intent = intents.get(id);
    if (intent === undefined) throw new Refusal(404, { type: 'invalid_request_error', code: 'resource_missing', param: 'intent', message: `No such payment_intent: '${id}'` });
    return intent;
  }

  function chargeJson(charge: Charge, expandTransaction: boolean): Json {
    const transaction = charge.balanceTransaction;
    return {
      id: charge.id, object: 'charge', amount: charge.amount, amount_captured: charge.captured, amount_refunded: charge.refunded,
      captured: charge.captured > 0, refunded: charge.refunded > 0 && charge.refunded === charge.captured, currency: charge.currency,
      payment_intent: charge.intentId, metadata: charge.metadata, created: charge.created, livemode: false, paid: true, status: 'succeeded',
      balance_transaction: transaction === null ? null : expandTransaction ? transaction : transaction.id,
    };
  }

  function intentJson(intent: Intent, expand: string[] = []): Json {
    const charge = intent.chargeId === null ? undefined : charges.get(intent.chargeId);
    const expandCharge = expand.includes('latest_charge') || expand.includes('latest_charge.balance_transaction');
    return {
      id: intent.id, object: 'payment_intent', amount: intent.amount, currency: intent.currency, status: intent.status,
      amount_capturable: intent.status === 'requires_capture' ? intent.amount : 0, amount_received: charge?.captured ?? 0,
      capture_method: 'manual', confirmation_method: 'automatic', client_secret: `${intent.id}_secret_fake`, created: intent.created,
      livemode: false, metadata: intent.metadata, payment_method: intent.paymentMethod, payment_method_types: ['card'],
      last_payment_error: intent.lastPaymentError,
      next_action: intent.status === 'requires_action' ? { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } } : null,
      latest_charge: charge === undefined ? null : expandCharge ? chargeJson(charge, expand.includes('latest_charge.balance_transaction')) : charge.id,
    };
  }

  function cardError(intent: Intent, decline: { code: string; decline_code?: string; message: string }): Refusal {
    intent.status = 'requires_payment_method';
    intent.lastPaymentError = { type: 'card_error', ...decline };
    return new Refusal(402, { type: 'card_error', ...decline, payment_intent: intentJson(intent) });
  }

  function authorizeCharge(intent: Intent): void {
    const charge: Charge = { id: newId('ch'), intentId: intent.id, amount: intent.amount, captured: 0, refunded: 0, currency: intent.currency, metadata: intent.metadata, balanceTransaction: null, created: now() };
    charges.set(charge.id, charge);
    intent.chargeId = charge.id;
    intent.status = 'requires_capture';
  }

  function createIntent(params: Record<string, string>): Json {
    const metadata = Object.fromEntries(Object.entries(params).flatMap(([key, value]) => {
      const name = /^metadata\[(.+)\]$/.exec(key)?.[1];
      return name === undefined ? [] : [[name, value]];
    }));
    const intent: Intent = { id: newId('pi'), amount: Number(params.amount), currency: params.currency ?? '', paymentMethod: params.payment_method ?? '', metadata, status: 'requires_confirmation', chargeId: null, lastPaymentError: null, created: now() };
    intents.set(intent.id, intent);
    if (params.confirm === 'true') confirmIntent(intent);
    return intentJson(intent);
  }

  function confirmIntent(intent: Intent): void {
    const decline = DECLINES[intent.paymentMethod];
    if (decline !== undefined) throw cardError(intent, decline);
    const needsChallenge = intent.paymentMethod === FAKE_PAYMENT_METHODS.threeDSecure || intent.paymentMethod === FAKE_PAYMENT_METHODS.threeDSecureFails;
    if (needsChallenge && intent.status !== 'requires_action') {
      intent.status = 'requires_action';
      return;
    }
    if (intent.paymentMethod === FAKE_PAYMENT_METHODS.threeDSecureFails) {
      throw cardError(intent, { code: 'payment_intent_authentication_failure', message: 'The provided PaymentMethod has failed authentication.' });
    }
    authorizeCharge(intent);
  }

  function unexpectedState(intent: Intent, action: string): Refusal {
    return new Refusal(400, { type: 'invalid_request_error', code: 'payment_intent_unexpected_state', message: `This PaymentIntent could not be ${action} because it has a status of ${intent.status}.`, payment_intent: intentJson(intent) });
  }

  function capture(intent: Intent, params: Record<string, string>): Json {
    if (intent.status !== 'requires_capture') throw unexpectedState(intent, 'captured');
    const amount = params.amount_to_capture === undefined ? intent.amount : Number(params.amount_to_capture);
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > intent.amount) {
      throw new Refusal(400, { type: 'invalid_request_error', code: 'amount_too_large', param: 'amount_to_capture', message: 'The amount to capture exceeds the amount capturable.' });
    }
    const charge = charges.get(intent.chargeId ?? '') as Charge;
    charge.captured = amount;
    if (options.withFees !== false) {
      const fee = mulDivRoundHalfUp(amount, 290, 10_000) + 30;
      charge.balanceTransaction = { id: newId('txn'), object: 'balance_transaction', amount, fee, net: amount - fee, currency: intent.currency, type: 'charge', created: now() };
    }
    intent.status = 'succeeded';
    return intentJson(intent, Object.entries(params).filter(([key]) => key.startsWith('expand[')).map(([, value]) => value));
  }

  function refund(params: Record<string, string>): Json {
    const intent = intentOf(params.payment_intent ?? '');
    const charge = intent.chargeId === null ? undefined : charges.get(intent.chargeId);
    if (intent.status !== 'succeeded' || charge === undefined) throw new Refusal(400, { type: 'invalid_request_error', code: 'charge_not_captured', message: 'This PaymentIntent has no captured charge to refund.' });
    const remaining = charge.captured - charge.refunded;
    const amount = params.amount === undefined ? remaining : Number(params.amount);
    if (remaining === 0) throw new Refusal(400, { type: 'invalid_request_error', code: 'charge_already_refunded', message: `Charge ${charge.id} has already been refunded.` });
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > remaining) {
      throw new Refusal(400, { type: 'invalid_request_error', code: 'amount_too_large', param: 'amount', message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})` });
    }
    charge.refunded += amount;
    const created = { id: newId('re'), object: 'refund', amount, currency: charge.currency, charge: charge.id, payment_intent: intent.id, status: 'succeeded', metadata: {}, created: now() };
    others.set(created.id, created);
    return created;
  }

  function dispute(intent: Intent, feeMinor: number): Json {
    const charge = intent.chargeId === null ? undefined : charges.get(intent.chargeId);
    const amount = charge === undefined ? 0 : charge.captured - charge.refunded;
    if (intent.status !== 'succeeded' || charge === undefined || amount === 0) throw new Error(`PaymentIntent ${intent.id} has nothing captured left to dispute`);
    charge.refunded = charge.captured;
    const withdrawal = {
      id: newId('txn'), object: 'balance_transaction', amount: -amount, fee: feeMinor, net: -amount - feeMinor, currency: charge.currency,
      fee_details: [{ amount: feeMinor, currency: charge.currency, type: 'stripe_fee', description: 'Dispute fee', application: null }],
      type: 'adjustment', reporting_category: 'dispute', status: 'available', created: now(),
    };
    // A dispute's metadata is its own: Stripe does not copy the charge's there.
    const created = {
      id: newId('dp'), object: 'dispute', amount, currency: charge.currency, charge: charge.id, payment_intent: intent.id, balance_transactions: [withdrawal],
      is_charge_refundable: false, livemode: false, metadata: {}, reason: 'fraudulent', status: 'needs_response', created: now(),
    };
    others.set(created.id, created);
    return created;
  }

  function transfer(params: Record<string, string>): Json {
    const destination = params.destination ?? '';
    if (!destination.startsWith('acct_')) throw new Refusal(400, { type: 'invalid_request_error', code: 'resource_missing', param: 'destination', message: `No such destination: '${destination}'` });
    const created = { id: newId('tr'), object: 'transfer', amount: Number(params.amount), amount_reversed: 0, currency: params.currency, destination, reversed: false, metadata: {}, created: now(), livemode: false };
    others.set(created.id, created);
    return created;
  }

  function route(method: string, path: string, params: Record<string, string>): Json {
    const action = /^\/v1\/payment_intents\/([^/]+)\/(confirm|capture|cancel)$/.exec(path);
    if (method === 'POST' && path === '/v1/payment_intents') return createIntent(params);
    if (method === 'POST' && path === '/v1/refunds') return refund(params);
    if (method === 'POST' && path === '/v1/transfers') return transfer(params);
    if (method !== 'POST' || action === null) throw new Refusal(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` });
    const intent = intentOf(decodeURIComponent(action[1] ?? ''));
    if (action[2] === 'capture') return capture(intent, params);
    if (action[2] === 'cancel') {
      if (!CANCELABLE.has(intent.status)) throw unexpectedState(intent, 'canceled');
      intent.status = 'canceled';
      return intentJson(intent);
    }
    if (intent.status !== 'requires_action' && intent.status !== 'requires_confirmation') throw unexpectedState(intent, 'confirmed');
    confirmIntent(intent);
    return intentJson(intent);
  }

  function answer(method: string, path: string, params: Record<string, string>): Answer {
    try {
      return { status: 200, body: route(method, path, params) };
    } catch (error) {
      if (error instanceof Refusal) return { status: error.status, body: { error: error.error } };
      throw error;
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(request);
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const params = Object.fromEntries(new URLSearchParams(rawBody));
    const idempotencyKey = headerOf(request, 'idempotency-key');
    const record = (status: number, replayed: boolean): void => {
      requests.push({ method, path, idempotencyKey, contentType: headerOf(request, 'content-type'), params, status, replayed });
    };
    if (!(headerOf(request, 'authorization') ?? '').startsWith('Bearer sk_')) {
      record(401, false);
      return send(response, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    }
    if (failures > 0) {
      failures -= 1;
      record(500, false);
      return send(response, 500, { error: { type: 'api_error', message: 'An unknown error occurred' } });
    }
    const fingerprint = `${method} ${path} ${rawBody}`;
    const seen = idempotencyKey === undefined ? undefined : answered.get(idempotencyKey);
    if (seen !== undefined) {
      if (seen.fingerprint !== fingerprint) {
        record(400, false);
        return send(response, 400, { error: { type: 'idempotency_error', message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.` } });
      }
      record(seen.answer.status, true);
      return send(response, seen.answer.status, seen.answer.body, { 'idempotent-replayed': 'true' });
    }
    const result = answer(method, path, params);
    if (idempotencyKey !== undefined) answered.set(idempotencyKey, { fingerprint, answer: result });
    record(result.status, false);
    send(response, result.status, result.body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { error: { type: 'api_error', message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    host: '127.0.0.1',
    port,
    protocol: 'http',
    requests,
    failNext: (count) => { failures = count; },
    completeAuthentication: (id) => authorizeCharge(intentOf(id)),
    dispute: (id, disputeOptions = {}) => dispute(intentOf(id), disputeOptions.feeMinor ?? STRIPE_DISPUTE_FEE_MINOR),
    objectJson: (id) => {
      const intent = intents.get(id);
      if (intent !== undefined) return intentJson(intent);
      const charge = charges.get(id);
      if (charge !== undefined) return chargeJson(charge, false);
      const other = others.get(id);
      if (other === undefined) throw new Error(`The fake knows no object ${id}`);
      return other;
    },
    event: (type, object, previousAttributes) => ({
      id: newId('evt'), object: 'event', api_version: Stripe.API_VERSION, created: now(), livemode: false, pending_webhooks: 1,
      request: { id: null, idempotency_key: null }, type,
      data: previousAttributes === undefined ? { object } : { object, previous_attributes: previousAttributes },
    }),
    signedWebhook: (event, signing = {}) => {
      // Stripe sends pretty-printed JSON; the signature covers these exact bytes.
      const rawBody = JSON.stringify(event, null, 2);
      const header = Stripe.webhooks.generateTestHeaderString({ payload: rawBody, secret: signing.secret ?? options.webhookSecret, timestamp: signing.timestamp ?? now() });
      return { rawBody, headers: { 'content-type': 'application/json', 'stripe-signature': header } };
    },
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(response: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(8).toString('hex')}`, ...headers });
  response.end(text);
}
