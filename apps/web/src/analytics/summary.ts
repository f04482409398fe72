import type { ActivityBucket, MyAnalytics } from './analytics-api';

export interface ActivitySummary {
  events: number;
  /**
   * The most distinct users in any one bucket. Distinct users of several buckets cannot be added up (one
   * student active for ten minutes is one user, not ten), and the API answers per bucket only.
   */
  peakActiveUsers: number;
  attempts: number;
  /** Share of correct answers over every bucket, or null when nobody answered. */
  correctRate: number | null;
  timeOnTaskMs: number;
}

/** The figures of a range of activity buckets. */
export function summarise(buckets: ActivityBucket[]): ActivitySummary {
  let events = 0;
  let peakActiveUsers = 0;
  let attempts = 0;
  let correct = 0;
  let timeOnTaskMs = 0;
  for (const bucket of buckets) {
    events += bucket.events;
    peakActiveUsers = Math.max(peakActiveUsers, bucket.activeUsers);
    attempts += bucket.attempts;
    correct += Math.round((bucket.correctRate ?? 0) * bucket.attempts);
    timeOnTaskMs += bucket.timeOnTaskMs;
  }
  return { events, peakActiveUsers, attempts, correctRate: attempts === 0 ? null : correct / attempts, timeOnTaskMs };
}

const DAY_MS = 86_400_000;

/** The last `count` UTC days up to today's, oldest first, each with its time (zero on a day with nothing recorded). */
export function lastDays(days: MyAnalytics['days'], count: number, now: Date): { day: string; timeOnTaskMs: number }[] {
  const byDay = new Map(days.map((day) => [day.day, day.timeOnTaskMs]));
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(now.getTime() - (count - 1 - index) * DAY_MS).toISOString().slice(0, 10);
    return { day, timeOnTaskMs: byDay.get(day) ?? 0 };
  });
}
