import { randomUUID } from 'node:crypto';
import type { Refund } from '../contract/schemas.js';
import type { BillingDatabase } from '../db/billing.table.js';
import { findOrder } from '../db/order.repository.js';
import { changeRefund, findRefund, refundsOfOrder, refundsWithStatus, type RefundRow } from '../db/refund.repository.js';
import type { BillingDeps } from './deps.js';
import { billingErrors } from './errors.js';
import { reserveRefund, returnMoney } from './refunds.js';
import { settingsIn } from './settings.js';

const DAY_MS = 86_400_000;

/**
 * A student asks for their money back: the whole of what is left of a paid order of theirs, within the tenant's
 * refund window after payment (422 after it). An admin then approves (the money goes back) or rejects it.
 */
export async function requestRefund(deps: BillingDeps, tenantId: string, userId: string, orderId: string, reason: string, now = new Date()): Promise<Refund> {
  return deps.db.withTenant<BillingDatabase, Refund>(tenantId, async (tx) => {
    const order = await findOrder(tx, tenantId, orderId);
    if (!order || order.user_id !== userId) throw billingErrors.orderNotFound(orderId);
    const { refundWindowDays } = await settingsIn(deps, tx, tenantId);
    if (!order.paid_at || now.getTime() - order.paid_at.getTime() > refundWindowDays * DAY_MS) throw billingErrors.refundWindowClosed(refundWindowDays);
    const open = (await refundsOfOrder(tx, tenantId, orderId)).find((refund) => refund.status === 'requested');
    if (open) throw billingErrors.refundAlreadyRequested(open.id);
    const left = order.total_minor - order.refunded_minor;
    if (left <= 0) throw billingErrors.notRefundable(orderId, order.status);
    return toRefund(await reserveRefund(tx, tenantId, { orderId, amountMinor: left, refundKey: `request:${randomUUID()}`, reason, by: userId }, 'requested'));
  });
}

/** An admin grants a requested refund: it is reserved (`pending`) and the money returned, once, however often approved. */
export async function approveRefund(deps: BillingDeps, tenantId: string, adminId: string | null, refundId: string): Promise<Refund> {
  const pending = await deps.db.withTenant<BillingDatabase, RefundRow>(tenantId, async (tx) => {
    const refund = await findRefund(tx, tenantId, refundId, true);
    if (!refund) throw billingErrors.refundNotFound(refundId);
    if (refund.status === 'requested') {
      const order = await findOrder(tx, tenantId, refund.order_id, true);
      const left = order ? order.total_minor - order.refunded_minor : 0;
      if (refund.amount_minor > left) throw billingErrors.refundTooLarge(left, order?.currency ?? '');
      await changeRefund(tx, tenantId, refundId, { status: 'pending', decided_by: adminId });
      return { ...refund, status: 'pending' as const, decided_by: adminId };
    }
    if (refund.status !== 'pending' && refund.status !== 'succeeded') throw billingErrors.refundDecided(refundId, refund.status);
    return refund;
  });
  if (pending.status === 'pending') await returnMoney(deps, tenantId, pending);
  return refundOf(deps, tenantId, refundId);
}

export async function rejectRefund(deps: BillingDeps, tenantId: string, adminId: string | null, refundId: string): Promise<Refund> {
  return deps.db.withTenant<BillingDatabase, Refund>(tenantId, async (tx) => {
    const refund = await findRefund(tx, tenantId, refundId, true);
    if (!refund) throw billingErrors.refundNotFound(refundId);
    if (refund.status !== 'requested') throw billingErrors.refundDecided(refundId, refund.status);
    await changeRefund(tx, tenantId, refundId, { status: 'rejected', decided_by: adminId });
    return toRefund({ ...refund, status: 'rejected', decided_by: adminId, updated_at: new Date() });
  });
}

/** The refunds of an order of the caller's (admins: any order). */
export async function refundsOf(deps: BillingDeps, tenantId: string, viewer: { userId: string | null; isAdmin: boolean }, orderId: string): Promise<Refund[]> {
  return deps.db.withTenant<BillingDatabase, Refund[]>(tenantId, async (tx) => {
    const order = await findOrder(tx, tenantId, orderId);
    if (!order || (!viewer.isAdmin && order.user_id !== viewer.userId)) throw billingErrors.orderNotFound(orderId);
    return (await refundsOfOrder(tx, tenantId, orderId)).map(toRefund);
  });
}

/** Refunds waiting for an admin's decision (or in another status), oldest first. */
export async function refundQueue(deps: BillingDeps, tenantId: string, status: RefundRow['status'], limit: number): Promise<Refund[]> {
  return (await deps.db.withTenant<BillingDatabase, RefundRow[]>(tenantId, (tx) => refundsWithStatus(tx, tenantId, status, limit))).map(toRefund);
}

async function refundOf(deps: BillingDeps, tenantId: string, refundId: string): Promise<Refund> {
  const refund = await deps.db.withTenant<BillingDatabase, RefundRow | undefined>(tenantId, (tx) => findRefund(tx, tenantId, refundId));
  if (!refund) throw billingErrors.refundNotFound(refundId);
  return toRefund(refund);
}

function toRefund(row: RefundRow): Refund {
  return {
    id: row.id, orderId: row.order_id, amountMinor: row.amount_minor, reason: row.reason, status: row.status,
    requestedBy: row.requested_by, decidedBy: row.decided_by, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
  };
}
