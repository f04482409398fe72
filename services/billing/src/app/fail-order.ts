import type { Tx } from '@tessera/platform';
import { BillingEvents } from '../contract/events.js';
import type { BillingDatabase } from '../db/billing.table.js';
import { countRedemption } from '../db/coupon.repository.js';
import { changeOrder, type OrderRow } from '../db/order.repository.js';
import type { BillingDeps } from './deps.js';
import { emitPayment, paymentData } from './orders.js';

/** Ends an order unpaid: the coupon is released and enrollment told, so it gives the seat back. */
export async function failOrder(deps: Pick<BillingDeps, 'outbox'>, tx: Tx<BillingDatabase>, tenantId: string, order: OrderRow, code: string, message: string, paymentRef: string | null, status: 'failed' | 'cancelled' = 'failed'): Promise<void> {
  if (order.coupon_code) await countRedemption(tx, tenantId, order.coupon_code, -1);
  await changeOrder(tx, tenantId, order.id, { status, failure_code: code, failure_message: message, payment_ref: paymentRef ?? order.payment_ref, challenge: null });
  await emitPayment(deps, tx, tenantId, BillingEvents.paymentFailed, paymentData(order, code), order.id);
}

