/**
 * A grading worker process for the fault tests: the assessment service's consumers on the backends its
 * environment names (DATABASE_URL, NATS_URL, REDIS_URL, BUS_NAMESPACE, CACHE_PREFIX), like a `worker` role
 * process. It tells its parent over IPC when it is subscribed (`ready`) and each submission it handled
 * (`handled`, with the delivery attempt). Started by worker-process.ts with `node --import tsx`.
 *
 * With FAULT_HOLD_ACKS=1 it never acknowledges a submission after grading it: it stands for a worker that dies
 * between its commit and its ack — the window that exactly-once grading must survive — until it is killed.
 */
import { createPlatform, eventNameOf, loadConfig, type MessageHandler, type Subscription } from '@tessera/platform';
import { AssessmentEvents, assessmentService, EXAM_QUEUE_CONSUMER } from '../../../src/index.js';

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'handled'; submissionId: string; attempt: number }
  | { type: 'failed'; message: string };

const holdAcks = process.env.FAULT_HOLD_ACKS === '1';
const tell = (message: WorkerMessage) => process.send?.(message);

function reporting(handler: MessageHandler): MessageHandler {
  return async (event, delivery) => {
    await handler(event, delivery);
    if (eventNameOf(event) !== AssessmentEvents.submitted) return;
    tell({ type: 'handled', submissionId: event.id, attempt: delivery.attempt });
    if (holdAcks) await new Promise<never>(() => undefined);
  };
}

try {
  const platform = await createPlatform(loadConfig(process.env));
  const subscriptions: Subscription[] = [];
  for (const { spec, handler } of assessmentService.consumers!(platform)) {
    subscriptions.push(await platform.bus.subscribe(spec, spec.durable === EXAM_QUEUE_CONSUMER ? reporting(handler) : handler));
  }
  const stop = async () => {
    await Promise.all(subscriptions.map((s) => s.drain()));
    await platform.close();
    process.exit(0);
  };
  process.on('message', (message: { type?: string }) => void (message?.type === 'stop' && stop()));
  // The parent is gone (a crashed test run): leave rather than linger.
  process.on('disconnect', () => process.exit(1));
  tell({ type: 'ready' });
} catch (error) {
  tell({ type: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) });
  process.exit(1);
}
