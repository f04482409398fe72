import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { AnalyticsDatabase } from './analytics.table.js';

type Db = Tx<AnalyticsDatabase>;

/** Learners of a course with at least `minAttempts` answers, the lowest share correct first. */
export async function strugglingLearners(tx: Db, tenantId: string, courseId: string, minAttempts: number, limit: number) {
  const rows = await tx.selectFrom('analytics.learners').select(['user_id', 'attempts', 'correct', 'time_on_task_ms', 'last_seen'])
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('attempts', '>=', minAttempts)
    .orderBy(sql`correct::float8 / attempts`).orderBy('attempts', 'desc').orderBy('user_id').limit(limit).execute();
  return rows.map((row) => ({ userId: row.user_id, attempts: Number(row.attempts), correctRate: Number(row.correct) / Number(row.attempts), timeOnTaskMs: Number(row.time_on_task_ms), lastSeen: row.last_seen.toISOString() }));
}

/** Items of a course with at least `minAttempts` answers, the lowest share correct first. */
export async function hardestItems(tx: Db, tenantId: string, courseId: string, minAttempts: number, limit: number) {
  const rows = await tx.selectFrom('analytics.items').select(['item_id', 'attempts', 'correct', 'latency_ms_total'])
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('attempts', '>=', minAttempts)
    .orderBy(sql`correct::float8 / attempts`).orderBy('attempts', 'desc').orderBy('item_id').limit(limit).execute();
  return rows.map((row) => ({ itemId: row.item_id, attempts: Number(row.attempts), correctRate: Number(row.correct) / Number(row.attempts), meanLatencyMs: Math.round(Number(row.latency_ms_total) / Number(row.attempts)) }));
}

/** A learner's days with activity since `from` (UTC dates), oldest first. */
export async function learnerDays(tx: Db, tenantId: string, userId: string, from: string) {
  const rows = await tx.selectFrom('analytics.learner_days').select(['day', 'events', 'time_on_task_ms'])
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('day', '>=', from).orderBy('day').execute();
  return rows.map((row) => ({ day: dayOf(row.day), events: Number(row.events), timeOnTaskMs: Number(row.time_on_task_ms) }));
}

/** A learner's figures per course, most recent first, with the course's title. */
export async function learnerCourses(tx: Db, tenantId: string, userId: string) {
  const rows = await tx.selectFrom('analytics.learners as l')
    .leftJoin('analytics.courses as c', (join) => join.onRef('c.tenant_id', '=', 'l.tenant_id').onRef('c.course_id', '=', 'l.course_id'))
    .select(['l.course_id', 'c.title', 'l.attempts', 'l.correct', 'l.time_on_task_ms', 'l.lessons_completed', 'l.last_seen'])
    .where('l.tenant_id', '=', tenantId).where('l.user_id', '=', userId).orderBy('l.last_seen', 'desc').limit(100).execute();
  return rows.map((row) => ({
    courseId: row.course_id, title: row.title ?? null, attempts: Number(row.attempts), correctRate: Number(row.attempts) === 0 ? null : Number(row.correct) / Number(row.attempts),
    timeOnTaskMs: Number(row.time_on_task_ms), lessonsCompleted: Number(row.lessons_completed), lastSeen: row.last_seen.toISOString(),
  }));
}

function dayOf(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
