import { sql, type Insertable, type Selectable } from 'kysely';
import type { Tx } from '@tessera/platform';
import { UniqueCounter } from '../domain/unique-counter.js';
import { emptyCounts, mergeCounts, type WindowCounts } from '../domain/window.js';
import type { AnalyticsDatabase, WindowsTable } from './analytics.table.js';

type Db = Tx<AnalyticsDatabase>;

/** Records the events' ids; answers those not seen before (a client's retry, or a duplicate, is counted once). */
export async function recordEventIds(tx: Db, tenantId: string, events: ReadonlyArray<{ id: string; time: string }>): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = await tx.insertInto('analytics.event_ids')
    .values(events.map((event) => ({ tenant_id: tenantId, event_id: event.id, event_time: new Date(event.time) })))
    .onConflict((oc) => oc.columns(['tenant_id', 'event_id']).doNothing())
    .returning('event_id').execute();
  return new Set(rows.map((row) => row.event_id));
}

/** The tenant's latest event time, locked for this batch (batches of one tenant are aggregated one at a time). */
export async function lockWatermark(tx: Db, tenantId: string): Promise<Date | null> {
  const row = await tx.selectFrom('analytics.watermarks').select('max_event_time').where('tenant_id', '=', tenantId).forUpdate().executeTakeFirst();
  return row?.max_event_time ?? null;
}

export async function saveWatermark(tx: Db, tenantId: string, maxEventTime: Date, lateDropped: number): Promise<void> {
  await tx.insertInto('analytics.watermarks').values({ tenant_id: tenantId, max_event_time: maxEventTime, late_dropped: lateDropped })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet((eb) => ({
      max_event_time: sql<Date>`greatest(${eb.ref('analytics.watermarks.max_event_time')}, ${eb.ref('excluded.max_event_time')})`,
      late_dropped: sql<number>`${eb.ref('analytics.watermarks.late_dropped')} + ${eb.ref('excluded.late_dropped')}`,
      updated_at: new Date(),
    }))).execute();
}

/** Adds a batch's counts into the stored window (created when new), merging the distinct users. */
export async function addToWindow(tx: Db, tenantId: string, courseId: string, windowStart: Date, counts: WindowCounts): Promise<void> {
  const stored = await tx.selectFrom('analytics.windows').selectAll()
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('window_start', '=', windowStart).forUpdate().executeTakeFirst();
  const total = stored ? countsOf(stored) : emptyCounts();
  mergeCounts(total, counts);
  const columns = columnsOf(total);
  if (stored) {
    await tx.updateTable('analytics.windows').set({ ...columns, updated_at: new Date() })
      .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('window_start', '=', windowStart).execute();
  } else {
    await tx.insertInto('analytics.windows').values({ tenant_id: tenantId, course_id: courseId, window_start: windowStart, ...columns }).execute();
  }
}

type WindowColumns = Omit<Insertable<WindowsTable>, 'tenant_id' | 'course_id' | 'window_start' | 'closed' | 'updated_at'>;

function columnsOf(counts: WindowCounts): WindowColumns {
  return {
    events: counts.events, page_views: counts.pageViews, attempts: counts.attempts, correct: counts.correct, time_on_task_ms: counts.timeOnTaskMs,
    video_watched_sec: counts.videoWatchedSec, video_views: counts.videoViews, video_completions: counts.videoCompletions,
    lessons_completed: counts.lessonsCompleted, searches: counts.searches, users: counts.users.toBytes(), latency_ms: counts.latencyMs,
  };
}

/** A stored window's counts (bigint columns come back as strings from PostgreSQL). */
export function countsOf(row: Pick<Selectable<WindowsTable>, keyof WindowColumns>): WindowCounts {
  return {
    events: Number(row.events), pageViews: Number(row.page_views), attempts: Number(row.attempts), correct: Number(row.correct),
    timeOnTaskMs: Number(row.time_on_task_ms), videoWatchedSec: Number(row.video_watched_sec), videoViews: Number(row.video_views),
    videoCompletions: Number(row.video_completions), lessonsCompleted: Number(row.lessons_completed), searches: Number(row.searches),
    users: UniqueCounter.fromBytes(row.users), latencyMs: row.latency_ms.map(Number),
  };
}

/** Marks the tenant's open windows that ended at or before `until` final; answers them. */
export async function closeWindows(tx: Db, tenantId: string, until: Date): Promise<Array<{ course_id: string; window_start: Date; events: number; users: Uint8Array }>> {
  const rows = await tx.updateTable('analytics.windows').set({ closed: true, updated_at: new Date() })
    .where('tenant_id', '=', tenantId).where('closed', '=', false).where('window_start', '<=', until)
    .returning(['course_id', 'window_start', 'events', 'users']).execute();
  return rows.map((row) => ({ ...row, events: Number(row.events) }));
}

export type WindowRow = Selectable<WindowsTable>;

/** A course's windows starting in `[from, to)`, oldest first. */
export async function windowsBetween(tx: Db, tenantId: string, courseId: string, from: Date, to: Date): Promise<WindowRow[]> {
  return tx.selectFrom('analytics.windows').selectAll()
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('window_start', '>=', from).where('window_start', '<', to)
    .orderBy('window_start').execute();
}
