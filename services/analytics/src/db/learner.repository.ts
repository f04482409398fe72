import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { DayCounts, ItemCounts, LearnerCounts } from '../domain/batch.js';
import type { AnalyticsDatabase } from './analytics.table.js';

type Db = Tx<AnalyticsDatabase>;


/** Adds a batch's counts per learner and course (each row once per batch: one statement). */
export async function addToLearners(tx: Db, tenantId: string, userId: string, perCourse: ReadonlyMap<string, LearnerCounts>): Promise<void> {
  if (perCourse.size === 0) return;
  await tx.insertInto('analytics.learners').values([...perCourse].map(([courseId, c]) => ({
    tenant_id: tenantId, course_id: courseId, user_id: userId, attempts: c.attempts, correct: c.correct, time_on_task_ms: c.timeOnTaskMs,
    lessons_completed: c.lessonsCompleted, first_seen: c.firstSeen, last_seen: c.lastSeen,
  }))).onConflict((oc) => oc.columns(['tenant_id', 'course_id', 'user_id']).doUpdateSet((eb) => ({
    attempts: sql`${eb.ref('analytics.learners.attempts')} + ${eb.ref('excluded.attempts')}`,
    correct: sql`${eb.ref('analytics.learners.correct')} + ${eb.ref('excluded.correct')}`,
    time_on_task_ms: sql`${eb.ref('analytics.learners.time_on_task_ms')} + ${eb.ref('excluded.time_on_task_ms')}`,
    lessons_completed: sql`${eb.ref('analytics.learners.lessons_completed')} + ${eb.ref('excluded.lessons_completed')}`,
    first_seen: sql`least(${eb.ref('analytics.learners.first_seen')}, ${eb.ref('excluded.first_seen')})`,
    last_seen: sql`greatest(${eb.ref('analytics.learners.last_seen')}, ${eb.ref('excluded.last_seen')})`,
  }))).execute();
}

/** Adds a batch's counts per learner and day (UTC, `YYYY-MM-DD`). */
export async function addToDays(tx: Db, tenantId: string, userId: string, perDay: ReadonlyMap<string, DayCounts>): Promise<void> {
  if (perDay.size === 0) return;
  await tx.insertInto('analytics.learner_days').values([...perDay].map(([day, c]) => ({
    tenant_id: tenantId, user_id: userId, day, events: c.events, time_on_task_ms: c.timeOnTaskMs,
  }))).onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'day']).doUpdateSet((eb) => ({
    events: sql`${eb.ref('analytics.learner_days.events')} + ${eb.ref('excluded.events')}`,
    time_on_task_ms: sql`${eb.ref('analytics.learner_days.time_on_task_ms')} + ${eb.ref('excluded.time_on_task_ms')}`,
  }))).execute();
}

/** Adds a batch's attempts per item of a course (key `courseId/itemId`). */
export async function addToItems(tx: Db, tenantId: string, perItem: ReadonlyMap<string, ItemCounts>): Promise<void> {
  if (perItem.size === 0) return;
  await tx.insertInto('analytics.items').values([...perItem].map(([key, c]) => {
    const [courseId = '', itemId = ''] = key.split('/');
    return { tenant_id: tenantId, course_id: courseId, item_id: itemId, attempts: c.attempts, correct: c.correct, latency_ms_total: c.latencyMsTotal };
  })).onConflict((oc) => oc.columns(['tenant_id', 'course_id', 'item_id']).doUpdateSet((eb) => ({
    attempts: sql`${eb.ref('analytics.items.attempts')} + ${eb.ref('excluded.attempts')}`,
    correct: sql`${eb.ref('analytics.items.correct')} + ${eb.ref('excluded.correct')}`,
    latency_ms_total: sql`${eb.ref('analytics.items.latency_ms_total')} + ${eb.ref('excluded.latency_ms_total')}`,
  }))).execute();
}
