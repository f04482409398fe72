import { checkedPayload, consumerSpec, eventNameOf, idempotent, type CloudEvent, type ConsumerRegistration, type Database, type Tx } from '@tessera/platform';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { grantAccess, revokeAccess } from '../db/content-access.repository.js';
import { courseOfPublishedLesson } from '../db/version.repository.js';
import { PaymentCapturedSeen, PurchaseAccessEvents, RefundIssuedSeen } from './access-events.js';
import { eventTime } from './event-time.js';

/** The durable consumer name; processes running it share its work. */
export const PURCHASE_ACCESS_CONSUMER = 'catalog-purchase-access';

/**
 * Opens a lesson bought on its own (a captured payment of a `lesson` order) and closes it when the order is
 * fully refunded or charged back. The order id is the grant's id, so a refund read before its capture keeps
 * the lesson closed. Course orders are left to enrollment: their payment activates an enrollment, whose event
 * opens the course.
 */
export function purchaseAccessConsumer(db: Database): ConsumerRegistration {
  const record = idempotent<CatalogDatabase>(db, PURCHASE_ACCESS_CONSUMER, async (tx, event) => {
    if (eventNameOf(event) === PurchaseAccessEvents.paymentCaptured) await grantLesson(tx, event);
    else await revokeOrder(tx, event);
  });
  return {
    // NATS 2.9 takes one filter subject per consumer: all of billing's events, read by name.
    spec: consumerSpec({ durable: PURCHASE_ACCESS_CONSUMER, events: 'billing.>' }),
    async handler(event, delivery) {
      if (!event.tenantid || !changesAccess(event)) return;
      await record(event, delivery);
    },
  };
}

/** Only lesson captures and full refunds change access; deciding it before the transaction writes no inbox row for the rest. */
function changesAccess(event: CloudEvent): boolean {
  const name = eventNameOf(event);
  const data = event.data as { productKind?: unknown; full?: unknown } | null;
  if (name === PurchaseAccessEvents.paymentCaptured) return data?.productKind === 'lesson';
  return name === PurchaseAccessEvents.refundIssued && data?.full === true;
}

async function grantLesson(tx: Tx<CatalogDatabase>, event: CloudEvent): Promise<void> {
  const tenantId = event.tenantid!;
  const payment = checkedPayload(PaymentCapturedSeen, event.data, event.id);
  const courseId = await courseOfPublishedLesson(tx, tenantId, payment.productId);
  // Billing sells only published lessons, so this is a fault: fail, to be retried and then dead-lettered where
  // an operator sees it, rather than drop a paid lesson.
  if (!courseId) throw new Error(`Event ${event.id}: lesson ${payment.productId} was bought but catalog has not published it`);
  await grantAccess(tx, tenantId, { grantId: payment.orderId, userId: payment.userId, courseId, lessonId: payment.productId, at: eventTime(event) });
}

async function revokeOrder(tx: Tx<CatalogDatabase>, event: CloudEvent): Promise<void> {
  const refund = checkedPayload(RefundIssuedSeen, event.data, event.id);
  await revokeAccess(tx, event.tenantid!, { grantId: refund.orderId, userId: refund.userId, courseId: null, at: eventTime(event) });
}
