/**
 * The payment-provider port: what billing needs of a card processor, whether the built-in test processor
 * or Stripe. Amounts are integer minor units; currencies ISO 4217 upper case.
 */

/** Why the issuer (or 3-D Secure) refused a payment; stable, shown to the payer in their words. */
export type DeclineCode = 'card_declined' | 'insufficient_funds' | 'expired_card' | 'incorrect_cvc' | 'authentication_failed';

/** One authorization request: reserve `amountMinor` on `paymentMethod` (a card number or a provider's payment-method id). */
export interface AuthorizeInput { orderId: string; tenantId: string; amountMinor: number; currency: string; paymentMethod: string; idempotencyKey: string }

/** Where an authorization stands: reserved, waiting for the payer (3-D Secure), or refused. */
export type AuthorizeResult =
  | { status: 'authorized'; paymentRef: string }
  | { status: 'requires_action'; paymentRef: string; challenge: string /* what the payer must confirm, shown in the UI */ }
  | { status: 'declined'; paymentRef: string; code: DeclineCode; message: string };

/**
 * A provider's asynchronous notification, verified and normalised; `id` is unique per event (deduplicate on it).
 * `feeMinor` is what the processor kept on top of the amount, in the same currency: a dispute's fee (absent: none).
 */
export interface ProviderEvent { id: string; type: 'payment.captured' | 'payment.failed' | 'payment.voided' | 'payment.refunded' | 'payment.disputed' | 'payout.paid'; paymentRef: string; amountMinor: number; currency: string; occurredAt: string /* ISO */; orderId: string | null; feeMinor?: number }

/** The processors billing can talk to. */
export type ProviderName = 'test' | 'stripe';

/**
 * A card processor. Every mutating call takes an idempotency key: the same key with the same operation
 * returns the first result and never moves money twice, also when two calls with it race.
 */
export interface PaymentProvider {
  readonly name: ProviderName;
  /** No real money moves (the built-in processor, or a Stripe test key): the checkout may show test cards. */
  readonly testMode: boolean;
  /** Reserves the amount; a decline is a result, not an error. Throws ProviderUnavailable when the provider could not be reached. */
  authorize(input: AuthorizeInput): Promise<AuthorizeResult>;
  /** 3-D Secure: the payer's answer to the challenge; authorized or declined ('authentication_failed'). */
  confirm(input: { paymentRef: string; response: string; idempotencyKey: string }): Promise<AuthorizeResult>;
  /** Takes up to the authorized amount, once; `feeMinor` is what the provider keeps. */
  capture(input: { paymentRef: string; amountMinor: number; idempotencyKey: string }): Promise<{ captured: true; feeMinor: number }>;
  /** Releases an authorization that was not captured. */
  void(input: { paymentRef: string; idempotencyKey: string }): Promise<void>;
  /** Returns part or all of what was captured and not yet refunded. */
  refund(input: { paymentRef: string; amountMinor: number; idempotencyKey: string }): Promise<{ refundRef: string }>;
  /** Pays a payee (e.g. a connected account) out of the platform's balance. */
  payout(input: { payeeRef: string; amountMinor: number; currency: string; idempotencyKey: string }): Promise<{ payoutRef: string }>;
  /** Verifies signature and timestamp of a webhook and returns its event; throws WebhookRejected otherwise. */
  parseWebhook(rawBody: string, headers: Readonly<Record<string, string | undefined>>, now: Date): ProviderEvent;
}

/** Network error / 5xx: retryable, nothing happened or idempotent retry is safe. */
export class ProviderUnavailable extends Error {}   // network error / 5xx: retryable, nothing happened or idempotent retry is safe

/** A webhook that must not be trusted or cannot be read; answer it with a 400 and do nothing. */
export class WebhookRejected extends Error { constructor(readonly reason: 'signature' | 'timestamp' | 'malformed', message: string) { super(message); } }

/** The provider does not know the payment (or payout) reference it was given. */
export class PaymentRefUnknown extends Error {}
