import { AppError } from '@tessera/platform';
import type { AnalyticsDatabase } from '../db/analytics.table.js';
import { countsOf, windowsBetween, type WindowRow } from '../db/window.repository.js';
import { emptyCounts, LATENCY_BOUNDS_MS, mergeCounts, windowStartOf, WINDOW_MS, type WindowCounts } from '../domain/window.js';
import { assertCourse } from './dashboards.js';
import type { AnalyticsDeps } from './deps.js';

export const GRANULARITY_MS = { minute: WINDOW_MS, five_minutes: 5 * WINDOW_MS, hour: 60 * WINDOW_MS } as const;
export type Granularity = keyof typeof GRANULARITY_MS;
/** The most buckets one answer holds (a day of minutes). */
export const MAX_BUCKETS = 1_440;

export interface ActivityBucket {
  start: string;
  events: number;
  activeUsers: number;
  /** False once the distinct count is a HyperLogLog estimate (about ±1.6 %). */
  activeUsersExact: boolean;
  pageViews: number;
  attempts: number;
  correctRate: number | null;
  timeOnTaskMs: number;
  videoViews: number;
  videoCompletions: number;
  lessonsCompleted: number;
  searches: number;
  latencyMs: number[];
  /** Every window of the bucket is closed: no late event will change it. */
  final: boolean;
}

/**
 * A course's activity over `[from, to)` in buckets of a minute, five minutes or an hour: the one-minute windows
 * merged (sums add, distinct users merge), empty buckets included so a chart's axis is even.
 */
export async function courseActivity(deps: Pick<AnalyticsDeps, 'db'>, tenantId: string, courseId: string, from: Date, to: Date, granularity: Granularity): Promise<{ latencyBoundsMs: number[]; buckets: ActivityBucket[] }> {
  const step = GRANULARITY_MS[granularity];
  const start = windowStartOf(from.getTime(), step);
  const count = Math.ceil((to.getTime() - start) / step);
  if (count <= 0 || count > MAX_BUCKETS) {
    throw new AppError('invalid', 'ANALYTICS.RANGE_INVALID', `from must be before to, and the range at most ${MAX_BUCKETS} buckets of the granularity`, {
      errors: [{ pointer: '/query/to', detail: `at most ${MAX_BUCKETS} ${granularity} buckets after from` }],
    });
  }
  const rows = await deps.db.withTenant<AnalyticsDatabase, WindowRow[]>(tenantId, async (tx) => {
    await assertCourse(tx, tenantId, courseId);
    return windowsBetween(tx, tenantId, courseId, new Date(start), new Date(start + count * step));
  });
  const buckets = Array.from({ length: count }, () => ({ counts: emptyCounts(), final: true, seen: false }));
  for (const row of rows) {
    const bucket = buckets[Math.floor((row.window_start.getTime() - start) / step)];
    if (!bucket) continue;
    mergeCounts(bucket.counts, countsOf(row));
    bucket.final &&= row.closed;
    bucket.seen = true;
  }
  return { latencyBoundsMs: [...LATENCY_BOUNDS_MS], buckets: buckets.map((bucket, index) => toBucket(start + index * step, bucket.counts, bucket.final && bucket.seen)) };
}

function toBucket(startMs: number, counts: WindowCounts, final: boolean): ActivityBucket {
  return {
    start: new Date(startMs).toISOString(), events: counts.events, activeUsers: counts.users.count(), activeUsersExact: counts.users.isExact(),
    pageViews: counts.pageViews, attempts: counts.attempts, correctRate: counts.attempts === 0 ? null : counts.correct / counts.attempts,
    timeOnTaskMs: counts.timeOnTaskMs, videoViews: counts.videoViews, videoCompletions: counts.videoCompletions, lessonsCompleted: counts.lessonsCompleted,
    searches: counts.searches, latencyMs: counts.latencyMs, final,
  };
}

/** The activity as CSV: one row per bucket, the columns of the JSON answer (latency buckets as `latency_le_<ms>`). */
export function activityCsv(activity: { latencyBoundsMs: number[]; buckets: ActivityBucket[] }): string {
  const latencyColumns = [...activity.latencyBoundsMs.map((bound) => `latency_le_${bound}`), 'latency_above'];
  const header = ['start', 'events', 'active_users', 'active_users_exact', 'page_views', 'attempts', 'correct_rate', 'time_on_task_ms',
    'video_views', 'video_completions', 'lessons_completed', 'searches', 'final', ...latencyColumns];
  const rows = activity.buckets.map((b) => [b.start, b.events, b.activeUsers, b.activeUsersExact, b.pageViews, b.attempts, b.correctRate ?? '', b.timeOnTaskMs,
    b.videoViews, b.videoCompletions, b.lessonsCompleted, b.searches, b.final, ...b.latencyMs].join(','));
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}
