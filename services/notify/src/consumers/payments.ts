import { Type } from '@sinclair/typebox';
import { BillingEvents, formatMoney as money } from '@tessera/billing/contract';
import { checkedPayload, consumerSpec, eventNameOf, type ConsumerRegistration } from '@tessera/platform';
import type { NotifyDeps } from '../app/deps.js';
import { notifyUser } from '../app/notify-user.js';

/** The durable consumer name; processes running it share its work. */
export const PAYMENTS_CONSUMER = 'notify-payments';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const PaymentSeen = Type.Object({
  orderId: Uuid,
  userId: Uuid,
  totalMinor: Type.Integer({ minimum: 0 }),
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  reason: Type.Optional(Type.String()),
  refundId: Type.Optional(Type.String()),
  amountMinor: Type.Optional(Type.Integer({ minimum: 0 })),
});

/** Provider decline codes worth telling the buyer about (a timeout or a withdrawn order was their own doing, or told at checkout). */
const DECLINES = new Set(['card_declined', 'insufficient_funds', 'expired_card', 'incorrect_cvc', 'authentication_failed']);

/**
 * Receipts and refunds: the buyer is told (category `billing`) when a payment went through, when a refund was
 * issued, and when a payment was declined after they left the checkout (a webhook's late answer). Once per order
 * and kind (and per refund), whatever the redeliveries.
 */
export function paymentsConsumer(deps: NotifyDeps): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: PAYMENTS_CONSUMER, events: 'billing.>' }),
    async handler(event) {
      const tenantId = event.tenantid;
      const name = eventNameOf(event);
      if (!tenantId) return;
      const payment = checkedPayload(PaymentSeen, event.data, event.id);
      const base = { userId: payment.userId, category: 'billing' as const, link: `/orders/${payment.orderId}` };
      if (name === BillingEvents.paymentCaptured) {
        await notifyUser(deps, tenantId, {
          ...base, kind: 'payment.captured', title: `Payment received: ${money(payment.totalMinor, payment.currency)}`,
          body: 'Thank you: your payment went through. Your receipt is in your order history.', sourceKey: `payment:${payment.orderId}:captured`,
        });
      } else if (name === BillingEvents.refundIssued && payment.amountMinor !== undefined) {
        await notifyUser(deps, tenantId, {
          ...base, kind: 'refund.issued', title: `Refund issued: ${money(payment.amountMinor, payment.currency)}`,
          body: 'The money is on its way back to your card; banks take a few days to show it.', sourceKey: `refund:${payment.refundId ?? event.id}`,
        });
      } else if (name === BillingEvents.paymentFailed && payment.reason && DECLINES.has(payment.reason)) {
        await notifyUser(deps, tenantId, {
          ...base, kind: 'payment.failed', title: 'Payment declined',
          body: 'Your card issuer refused the payment, so you are not enrolled. You can buy again with another card.', sourceKey: `payment:${payment.orderId}:failed`,
        });
      }
    },
  };
}
