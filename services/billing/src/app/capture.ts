import { BillingEvents } from '../contract/events.js';
import type { Order } from '../contract/schemas.js';
import type { BillingDatabase } from '../db/billing.table.js';
import { appendEntry } from '../db/ledger.repository.js';
import { changeOrder, findOrder } from '../db/order.repository.js';
import { chargeEntry, feeEntry } from '../domain/ledger.js';
import type { BillingDeps } from './deps.js';
import { billingErrors } from './errors.js';
import { emitPayment, paymentData, quoteOf, toOrder } from './orders.js';

/**
 * Books a captured payment: the charge (clearing ← tax, commission, the payee's share) and the processor's fee,
 * each once per order, the order `paid`, and `billing.payment.captured` — all in one transaction, so a crash
 * leaves either all of it or none (and the order still `capturing`, which the resume job or the provider's
 * webhook finishes).
 */
export async function recordCapture(deps: BillingDeps, tenantId: string, orderId: string, feeMinor: number, now = new Date()): Promise<Order> {
  return deps.db.withTenant<BillingDatabase, Order>(tenantId, async (tx) => {
    const order = await findOrder(tx, tenantId, orderId, true);
    if (!order) throw billingErrors.orderNotFound(orderId);
    if (order.status !== 'capturing') return toOrder(order, null);
    if (order.total_minor > 0) {
      await appendEntry(tx, tenantId, `charge:${orderId}`, orderId, { ...chargeEntry(quoteOf(order), order.payee_id), memo: `order ${orderId}` });
      if (feeMinor > 0) await appendEntry(tx, tenantId, `fee:${orderId}`, orderId, { ...feeEntry(feeMinor, order.currency), memo: `processing fee of order ${orderId}` });
    }
    await changeOrder(tx, tenantId, orderId, { status: 'paid', paid_at: now, challenge: null });
    await emitPayment(deps, tx, tenantId, BillingEvents.paymentCaptured, paymentData(order), orderId);
    const paid = await findOrder(tx, tenantId, orderId);
    return toOrder(paid ?? order, null);
  });
}
