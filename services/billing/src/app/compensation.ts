import type { BillingDatabase } from '../db/billing.table.js';
import { findOrderOfEnrollment, type OrderRow } from '../db/order.repository.js';
import { ProviderUnavailable } from '../providers/provider.js';
import type { BillingDeps } from './deps.js';
import { failOrder } from './fail-order.js';
import { refundOrder } from './refunds.js';

/**
 * Undoes what billing did for an enrollment that ended before it became active (the seat was released, the
 * payment window passed, the student cancelled): an unpaid order is cancelled and its authorization voided; a
 * captured one is refunded in full, so no captured payment is left without an enrollment. Safe to repeat.
 * Throws when the provider cannot be reached, so the event is redelivered and the compensation retried.
 */
export async function compensate(deps: BillingDeps, tenantId: string, enrollmentId: string): Promise<void> {
  const order = await deps.db.withTenant<BillingDatabase, OrderRow | undefined>(tenantId, (tx) => findOrderOfEnrollment(tx, tenantId, enrollmentId));
  if (!order) return;
  if (order.status === 'authorizing' || order.status === 'capturing') throw new OrderInFlight(order.id);
  if (order.status === 'paid') {
    await refundOrder(deps, tenantId, { orderId: order.id, amountMinor: order.total_minor - order.refunded_minor, refundKey: `enrollment-ended:${order.id}`, reason: 'the enrollment ended before it was activated', by: null });
    return;
  }
  if (order.status === 'requires_action' && order.payment_ref) {
    try {
      await deps.provider.void({ paymentRef: order.payment_ref, idempotencyKey: `${order.id}:void` });
    } catch (error) {
      if (error instanceof ProviderUnavailable) throw error;
      deps.logger.warn({ err: error, orderId: order.id }, 'could not void the authorization of a cancelled order');
    }
  }
  if (order.status === 'awaiting_payment' || order.status === 'requires_action') {
    await deps.db.withTenant<BillingDatabase, void>(tenantId, async (tx) => {
      const current = await findOrderOfEnrollment(tx, tenantId, enrollmentId, true);
      if (current && (current.status === 'awaiting_payment' || current.status === 'requires_action')) {
        await failOrder(deps, tx, tenantId, current, 'timeout', 'The order was not paid in time, or its enrollment was cancelled', null, 'cancelled');
      }
    });
  }
}

/** The order is mid-payment: its outcome decides the compensation, so the event is retried once it settles. */
export class OrderInFlight extends Error {
  constructor(orderId: string) {
    super(`Order ${orderId} is being paid; compensation waits for the outcome`);
  }
}
