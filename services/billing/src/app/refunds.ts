import { randomUUID } from 'node:crypto';
import type { Tx } from '@tessera/platform';
import { BillingEvents, type RefundIssuedData } from '../contract/events.js';
import type { Order } from '../contract/schemas.js';
import type { BillingDatabase } from '../db/billing.table.js';
import { appendEntry } from '../db/ledger.repository.js';
import { changeOrder, findOrder, type OrderRow } from '../db/order.repository.js';
import { changeRefund, findRefund, insertRefund, pendingRefunds, type RefundRow } from '../db/refund.repository.js';
import { refundEntry } from '../domain/ledger.js';
import { ProviderUnavailable } from '../providers/provider.js';
import type { BillingDeps } from './deps.js';
import { billingErrors } from './errors.js';
import { quoteOf, toOrder } from './orders.js';

type Db = Tx<BillingDatabase>;

export interface RefundCommand {
  orderId: string;
  amountMinor: number;
  /** Names this refund for the provider and the ledger: the same key refunds once, however often it is sent. */
  refundKey: string;
  reason: string;
  by: string | null;
}

/**
 * Refunds part or all of a paid order in three steps: reserve the amount (`pending`, under the order's lock, so
 * refunds together never exceed what was paid: 422 otherwise, nothing moves), have the provider return it
 * (idempotent on the refund key), then book it — the ledger takes the refunded share back from tax, commission
 * and the payee — and mark the order. The same key finds the same refund and moves nothing again.
 */
export async function refundOrder(deps: BillingDeps, tenantId: string, command: RefundCommand): Promise<Order> {
  const refund = await deps.db.withTenant<BillingDatabase, RefundRow>(tenantId, (tx) => reserveRefund(tx, tenantId, command, 'pending'));
  if (refund.status === 'pending') await returnMoney(deps, tenantId, refund);
  return deps.db.withTenant<BillingDatabase, Order>(tenantId, async (tx) => {
    const order = await findOrder(tx, tenantId, command.orderId);
    if (!order) throw billingErrors.orderNotFound(command.orderId);
    return toOrder(order, null);
  });
}

/** Records a refund of `status` (`pending`: to be paid now; `requested`: for an admin to decide), checked against what is left. */
export async function reserveRefund(tx: Db, tenantId: string, command: RefundCommand, status: 'pending' | 'requested'): Promise<RefundRow> {
  const order = await findOrder(tx, tenantId, command.orderId, true);
  if (!order) throw billingErrors.orderNotFound(command.orderId);
  const { refund, created } = await insertRefund(tx, tenantId, {
    id: randomUUID(), order_id: order.id, refund_key: command.refundKey, amount_minor: command.amountMinor, reason: command.reason, status, requested_by: command.by,
  });
  if (!created) return refund;
  if (order.status !== 'paid' && order.status !== 'partially_refunded') throw billingErrors.notRefundable(order.id, order.status);
  const left = order.total_minor - order.refunded_minor - (await pendingRefunds(tx, tenantId, order.id) - (status === 'pending' ? command.amountMinor : 0));
  if (command.amountMinor > left) throw billingErrors.refundTooLarge(Math.max(left, 0), order.currency);
  return refund;
}

/** Has the provider return a pending refund, then books it. An unreachable provider leaves it pending (503; retried with the same key). */
export async function returnMoney(deps: BillingDeps, tenantId: string, refund: RefundRow): Promise<void> {
  const order = await deps.db.withTenant<BillingDatabase, OrderRow | undefined>(tenantId, (tx) => findOrder(tx, tenantId, refund.order_id));
  if (!order) throw billingErrors.orderNotFound(refund.order_id);
  let providerRef: string | null = null;
  if (order.payment_ref && order.total_minor > 0) {
    try {
      providerRef = (await deps.provider.refund({ paymentRef: order.payment_ref, amountMinor: refund.amount_minor, idempotencyKey: `refund:${refund.id}` })).refundRef;
    } catch (error) {
      if (error instanceof ProviderUnavailable) throw billingErrors.providerUnavailable();
      throw error;
    }
  }
  await deps.db.withTenant<BillingDatabase, void>(tenantId, (tx) => bookRefund(deps, tx, tenantId, refund.id, providerRef));
}

async function bookRefund(deps: BillingDeps, tx: Db, tenantId: string, refundId: string, providerRef: string | null): Promise<void> {
  const refund = await findRefund(tx, tenantId, refundId, true);
  if (!refund || refund.status !== 'pending') return;
  const order = await findOrder(tx, tenantId, refund.order_id, true);
  if (!order) throw billingErrors.orderNotFound(refund.order_id);
  if (order.total_minor > 0) {
    const entry = refundEntry(quoteOf(order), order.payee_id, order.refunded_minor, refund.amount_minor);
    await appendEntry(tx, tenantId, `refund:${refund.id}`, order.id, { ...entry, memo: `refund of order ${order.id}: ${refund.reason}` });
  }
  const refunded = order.refunded_minor + refund.amount_minor;
  const full = refunded === order.total_minor;
  await changeOrder(tx, tenantId, order.id, { refunded_minor: refunded, status: full ? 'refunded' : 'partially_refunded' });
  await changeRefund(tx, tenantId, refund.id, { status: 'succeeded', provider_ref: providerRef });
  const data: RefundIssuedData = {
    orderId: order.id, userId: order.user_id, enrollmentId: order.enrollment_id, refundId: refund.id, amountMinor: refund.amount_minor, currency: order.currency, full,
  };
  await deps.outbox.emit(tx, tenantId, [{ name: BillingEvents.refundIssued, subject: order.id, data }]);
}
