import type { Tx } from '@tessera/platform';
import { AnalyticsEvents, type WindowClosedData } from '../contract/events.js';
import type { AnalyticsDatabase } from '../db/analytics.table.js';
import { addToDays, addToItems, addToLearners } from '../db/learner.repository.js';
import { addToWindow, closeWindows, lockWatermark, recordEventIds, saveWatermark } from '../db/window.repository.js';
import { summariseBatch, type BatchEvent } from '../domain/batch.js';
import { UniqueCounter } from '../domain/unique-counter.js';
import { NO_COURSE, WINDOW_MS } from '../domain/window.js';
import type { AnalyticsDeps } from './deps.js';

type Db = Tx<AnalyticsDatabase>;

export interface IngestedEvent extends BatchEvent {
  id: string;
}

/** What one batch did: events counted, seen before (duplicates), and arrived after their window was final. */
export interface BatchOutcome {
  counted: number;
  duplicates: number;
  late: number;
  closed: number;
}

/**
 * Aggregates a learner's batch in one transaction with the consumer's inbox entry, so a batch delivered again
 * (a crash, a redelivery) changes nothing: its events' ids are recorded (a client's retried event counts once),
 * the tenant's watermark is locked (one batch of a tenant at a time), the batch is summed into its windows, the
 * learner's and the items' counts, and every window the advanced watermark passed is closed
 * (`analytics.window.closed`). Sums and distinct-user merges commute, so batches may arrive in any order;
 * only whether an event is late depends on what arrived before it.
 */
export async function aggregateBatch(deps: Pick<AnalyticsDeps, 'outbox' | 'config'>, tx: Db, tenantId: string, userId: string, events: readonly IngestedEvent[]): Promise<BatchOutcome> {
  const fresh = await recordEventIds(tx, tenantId, events);
  const counted = events.filter((event) => fresh.has(event.id));
  const lateness = deps.config.ANALYTICS_ALLOWED_LATENESS_MS;
  const latest = await lockWatermark(tx, tenantId);
  const summary = summariseBatch(userId, counted, latest ? latest.getTime() - lateness : null);
  for (const [key, counts] of summary.windows) {
    const [courseId = NO_COURSE, startMs = '0'] = key.split('|');
    await addToWindow(tx, tenantId, courseId, new Date(Number(startMs)), counts);
  }
  await addToLearners(tx, tenantId, userId, summary.learners);
  await addToDays(tx, tenantId, userId, summary.days);
  await addToItems(tx, tenantId, summary.items);
  const maxTimeMs = Math.max(latest?.getTime() ?? -Infinity, summary.maxTimeMs ?? -Infinity);
  if (!Number.isFinite(maxTimeMs)) return { counted: 0, duplicates: events.length - counted.length, late: 0, closed: 0 };
  await saveWatermark(tx, tenantId, new Date(maxTimeMs), summary.late);
  const closed = await closeUpTo(deps, tx, tenantId, maxTimeMs - lateness);
  return { counted: counted.length - summary.late, duplicates: events.length - counted.length, late: summary.late, closed };
}

/** Closes the tenant's windows that ended by `watermarkMs`, announcing each. */
export async function closeUpTo(deps: Pick<AnalyticsDeps, 'outbox'>, tx: Db, tenantId: string, watermarkMs: number): Promise<number> {
  const rows = await closeWindows(tx, tenantId, new Date(watermarkMs - WINDOW_MS));
  if (rows.length === 0) return 0;
  await deps.outbox.emit(tx, tenantId, rows.map((row) => {
    const data: WindowClosedData = {
      courseId: row.course_id === NO_COURSE ? null : row.course_id, windowStart: row.window_start.toISOString(), windowSeconds: WINDOW_MS / 1000,
      events: row.events, activeUsers: UniqueCounter.fromBytes(row.users).count(),
    };
    return { name: AnalyticsEvents.windowClosed, subject: row.course_id === NO_COURSE ? 'tenant' : row.course_id, data };
  }));
  return rows.length;
}
