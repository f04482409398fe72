import { createHash } from 'node:crypto';
import { AppError, toCloudEvent, type CloudEvent } from '@tessera/platform';
import { AnalyticsEvents } from '../contract/events.js';
import type { AnalyticsDatabase } from '../db/analytics.table.js';
import { knownCourses } from '../db/course.repository.js';
import { normaliseBatch, type Actor, type LearningEvent } from '../domain/events/index.js';
import type { AnalyticsDeps } from './deps.js';

/** The most events one request may carry. */
export const MAX_BATCH_ITEMS = 1_000;

type FieldError = { pointer: string; detail: string };
export interface RejectedItem { index: number; id: string | null; errors: FieldError[] }

export interface IngestOutcome {
  /** Events stored for aggregation (an event seen before is counted once, later). */
  accepted: number;
  /** Events repeated inside the batch (their first occurrence is accepted). */
  duplicates: number;
  rejected: RejectedItem[];
}

/** The payload of `analytics.batch.ingested`: one learner's accepted events. */
export interface IngestedBatchData {
  userId: string;
  events: LearningEvent[];
}

/**
 * Takes a learner's batch: each item validated (schema, time bounds, the actor must be the caller, a course must
 * be the tenant's), the valid ones stored durably on the bus before the answer (`analytics.batch.ingested`, with
 * an id derived from the events' ids, so a retried request is stored once). A batch with no valid item is refused
 * with every item's errors.
 */
export async function ingestBatch(deps: AnalyticsDeps, tenantId: string, userId: string, body: unknown, now = new Date()): Promise<IngestOutcome> {
  const batch = normalised(deps, body, now);
  const rejected: RejectedItem[] = [...batch.errors];
  const owned = batch.events.filter(({ index, event, actor }) => {
    const problem = actorProblem(actor, userId);
    if (problem) rejected.push({ index, id: event.id, errors: [{ pointer: `${batch.itemsPointer}/${index}/actor`, detail: problem }] });
    return !problem;
  });
  const courses = await deps.db.withTenant<AnalyticsDatabase, Set<string>>(tenantId, (tx) => knownCourses(tx, tenantId, courseIdsOf(owned.map((item) => item.event))));
  const accepted = owned.filter(({ index, event }) => {
    if (event.courseId === undefined || courses.has(event.courseId)) return true;
    rejected.push({ index, id: event.id, errors: [{ pointer: `${batch.itemsPointer}/${index}`, detail: `names course ${event.courseId}, which this tenant has not published` }] });
    return false;
  }).map((item) => item.event);
  rejected.sort((a, b) => a.index - b.index);
  if (accepted.length === 0) {
    throw new AppError('unprocessable', 'ANALYTICS.BATCH_REJECTED', 'No event of the batch could be accepted: see each item\'s errors', {
      errors: rejected.flatMap((item) => item.errors), items: rejected,
    });
  }
  await deps.bus.publish([batchEvent(tenantId, userId, accepted, now)]);
  return { accepted: accepted.length, duplicates: batch.duplicates.length, rejected };
}

/** The batch's items, checked one by one (a body that is no batch, or too big a one, is refused whole: 400, 413). */
function normalised(deps: AnalyticsDeps, body: unknown, now: Date) {
  const batch = normaliseBatch(body, { now, maxAgeMs: deps.config.ANALYTICS_MAX_EVENT_AGE_MS, maxFutureMs: deps.config.ANALYTICS_MAX_FUTURE_MS, maxItems: MAX_BATCH_ITEMS });
  const itemsPointer = Array.isArray(body) ? '' : body !== null && typeof body === 'object' && 'statements' in body ? '/statements' : '/events';
  return { ...batch, itemsPointer };
}

/** Why an xAPI statement's actor is not the caller (null when it is, or when the event names none). */
function actorProblem(actor: Actor | null, userId: string): string | null {
  if (actor === null) return null;
  if (actor.kind === 'account' && actor.name === userId) return null;
  return 'must be the signed-in user: an Agent whose account name is your user id';
}

function courseIdsOf(events: readonly LearningEvent[]): string[] {
  return [...new Set(events.flatMap((event) => (event.courseId ? [event.courseId] : [])))];
}

/** The batch as one bus message; its id is a digest of who sent which events, so a resent batch is deduplicated. */
function batchEvent(tenantId: string, userId: string, events: LearningEvent[], now: Date): CloudEvent<IngestedBatchData> {
  const digest = createHash('sha256').update(`${tenantId}\n${userId}\n${events.map((event) => event.id).join('\n')}`).digest('hex');
  const id = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-8${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
  return { ...toCloudEvent({ name: AnalyticsEvents.batchIngested, subject: userId, data: { userId, events } }, { tenantId }), id, time: now.toISOString() };
}
