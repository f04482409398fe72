import type { Logger } from 'pino';
import type { CloudEvent } from '../events/envelope.js';
import type { Metrics } from '../observability/metrics.js';
import { contextFromTraceparent, inSpan } from '../observability/tracing.js';
import type { ConsumerSpec, DeadLetterSink, Delivery, MessageHandler } from './bus.js';

/** What the adapter must do with a message after its handler ran. */
export type DeliveryOutcome = 'ack' | 'retry' | 'dead';

/**
 * Runs one delivery the same way for every adapter: inside a span continuing the event's trace, timed, and
 * on failure either scheduled for redelivery or, on the last allowed attempt, recorded as a dead letter.
 */
export async function runDelivery(
  spec: ConsumerSpec,
  handler: MessageHandler,
  event: CloudEvent,
  delivery: Delivery,
  deadLetters: DeadLetterSink,
  metrics: Metrics,
  logger: Logger,
): Promise<DeliveryOutcome> {
  const stopTimer = metrics.handlerDuration.startTimer({ durable: spec.durable });
  try {
    await inSpan(`consume ${event.type}`, contextFromTraceparent(event.traceparent), (span) => {
      span.setAttributes({ 'messaging.consumer.group.name': spec.durable, 'messaging.message.id': event.id });
      return handler(event, delivery);
    });
    metrics.busDeliveries.inc({ durable: spec.durable, outcome: 'ack' });
    return 'ack';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (delivery.attempt >= spec.maxDeliver) {
      logger.error({ err: error, durable: spec.durable, eventId: event.id, attempt: delivery.attempt }, 'dead-lettered');
      await deadLetters.record({ durable: spec.durable, subject: delivery.subject, event, deliveries: delivery.attempt, error: message });
      metrics.busDeliveries.inc({ durable: spec.durable, outcome: 'dead' });
      return 'dead';
    }
    logger.warn({ err: error, durable: spec.durable, eventId: event.id, attempt: delivery.attempt }, 'handler failed; will redeliver');
    metrics.busDeliveries.inc({ durable: spec.durable, outcome: 'nak' });
    return 'retry';
  } finally {
    stopTimer();
  }
}

/**
 * Extends a delivery's lease (`extend`) every `ackWaitMs / 2` while its handler runs, up to `maxHandlerMs`.
 * Returns the function that stops it. Both adapters use it, so long handlers and hung ones behave the same.
 */
export function keepLease(spec: Pick<ConsumerSpec, 'ackWaitMs' | 'maxHandlerMs'>, extend: () => unknown): () => void {
  const stopAt = Date.now() + spec.maxHandlerMs;
  const timer = setInterval(() => {
    if (Date.now() >= stopAt) return clearInterval(timer);
    void Promise.resolve(extend()).catch(() => undefined);
  }, Math.max(spec.ackWaitMs / 2, 50));
  return () => clearInterval(timer);
}
