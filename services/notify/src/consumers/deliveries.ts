import { Type } from '@sinclair/typebox';
import { checkedPayload, consumerSpec, eventNameOf, type ConsumerRegistration } from '@tessera/platform';
import type { NotifyDeps } from '../app/deps.js';
import { DELIVERY_QUEUED, MAX_SEND_ATTEMPTS, sendQueued } from '../app/deliveries.js';

/** The durable consumer name; processes running it share its work. */
export const DELIVERIES_CONSUMER = 'notify-deliveries';

const Queued = Type.Object({ deliveryId: Type.String({ pattern: '^[0-9a-fA-F-]{36}$' }) });

/** Sends each queued delivery (email, push, SMS); the bus retries a failed send with growing pauses, up to MAX_SEND_ATTEMPTS tries. */
export function deliveriesConsumer(deps: NotifyDeps): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: DELIVERIES_CONSUMER, events: 'notify.delivery.*', maxDeliver: MAX_SEND_ATTEMPTS + 1, backoffMs: [1_000, 5_000, 30_000, 120_000, 600_000] }),
    async handler(event, delivery) {
      const tenantId = event.tenantid;
      if (!tenantId || eventNameOf(event) !== DELIVERY_QUEUED) return;
      const { deliveryId } = checkedPayload(Queued, event.data, event.id);
      await sendQueued(deps, tenantId, deliveryId, delivery.attempt);
    },
  };
}
