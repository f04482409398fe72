import { sql } from 'kysely';
import type { BillingDatabase } from '../db/billing.table.js';
import type { Tx } from '@tessera/platform';
import { BillingEvents, type RefundIssuedData } from '../contract/events.js';
import { appendEntry } from '../db/ledger.repository.js';
import { changeOrder, findOrder } from '../db/order.repository.js';
import { chargebackEntry } from '../domain/ledger.js';
import { quoteOf } from './orders.js';
import { WebhookRejected, type ProviderEvent } from '../providers/provider.js';
import type { BillingDeps } from './deps.js';
import { billingErrors } from './errors.js';
import { failOrder } from './fail-order.js';
import { captureOrder } from './pay.js';

/**
 * A provider's webhook: verified (signature and timestamp: 400 otherwise, nothing changes), then applied once per
 * event id, in whatever order events arrive. The tenant is the one whose order the signed event names. Events
 * only move an order forward: a capture the API call did not see completes the booking (through the same
 * idempotent capture, so the fee matches the provider's), a failure ends an order still waiting for its card.
 */
export async function handleWebhook(deps: BillingDeps, rawBody: string, headers: Readonly<Record<string, string | undefined>>, now = new Date()): Promise<{ applied: boolean }> {
  let event: ProviderEvent;
  try {
    event = deps.provider.parseWebhook(rawBody, headers, now);
  } catch (error) {
    if (error instanceof WebhookRejected) throw billingErrors.webhookRejected(error.reason);
    throw error;
  }
  const found = await orderOfEvent(deps, event);
  if (!found) return { applied: false };
  const { tenantId, orderId } = found;
  const fresh = await deps.db.withTenant<BillingDatabase, boolean>(tenantId, async (tx) => {
    const inserted = await tx.insertInto('billing.webhook_events')
      .values({ tenant_id: tenantId, provider: deps.provider.name, event_id: event.id, type: event.type, payment_ref: event.paymentRef })
      .onConflict((oc) => oc.columns(['tenant_id', 'provider', 'event_id']).doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
    if (event.type === 'payment.disputed') await bookChargeback(deps, tx, tenantId, orderId, event);
    if (event.type === 'payment.failed') {
      const order = await findOrder(tx, tenantId, orderId, true);
      // Only an order waiting for the payer (3-D Secure) is failed by the webhook: while it is `authorizing` the API
      // call in flight records the issuer's own answer and message (the webhook can arrive first).
      if (order?.status === 'requires_action') {
        await failOrder(deps, tx, tenantId, order, 'card_declined', 'The card issuer refused the payment', event.paymentRef);
      }
    }
    return true;
  });
  if (fresh && event.type === 'payment.captured') await captureOrder(deps, tenantId, orderId);
  return { applied: fresh };
}

/**
 * The order (and its tenant) an event is about, looked up past row-level security, since a webhook carries no
 * token: by the order id the payment carries in its metadata, or else by the provider's payment reference (a
 * Stripe dispute does not copy the payment's metadata).
 */
async function orderOfEvent(deps: BillingDeps, event: ProviderEvent): Promise<{ tenantId: string; orderId: string } | undefined> {
  const byId = event.orderId !== null && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(event.orderId);
  const { rows } = await deps.db.withSystem<BillingDatabase, { rows: Array<{ tenant_id: string; id: string }> }>((tx) => (byId
    ? sql<{ tenant_id: string; id: string }>`select tenant_id, id from billing.orders where id = ${event.orderId} limit 1`
    : sql<{ tenant_id: string; id: string }>`select tenant_id, id from billing.orders where payment_ref = ${event.paymentRef} and provider = ${deps.provider.name} limit 1`
  ).execute(tx));
  const row = rows[0];
  return row ? { tenantId: row.tenant_id, orderId: row.id } : undefined;
}

/**
 * A cardholder's dispute the processor settled against us: what was not refunded goes back, taken from tax,
 * commission and the payee like a refund (entry kind `chargeback`), the processor's dispute fee is booked in the
 * same entry (the tenant bears it), the order is `disputed`, and enrollment is told as by a full refund (access ends).
 */
async function bookChargeback(deps: BillingDeps, tx: Tx<BillingDatabase>, tenantId: string, orderId: string, event: ProviderEvent): Promise<void> {
  const order = await findOrder(tx, tenantId, orderId, true);
  if (!order || (order.status !== 'paid' && order.status !== 'partially_refunded')) return;
  const disputed = Math.min(event.amountMinor, order.total_minor - order.refunded_minor);
  if (disputed <= 0) return;
  const entry = chargebackEntry(quoteOf(order), order.payee_id, order.refunded_minor, disputed, event.feeMinor ?? 0);
  await appendEntry(tx, tenantId, `chargeback:${event.id}`, orderId, { ...entry, memo: `chargeback of order ${orderId}` });
  await changeOrder(tx, tenantId, orderId, { status: 'disputed', refunded_minor: order.refunded_minor + disputed });
  const data: RefundIssuedData = { orderId, userId: order.user_id, enrollmentId: order.enrollment_id, refundId: event.id, amountMinor: disputed, currency: order.currency, full: true };
  await deps.outbox.emit(tx, tenantId, [{ name: BillingEvents.refundIssued, subject: orderId, data }]);
}
