import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AssessmentEvents } from '@tessera/assessment';
import { consumerSpec, eventNameOf, type CloudEvent, type Platform } from '@tessera/platform';

export interface GradedCount {
  /** Submissions of the exam with at least one graded event. */
  submissions: number;
  /** Submissions of the exam with graded events of more than one id. */
  duplicated: string[];
}

const POLL_MS = 100;
/** After the expected count is reached, how long to go on reading, for a second grade published later. */
const TAIL_MS = 2_000;

/**
 * Counts `assessment.submission.graded` per submission of `examId` as the bus delivers them to a consumer of
 * the bench's own, created afterwards so it costs nothing while the load runs: streams keep their messages
 * and a new durable consumer reads them from the start. The relay deletes outbox rows once they are
 * published, so the bus is where a second grade of one submission would show: two events with different ids
 * and the same submission (a redelivery of one event keeps its id and is no duplicate).
 *
 * Reads until `expected` submissions are seen and the tail stays quiet, or `quietMs` pass without a new
 * event, or `timeoutMs` in all.
 */
export async function countGradedEvents(platform: Pick<Platform, 'bus'>, examId: string, expected: number,
  bounds: { quietMs: number; timeoutMs: number }): Promise<GradedCount> {
  const seen = new Map<string, string>();
  const duplicated = new Set<string>();
  let lastEventAt = performance.now();
  const record = (event: CloudEvent): void => {
    lastEventAt = performance.now();
    if (eventNameOf(event) !== AssessmentEvents.graded) return;
    const data = event.data as { submissionId?: unknown; examId?: unknown };
    if (data.examId !== examId || typeof data.submissionId !== 'string') return;
    const first = seen.get(data.submissionId);
    if (first === undefined) seen.set(data.submissionId, event.id);
    else if (first !== event.id) duplicated.add(data.submissionId);
  };
  const durable = `bench-exam-day-graded-${randomUUID().slice(0, 8)}`;
  const subscription = await platform.bus.subscribe(consumerSpec({ durable, events: 'assessment.submission.*', concurrency: 256 }), async (event) => record(event));
  try {
    const deadline = performance.now() + bounds.timeoutMs;
    const quiet = (ms: number) => performance.now() - lastEventAt >= ms;
    while (performance.now() < deadline && !quiet(bounds.quietMs) && !(seen.size >= expected && quiet(TAIL_MS))) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await subscription.drain();
  }
  return { submissions: seen.size, duplicated: [...duplicated] };
}
