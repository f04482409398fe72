import { checkedPayload, consumerSpec, eventNameOf, isAppError, type ConsumerRegistration, type ServiceContext } from '@tessera/platform';
import { activatePaid, cancelEnrollment } from '../app/change-status.js';
import { ConsumedEvents, PaymentSeen } from '../contract/events.js';

/** The durable consumer name; processes running it share its work. */
export const PAYMENTS_CONSUMER = 'enrollment-payments';

/**
 * The enrollment side of the paid-enrollment saga: a captured payment activates the enrollment waiting for it;
 * a failed one (declined, timed out) cancels it and frees its seat; a full refund ends it. Each is a state
 * transition, so a repeated or late event finds the enrollment already moved and changes nothing (an enrollment
 * that ended before its payment was captured stays ended: billing refunds that payment).
 */
export function paymentsConsumer(context: Pick<ServiceContext, 'db' | 'outbox' | 'logger'>): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: PAYMENTS_CONSUMER, events: 'billing.>' }),
    async handler(event) {
      const tenantId = event.tenantid;
      const name = eventNameOf(event);
      if (!tenantId || !HANDLED.has(name)) return;
      const { enrollmentId, full } = checkedPayload(PaymentSeen, event.data, event.id);
      if (!enrollmentId) return;
      try {
        if (name === ConsumedEvents.paymentCaptured) await activatePaid(context, tenantId, enrollmentId);
        else if (name === ConsumedEvents.paymentFailed) await cancelEnrollment(context, tenantId, enrollmentId, onlyStatus('pending_payment'));
        else if (full) await cancelEnrollment(context, tenantId, enrollmentId, onlyStatus('active'));
      } catch (error) {
        if (!isSettled(error)) throw error;
      }
    },
  };
}

const HANDLED = new Set<string>([ConsumedEvents.paymentCaptured, ConsumedEvents.paymentFailed, ConsumedEvents.refundIssued]);

class AlreadyMoved extends Error {}

function onlyStatus(status: string) {
  return (enrollment: { status: string }) => {
    if (enrollment.status !== status) throw new AlreadyMoved();
  };
}

/** The enrollment is not (or no longer) in the state the event acts on: nothing to do. */
function isSettled(error: unknown): boolean {
  return error instanceof AlreadyMoved || (isAppError(error) && (error.code === 'ENROLLMENT.ILLEGAL_TRANSITION' || error.kind === 'not_found'));
}
