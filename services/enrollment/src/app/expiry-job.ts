import { sql } from 'kysely';
import type { Database, ServiceContext, ServiceJob } from '@tessera/platform';
import { lockCourse } from '../db/course.repository.js';
import type { EnrollmentDatabase } from '../db/enrollment.table.js';
import type { EnrollmentDeps } from './deps.js';
import { settleSeats } from './seats.js';

/** How often relay processes expire what is due. Payment windows are 30 minutes, so a minute late is fine. */
export const EXPIRY_EVERY_MS = 60_000;
// Courses settled per database and run; the rest wait for the next run.
const MAX_COURSES_PER_RUN = 500;

/**
 * The periodic job that expires unpaid enrollments past their due time and the waitlists of courses whose
 * enrollment window closed, handing freed seats to waitlists. Until it runs, the same happens lazily whenever
 * someone enrolls in or leaves the course. Safe in several relay processes at once: each course is settled
 * under its row lock and every transition checks the status it moves from.
 */
export function expiryJob(context: Pick<ServiceContext, 'db' | 'outbox' | 'tenantDatabases'>): ServiceJob {
  return {
    name: 'enrollment.expire-due',
    everyMs: EXPIRY_EVERY_MS,
    async run() {
      await expireDue(context);
    },
  };
}

/** One run of the expiry job over the main database and every enterprise tenant's own; returns courses settled. */
export async function expireDue(context: Pick<ServiceContext, 'db' | 'outbox' | 'tenantDatabases'>, now = new Date()): Promise<number> {
  const databases = [context.db, ...await context.tenantDatabases.openAll()];
  let settled = 0;
  for (const database of databases) {
    for (const { tenant_id: tenantId, course_id: courseId } of await dueCourses(database, now)) {
      await settleCourse(context, tenantId, courseId, now);
      settled += 1;
    }
  }
  return settled;
}

/**
 * Courses, across the tenants of one database, with an unpaid enrollment past due or a waitlist after the
 * window closed. A cross-tenant read, so as the owner (what kernel jobs use); each course is then settled as
 * its tenant, under row-level security.
 */
async function dueCourses(database: Database, now: Date): Promise<Array<{ tenant_id: string; course_id: string }>> {
  return database.withSystem(async (tx) => (await sql<{ tenant_id: string; course_id: string }>`
    select tenant_id, course_id from enrollment.enrollments
      where status = 'pending_payment' and payment_due_at <= ${now}
    union
    select e.tenant_id, e.course_id from enrollment.enrollments e
      join enrollment.courses c on c.tenant_id = e.tenant_id and c.course_id = e.course_id
      where e.status = 'waitlisted' and c.closes_at <= ${now}
    limit ${MAX_COURSES_PER_RUN}`.execute(tx)).rows);
}

async function settleCourse(deps: EnrollmentDeps, tenantId: string, courseId: string, now: Date): Promise<void> {
  await deps.db.withTenant<EnrollmentDatabase, void>(tenantId, async (tx) => {
    const course = await lockCourse(tx, tenantId, courseId);
    if (course) await settleSeats(deps, tx, tenantId, course, now);
  });
}
