import { UniqueCounter } from './unique-counter.js';

/** Windows are one minute long, aligned to the minute (UTC). Rollups (five minutes, an hour) merge them. */
export const WINDOW_MS = 60_000;
/** The window of events of no course (a search on the home page, a session): the nil uuid. */
export const NO_COURSE = '00000000-0000-0000-0000-000000000000';
/** Upper bounds (inclusive) of the item latency buckets, in ms; the last bucket takes everything above. */
export const LATENCY_BOUNDS_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000] as const;

/** What aggregation reads of a learning event (the compact form's fields). */
export interface CountedEvent {
  type: string;
  time: string;
  courseId?: string;
  durationMs?: number;
  latencyMs?: number;
  correct?: boolean;
  watchedSec?: number;
  completed?: boolean;
}

/** The counts of one window (or of a rollup of several). */
export interface WindowCounts {
  events: number;
  pageViews: number;
  attempts: number;
  correct: number;
  timeOnTaskMs: number;
  videoWatchedSec: number;
  videoViews: number;
  videoCompletions: number;
  lessonsCompleted: number;
  searches: number;
  users: UniqueCounter;
  latencyMs: number[];
}

export function emptyCounts(): WindowCounts {
  return {
    events: 0, pageViews: 0, attempts: 0, correct: 0, timeOnTaskMs: 0, videoWatchedSec: 0, videoViews: 0, videoCompletions: 0,
    lessonsCompleted: 0, searches: 0, users: new UniqueCounter(), latencyMs: new Array<number>(LATENCY_BOUNDS_MS.length + 1).fill(0),
  };
}

/** The start of the window an event time falls in. */
export function windowStartOf(timeMs: number, windowMs = WINDOW_MS): number {
  return Math.floor(timeMs / windowMs) * windowMs;
}

/** The time a learner spent on what the event records: a page's time, an answer's, the video watched. */
export function timeOnTaskMs(event: CountedEvent): number {
  if (event.type === 'page_view') return event.durationMs ?? 0;
  if (event.type === 'item_attempt') return event.latencyMs ?? 0;
  if (event.type === 'video_view') return Math.round((event.watchedSec ?? 0) * 1000);
  return 0;
}

/** Counts one event of `userId` into the window. */
export function countEvent(counts: WindowCounts, event: CountedEvent, userId: string): void {
  counts.events += 1;
  counts.users.add(userId);
  counts.timeOnTaskMs += timeOnTaskMs(event);
  switch (event.type) {
    case 'page_view':
      counts.pageViews += 1;
      break;
    case 'item_attempt':
      counts.attempts += 1;
      if (event.correct) counts.correct += 1;
      counts.latencyMs[latencyBucket(event.latencyMs ?? 0)]! += 1;
      break;
    case 'video_view':
      counts.videoViews += 1;
      counts.videoWatchedSec += event.watchedSec ?? 0;
      if (event.completed) counts.videoCompletions += 1;
      break;
    case 'lesson_progress':
      if (event.completed) counts.lessonsCompleted += 1;
      break;
    case 'search':
      counts.searches += 1;
      break;
    default:
      break;
  }
}

export function latencyBucket(latencyMs: number): number {
  const index = LATENCY_BOUNDS_MS.findIndex((bound) => latencyMs <= bound);
  return index === -1 ? LATENCY_BOUNDS_MS.length : index;
}

/** Adds `more` into `into` (windows of a rollup, or a batch's counts into the stored window). */
export function mergeCounts(into: WindowCounts, more: WindowCounts): void {
  into.events += more.events;
  into.pageViews += more.pageViews;
  into.attempts += more.attempts;
  into.correct += more.correct;
  into.timeOnTaskMs += more.timeOnTaskMs;
  into.videoWatchedSec += more.videoWatchedSec;
  into.videoViews += more.videoViews;
  into.videoCompletions += more.videoCompletions;
  into.lessonsCompleted += more.lessonsCompleted;
  into.searches += more.searches;
  into.users = into.users.merge(more.users);
  more.latencyMs.forEach((count, bucket) => {
    into.latencyMs[bucket] = (into.latencyMs[bucket] ?? 0) + count;
  });
}

/**
 * Whether a window is final: the tenant's watermark (its latest event time less the allowed lateness) has
 * passed the window's end. Events of a final window arrive too late and are dropped (and counted as dropped).
 */
export function isFinal(windowStartMs: number, watermarkMs: number, windowMs = WINDOW_MS): boolean {
  return windowStartMs + windowMs <= watermarkMs;
}
