import { countEvent, emptyCounts, isFinal, NO_COURSE, timeOnTaskMs, windowStartOf, type CountedEvent, type WindowCounts } from './window.js';

/** What aggregation reads of an event beyond its counts: which item it answered. */
export interface BatchEvent extends CountedEvent {
  itemId?: string;
}

export interface LearnerCounts { attempts: number; correct: number; timeOnTaskMs: number; lessonsCompleted: number; firstSeen: Date; lastSeen: Date }
export interface DayCounts { events: number; timeOnTaskMs: number }
export interface ItemCounts { attempts: number; correct: number; latencyMsTotal: number }

/** One batch of a learner's events, summed per window, per course, per day and per item. */
export interface BatchSummary {
  /** Key: `<courseId>|<windowStartMs>`. */
  windows: Map<string, WindowCounts>;
  learners: Map<string, LearnerCounts>;
  days: Map<string, DayCounts>;
  /** Key: `<courseId>/<itemId>`. */
  items: Map<string, ItemCounts>;
  /** Events whose window was final before the batch arrived (dropped, counted as late). */
  late: number;
  /** The latest event time of the batch (counted or not), or null for an empty batch. */
  maxTimeMs: number | null;
}

/**
 * Sums a learner's batch. `watermarkMs` is the tenant's watermark before the batch (its latest event time less
 * the allowed lateness, or null before its first event): an event whose window had ended by then is late. The
 * decision uses the watermark as it was, so the order of events inside a batch does not matter.
 */
export function summariseBatch(userId: string, events: readonly BatchEvent[], watermarkMs: number | null): BatchSummary {
  const summary: BatchSummary = { windows: new Map(), learners: new Map(), days: new Map(), items: new Map(), late: 0, maxTimeMs: null };
  for (const event of events) {
    const timeMs = Date.parse(event.time);
    summary.maxTimeMs = summary.maxTimeMs === null ? timeMs : Math.max(summary.maxTimeMs, timeMs);
    const windowStart = windowStartOf(timeMs);
    if (watermarkMs !== null && isFinal(windowStart, watermarkMs)) {
      summary.late += 1;
      continue;
    }
    const courseId = event.courseId ?? NO_COURSE;
    countEvent(entry(summary.windows, `${courseId}|${windowStart}`, emptyCounts), event, userId);
    countLearner(summary, courseId, event, timeMs);
    const day = entry(summary.days, new Date(timeMs).toISOString().slice(0, 10), () => ({ events: 0, timeOnTaskMs: 0 }));
    day.events += 1;
    day.timeOnTaskMs += timeOnTaskMs(event);
    if (event.type === 'item_attempt' && event.itemId) {
      const item = entry(summary.items, `${courseId}/${event.itemId}`, () => ({ attempts: 0, correct: 0, latencyMsTotal: 0 }));
      item.attempts += 1;
      if (event.correct) item.correct += 1;
      item.latencyMsTotal += event.latencyMs ?? 0;
    }
  }
  return summary;
}

function countLearner(summary: BatchSummary, courseId: string, event: BatchEvent, timeMs: number): void {
  if (courseId === NO_COURSE) return;
  const at = new Date(timeMs);
  const learner = entry(summary.learners, courseId, () => ({ attempts: 0, correct: 0, timeOnTaskMs: 0, lessonsCompleted: 0, firstSeen: at, lastSeen: at }));
  if (event.type === 'item_attempt') {
    learner.attempts += 1;
    if (event.correct) learner.correct += 1;
  }
  if (event.type === 'lesson_progress' && event.completed) learner.lessonsCompleted += 1;
  learner.timeOnTaskMs += timeOnTaskMs(event);
  if (at < learner.firstSeen) learner.firstSeen = at;
  if (at > learner.lastSeen) learner.lastSeen = at;
}

function entry<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
