import type { Tx } from '@tessera/platform';
import type { Order, PayInput } from '../contract/schemas.js';
import type { BillingDatabase } from '../db/billing.table.js';
import { countRedemption, findCoupon } from '../db/coupon.repository.js';
import { findEnrollment } from '../db/course.repository.js';
import { changeOrder, findOrder, type OrderRow } from '../db/order.repository.js';
import { findPrice } from '../db/price.repository.js';
import { couponProblem, quote } from '../domain/pricing.js';
import { ProviderUnavailable, type AuthorizeResult } from '../providers/provider.js';
import { domainCoupon, normaliseCode } from './coupons.js';
import type { BillingDeps } from './deps.js';
import { billingErrors } from './errors.js';
import { recordCapture } from './capture.js';
import { compensate } from './compensation.js';
import { failOrder } from './fail-order.js';
import { orderOf, productTitleOf, quoteColumns, toOrder } from './orders.js';
import { settingsIn } from './settings.js';

type Db = Tx<BillingDatabase>;

/**
 * Pays an order: the saga's steps, each recorded before the next provider call so that a crash anywhere leaves
 * an order the resume job can finish. Reserve (status `authorizing`, the coupon counted) → authorize (declined:
 * `failed`, coupon released, enrollment told; 3-D Secure: `requires_action`) → capture (`capturing`, then
 * `paid` with its ledger entries and `billing.payment.captured`). The provider sees one idempotency key per
 * order and step, so a retried step never charges twice.
 */
export async function payOrder(deps: BillingDeps, tenantId: string, userId: string, orderId: string, input: PayInput, now = new Date()): Promise<Order> {
  const reserved = await deps.db.withTenant<BillingDatabase, OrderRow>(tenantId, (tx) => reserve(deps, tx, tenantId, userId, orderId, input.couponCode, now));
  if (reserved.total_minor === 0) return titled(deps, tenantId, await settleFree(deps, tenantId, orderId));
  let result: AuthorizeResult;
  try {
    result = await deps.provider.authorize({
      orderId, tenantId, amountMinor: reserved.total_minor, currency: reserved.currency, paymentMethod: input.paymentMethod,
      idempotencyKey: `${orderId}:authorize:${reserved.attempt}`,
    });
  } catch (error) {
    if (!(error instanceof ProviderUnavailable)) throw error;
    await backToAwaiting(deps, tenantId, orderId);
    throw billingErrors.providerUnavailable();
  }
  return titled(deps, tenantId, await afterAuthorization(deps, tenantId, orderId, result));
}

/** The payer's answer to a 3-D Secure challenge. */
export async function confirmOrder(deps: BillingDeps, tenantId: string, userId: string, orderId: string, response: string): Promise<Order> {
  const order = await deps.db.withTenant<BillingDatabase, OrderRow>(tenantId, async (tx) => {
    const current = await ownOrder(tx, tenantId, userId, orderId);
    if (current.status !== 'requires_action' || !current.payment_ref) throw billingErrors.noChallenge(orderId);
    await changeOrder(tx, tenantId, orderId, { status: 'authorizing' });
    return current;
  });
  let result: AuthorizeResult;
  try {
    result = await deps.provider.confirm({ paymentRef: order.payment_ref ?? '', response, idempotencyKey: `${orderId}:confirm:${order.attempt}` });
  } catch (error) {
    if (!(error instanceof ProviderUnavailable)) throw error;
    await deps.db.withTenant<BillingDatabase, void>(tenantId, (tx) => changeOrder(tx, tenantId, orderId, { status: 'requires_action' }));
    throw billingErrors.providerUnavailable();
  }
  return titled(deps, tenantId, await afterAuthorization(deps, tenantId, orderId, result));
}

/** The order as the payer sees it, with the title of what it buys (the saga's steps do not read it). */
async function titled(deps: BillingDeps, tenantId: string, order: Order): Promise<Order> {
  if (order.productTitle !== null) return order;
  const title = await deps.db.withTenant<BillingDatabase, string | null>(tenantId, (tx) => productTitleOf(tx, tenantId, { product_kind: order.productKind, product_id: order.productId }));
  return { ...order, productTitle: title };
}

async function ownOrder(tx: Db, tenantId: string, userId: string, orderId: string): Promise<OrderRow> {
  const order = await findOrder(tx, tenantId, orderId, true);
  if (!order || order.user_id !== userId) throw billingErrors.orderNotFound(orderId);
  return order;
}

async function reserve(deps: BillingDeps, tx: Db, tenantId: string, userId: string, orderId: string, couponCode: string | undefined, now: Date): Promise<OrderRow> {
  const order = await ownOrder(tx, tenantId, userId, orderId);
  if (order.status !== 'awaiting_payment') throw billingErrors.orderNotPayable(orderId, order.status);
  const enrollment = order.enrollment_id ? await findEnrollment(tx, tenantId, order.enrollment_id) : undefined;
  if (order.expires_at <= now || (enrollment && enrollment.status !== 'pending_payment')) throw billingErrors.orderExpired(orderId);
  const priced = await requote(deps, tx, tenantId, order, couponCode, now);
  const attempt = order.attempt + 1;
  const change = { ...priced, status: 'authorizing' as const, attempt, provider: deps.provider.name };
  await changeOrder(tx, tenantId, orderId, change);
  return { ...order, ...change };
}

/** Prices the order again with the coupon the payer gives (counted as used until the payment fails). */
async function requote(deps: BillingDeps, tx: Db, tenantId: string, order: OrderRow, couponCode: string | undefined, now: Date): Promise<Partial<OrderRow>> {
  const price = await findPrice(tx, tenantId, order.price_id);
  if (!price) throw billingErrors.priceNotFound(`order ${order.id}`);
  const settings = await settingsIn(deps, tx, tenantId);
  let coupon = null;
  let code: string | null = null;
  if (couponCode !== undefined) {
    code = normaliseCode(couponCode);
    const row = await findCoupon(tx, tenantId, code, true);
    if (!row) throw billingErrors.couponUnusable(code, 'no such coupon');
    const { coupon: terms, rules } = domainCoupon(row);
    const problem = couponProblem(terms, rules, price.currency, now);
    if (problem) throw billingErrors.couponUnusable(code, COUPON_PROBLEMS[problem]);
    await countRedemption(tx, tenantId, code, 1);
    coupon = terms;
  }
  const priced = quote({ unitPriceMinor: price.amount_minor, currency: price.currency, coupon, taxRateBp: settings.taxRateBp, commissionBp: settings.commissionBp });
  return { ...quoteColumns(priced), coupon_code: code, payee_id: price.payee_id };
}

const COUPON_PROBLEMS = {
  expired: 'it has expired', exhausted: 'it has been used as often as it may be', inactive: 'it was withdrawn',
  currency_mismatch: 'it is in another currency than the price',
} as const;

async function backToAwaiting(deps: BillingDeps, tenantId: string, orderId: string): Promise<void> {
  await deps.db.withTenant<BillingDatabase, void>(tenantId, async (tx) => {
    const order = await findOrder(tx, tenantId, orderId, true);
    if (!order || order.status !== 'authorizing') return;
    if (order.coupon_code) await countRedemption(tx, tenantId, order.coupon_code, -1);
    // The request may have reached the processor: the retry reuses this attempt's key, so it is not made twice.
    await changeOrder(tx, tenantId, orderId, { status: 'awaiting_payment', coupon_code: null, attempt: order.attempt - 1 });
  });
}

/** Records what the provider answered and, once authorized, captures. */
async function afterAuthorization(deps: BillingDeps, tenantId: string, orderId: string, result: AuthorizeResult): Promise<Order> {
  const next = await deps.db.withTenant<BillingDatabase, OrderRow | undefined>(tenantId, async (tx) => {
    const order = await findOrder(tx, tenantId, orderId, true);
    if (!order || order.status !== 'authorizing') return order;
    if (result.status === 'declined') {
      await failOrder(deps, tx, tenantId, order, result.code, result.message, result.paymentRef);
    } else if (result.status === 'requires_action') {
      await changeOrder(tx, tenantId, orderId, { status: 'requires_action', payment_ref: result.paymentRef, challenge: result.challenge });
    } else {
      await changeOrder(tx, tenantId, orderId, { status: 'capturing', payment_ref: result.paymentRef });
    }
    return findOrder(tx, tenantId, orderId);
  });
  if (!next) throw billingErrors.orderNotFound(orderId);
  if (next.status === 'capturing') return captureOrder(deps, tenantId, orderId);
  return toOrder(next, null);
}

/**
 * Captures an authorized order. An unreachable provider leaves it `capturing` for the resume job (the same
 * idempotency key then captures once); the ledger entries and the event are written once, when it is captured.
 */
export async function captureOrder(deps: BillingDeps, tenantId: string, orderId: string): Promise<Order> {
  const order = await deps.db.withTenant<BillingDatabase, OrderRow | undefined>(tenantId, (tx) => findOrder(tx, tenantId, orderId));
  if (!order) throw billingErrors.orderNotFound(orderId);
  if (order.status !== 'capturing' || !order.payment_ref) return toOrder(order, null);
  let feeMinor: number;
  try {
    ({ feeMinor } = await deps.provider.capture({ paymentRef: order.payment_ref, amountMinor: order.total_minor, idempotencyKey: `${orderId}:capture` }));
  } catch (error) {
    if (!(error instanceof ProviderUnavailable)) throw error;
    deps.logger.warn({ orderId }, 'payment provider unreachable while capturing; the resume job will capture');
    return toOrder(order, null);
  }
  return settled(deps, tenantId, await recordCapture(deps, tenantId, orderId, feeMinor));
}

/** A payment captured after its enrollment ended (the window passed mid-payment) is refunded at once. */
async function settled(deps: BillingDeps, tenantId: string, order: Order): Promise<Order> {
  if (!order.enrollmentId) return order;
  const enrollmentId = order.enrollmentId;
  const enrollment = await deps.db.withTenant<BillingDatabase, { status: string } | undefined>(tenantId, (tx) => findEnrollment(tx, tenantId, enrollmentId));
  if (!enrollment || (enrollment.status !== 'cancelled' && enrollment.status !== 'expired')) return order;
  await compensate(deps, tenantId, enrollmentId);
  return orderOf(deps, tenantId, { userId: null, isAdmin: true }, order.id);
}

/** A free order (a full-discount coupon): paid with nothing to charge and nothing in the ledger. */
async function settleFree(deps: BillingDeps, tenantId: string, orderId: string): Promise<Order> {
  await deps.db.withTenant<BillingDatabase, void>(tenantId, (tx) => changeOrder(tx, tenantId, orderId, { status: 'capturing' }));
  return settled(deps, tenantId, await recordCapture(deps, tenantId, orderId, 0));
}
