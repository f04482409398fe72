/**
 * Learning events in the analytics service's compact form (`POST /api/v1/events`). The API types the body
 * loosely (it also takes xAPI statements), so the web app keeps the compact shapes it sends here.
 */
interface EventContext {
  courseId?: string;
  lessonId?: string;
  itemId?: string;
  sessionId?: string;
}

export type PageViewEvent = EventContext & { type: 'page_view'; path?: string; durationMs?: number };
export type ItemAttemptEvent = EventContext & { type: 'item_attempt'; itemId: string; correct: boolean; score?: number; latencyMs: number };
export type VideoViewEvent = EventContext & { type: 'video_view'; mediaId?: string; positionSec: number; durationSec?: number; watchedSec?: number; completed?: boolean };
export type LessonProgressEvent = EventContext & { type: 'lesson_progress'; lessonId: string; progress: number; completed?: boolean };
export type SearchEvent = EventContext & { type: 'search'; query: string; results?: number };

/** What a screen tracks: the tracker adds the id and the time. */
export type TrackedEvent = PageViewEvent | ItemAttemptEvent | VideoViewEvent | LessonProgressEvent | SearchEvent;

/** An event as sent: identified (the service deduplicates by id, so a resent batch counts once) and timed. */
export type SentEvent = TrackedEvent & { id: string; time: string };

/** The service's longest page view or answer latency: a day. */
export const MAX_DURATION_MS = 86_400_000;

/** A duration the service accepts: whole milliseconds, from zero to a day. */
export function clampDuration(ms: number): number {
  return Math.min(MAX_DURATION_MS, Math.max(0, Math.round(ms)));
}
