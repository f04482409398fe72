import { randomUUID } from 'node:crypto';
import { decodeCursor, toPage, type Tx } from '@tessera/platform';
import { BillingEvents, type PaymentEventData } from '../contract/events.js';
import type { Order } from '../contract/schemas.js';
import type { BillingDatabase } from '../db/billing.table.js';
import { findCourse } from '../db/course.repository.js';
import { findLesson } from '../db/lesson.repository.js';
import { findOrder, findOrderOfEnrollment, insertOrder, listOrders, type OrderRow } from '../db/order.repository.js';
import { findPrice, findPriceOf, type PriceRow } from '../db/price.repository.js';
import { quote, type Quote } from '../domain/pricing.js';
import type { BillingDeps } from './deps.js';
import { billingErrors } from './errors.js';
import { settingsIn } from './settings.js';

type Db = Tx<BillingDatabase>;

/** How long an order waits for its payment: enrollment's payment window holds the seat as long. */
export const ORDER_PAYMENT_WINDOW_MS = 30 * 60 * 1000;

export interface EnrollmentToPay {
  enrollmentId: string;
  userId: string;
  courseId: string;
  priceRef: string;
}

/**
 * Opens the order that pays for an enrollment waiting for payment, priced now with the tenant's terms. Once per
 * enrollment (a redelivered event finds it). A price reference billing does not know fails the payment at once,
 * so enrollment releases the seat instead of holding it for nothing.
 */
export async function openOrderFor(deps: BillingDeps, tx: Db, tenantId: string, enrollment: EnrollmentToPay, now: Date): Promise<void> {
  const price = await priceFor(tx, tenantId, enrollment);
  if (!price) {
    await emitPayment(deps, tx, tenantId, BillingEvents.paymentFailed, orphanPayment(enrollment, 'no_price'), randomUUID());
    return;
  }
  const settings = await settingsIn(deps, tx, tenantId);
  const priced = quote({ unitPriceMinor: price.amount_minor, currency: price.currency, coupon: null, taxRateBp: settings.taxRateBp, commissionBp: settings.commissionBp });
  await insertOrder(tx, tenantId, {
    id: randomUUID(), user_id: enrollment.userId, enrollment_id: enrollment.enrollmentId, product_kind: 'course', product_id: enrollment.courseId,
    price_id: price.id, payee_id: price.payee_id, ...quoteColumns(priced), coupon_code: null, status: 'awaiting_payment',
    expires_at: new Date(now.getTime() + ORDER_PAYMENT_WINDOW_MS),
  });
}

/**
 * The course's price: the one `priceRef` names by id, or — for any other reference (`course`, say: "this course
 * is paid") — the price billing holds for the course. So a course can be marked paid when it is written and
 * priced once it is published.
 */
async function priceFor(tx: Db, tenantId: string, enrollment: EnrollmentToPay): Promise<PriceRow | undefined> {
  if (UUID.test(enrollment.priceRef)) {
    const named = await findPrice(tx, tenantId, enrollment.priceRef);
    if (named?.product_kind === 'course' && named.product_id === enrollment.courseId) return named;
  }
  return findPriceOf(tx, tenantId, 'course', enrollment.courseId);
}

function orphanPayment(enrollment: EnrollmentToPay, reason: string): PaymentEventData {
  return { orderId: enrollment.enrollmentId, userId: enrollment.userId, enrollmentId: enrollment.enrollmentId, productKind: 'course', productId: enrollment.courseId, totalMinor: 0, currency: 'XXX', reason };
}

export function quoteColumns(q: Quote): Pick<OrderRow, 'currency' | 'subtotal_minor' | 'discount_minor' | 'net_minor' | 'tax_minor' | 'total_minor' | 'commission_minor' | 'payee_minor'> {
  return {
    currency: q.currency, subtotal_minor: q.subtotalMinor, discount_minor: q.discountMinor, net_minor: q.netMinor, tax_minor: q.taxMinor,
    total_minor: q.totalMinor, commission_minor: q.commissionMinor, payee_minor: q.payeeMinor,
  };
}

export function quoteOf(order: OrderRow): Quote {
  return {
    currency: order.currency, subtotalMinor: order.subtotal_minor, discountMinor: order.discount_minor, netMinor: order.net_minor, taxMinor: order.tax_minor,
    totalMinor: order.total_minor, commissionMinor: order.commission_minor, payeeMinor: order.payee_minor,
  };
}

export async function emitPayment(deps: Pick<BillingDeps, 'outbox'>, tx: Db, tenantId: string, name: string, data: PaymentEventData, subject: string): Promise<void> {
  await deps.outbox.emit(tx, tenantId, [{ name, subject, data }]);
}

export function paymentData(order: OrderRow, reason?: string): PaymentEventData {
  return {
    orderId: order.id, userId: order.user_id, enrollmentId: order.enrollment_id, productKind: order.product_kind, productId: order.product_id,
    totalMinor: order.total_minor, currency: order.currency, ...(reason ? { reason } : {}),
  };
}

/** An order of the caller's (another user's, or another tenant's: 404). Tenant admins read every order. */
export async function orderOf(deps: BillingDeps, tenantId: string, viewer: { userId: string | null; isAdmin: boolean }, id: string): Promise<Order> {
  return deps.db.withTenant<BillingDatabase, Order>(tenantId, async (tx) => {
    const order = await findOrder(tx, tenantId, id);
    if (!order || (!viewer.isAdmin && order.user_id !== viewer.userId)) throw billingErrors.orderNotFound(id);
    return toOrder(order, await productTitleOf(tx, tenantId, order));
  });
}

/** What an order bought, as its receipt names it: the course's or the lesson's title (null when unknown). */
export async function productTitleOf(tx: Db, tenantId: string, order: Pick<OrderRow, 'product_kind' | 'product_id'>): Promise<string | null> {
  if (order.product_kind === 'lesson') return (await findLesson(tx, tenantId, order.product_id))?.title ?? null;
  return (await findCourse(tx, tenantId, order.product_id))?.title ?? null;
}

/** The caller's orders (`userId`), or the tenant's (null), newest first. */
export async function ordersOf(deps: BillingDeps, tenantId: string, userId: string | null, limit: number, cursor: string | undefined): Promise<{ items: Order[]; nextCursor: string | null }> {
  const after = cursor ? decodeCursor(cursor, 2, ([at, id]) => typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && UUID.test(id)) : null;
  return deps.db.withTenant<BillingDatabase, { items: Order[]; nextCursor: string | null }>(tenantId, async (tx) => {
    const rows = await listOrders(tx, tenantId, userId, after ? { createdAt: new Date(String(after[0])), id: String(after[1]) } : null, limit + 1);
    const titles = new Map<string, string | null>();
    for (const row of rows.slice(0, limit)) {
      if (!titles.has(row.product_id)) titles.set(row.product_id, await productTitleOf(tx, tenantId, row));
    }
    return toPage(rows, limit, (row) => [row.created_at.toISOString(), row.id], (row) => toOrder(row, titles.get(row.product_id) ?? null));
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toOrder(row: OrderRow, title: string | null): Order {
  return {
    id: row.id, userId: row.user_id, enrollmentId: row.enrollment_id, productKind: row.product_kind, productId: row.product_id, productTitle: title,
    currency: row.currency, subtotalMinor: row.subtotal_minor, discountMinor: row.discount_minor, taxMinor: row.tax_minor, totalMinor: row.total_minor,
    refundedMinor: row.refunded_minor, couponCode: row.coupon_code, status: row.status, challenge: row.status === 'requires_action' ? row.challenge : null,
    failure: row.failure_code ? { code: row.failure_code, message: row.failure_message ?? row.failure_code } : null,
    paidAt: row.paid_at?.toISOString() ?? null, expiresAt: row.expires_at.toISOString(), createdAt: row.created_at.toISOString(),
  };
}

/** The order paying for one of the caller's enrollments (404 until billing has opened it, a moment after enrolling). */
export async function orderOfEnrollment(deps: BillingDeps, tenantId: string, userId: string, enrollmentId: string): Promise<Order> {
  return deps.db.withTenant<BillingDatabase, Order>(tenantId, async (tx) => {
    const order = await findOrderOfEnrollment(tx, tenantId, enrollmentId);
    if (!order || order.user_id !== userId) throw billingErrors.orderNotFound(`of enrollment ${enrollmentId}`);
    return toOrder(order, await productTitleOf(tx, tenantId, order));
  });
}
