import type { Enrollment, EnrollmentStatus, MyCourse, RosterEntry } from '../contract/schemas.js';
import { percentOf } from '../domain/progress.js';
import { findCourse } from '../db/course.repository.js';
import { findEnrollment, iso, listEnrollmentsOfUser, nullableNumber, toEnrollment, type EnrollmentWithPlace } from '../db/enrollment.repository.js';
import type { EnrollmentDatabase } from '../db/enrollment.table.js';
import { listOfCourse, listOfUser, type ListAfter, type SummaryRow } from '../db/progress.repository.js';
import { namesOf, type Person } from '../db/user.repository.js';
import type { EnrollmentDeps } from './deps.js';
import { courseNotFound, enrollmentNotFound } from './errors.js';

/** A page request: `limit` items after the keyset position `after`, optionally of one status. */
export interface ListRequest {
  limit: number;
  after?: ListAfter | undefined;
  status?: EnrollmentStatus | undefined;
}

/** One enrollment; `mayRead` is the route's object-level check (strangers get 404). */
export async function getEnrollment(deps: EnrollmentDeps, tenantId: string, id: string, mayRead: (enrollment: EnrollmentWithPlace) => void): Promise<Enrollment> {
  const row = await deps.db.withTenant<EnrollmentDatabase, EnrollmentWithPlace | undefined>(tenantId, (tx) => findEnrollment(tx, tenantId, id));
  if (!row) throw enrollmentNotFound(id);
  mayRead(row);
  return toEnrollment(row, row.waitlist_position);
}

/** The student's enrollments, newest first (limit + 1 rows: the extra one says another page follows). */
export async function listOwnEnrollments(deps: EnrollmentDeps, tenantId: string, userId: string, page: ListRequest): Promise<Array<Enrollment>> {
  const rows = await deps.db.withTenant<EnrollmentDatabase, EnrollmentWithPlace[]>(tenantId, (tx) => listEnrollmentsOfUser(tx, tenantId, userId, page.limit, page.after));
  return rows.map((row) => toEnrollment(row, row.waitlist_position));
}

/** The student's courses with their progress, newest enrollment first (limit + 1 rows). */
export async function listMyCourses(deps: EnrollmentDeps, tenantId: string, userId: string, page: ListRequest): Promise<MyCourse[]> {
  const rows = await deps.db.withTenant<EnrollmentDatabase, SummaryRow[]>(tenantId, (tx) => listOfUser(tx, tenantId, userId, page.limit, page.after, page.status));
  return rows.map((row) => ({
    enrollmentId: row.id, courseId: row.course_id, courseVersion: row.course_version, title: row.title, status: row.status,
    requestedAt: row.requested_at.toISOString(), modules: row.modules.map(({ moduleId, title }) => ({ moduleId, title })), ...summaryOf(row),
  }));
}

/** A course's students in enrollment order with status and progress (limit + 1 rows); 404 for an unknown course. */
export async function listRoster(deps: EnrollmentDeps, tenantId: string, courseId: string, page: ListRequest): Promise<RosterEntry[]> {
  const { rows, people } = await deps.db.withTenant<EnrollmentDatabase, { rows: SummaryRow[]; people: Map<string, Person> }>(tenantId, async (tx) => {
    if (!await findCourse(tx, tenantId, courseId)) throw courseNotFound(courseId);
    const rows = await listOfCourse(tx, tenantId, courseId, page.limit, page.after, page.status);
    return { rows, people: await namesOf(tx, tenantId, rows.map((row) => row.user_id)) };
  });
  return rows.map((row) => ({
    enrollmentId: row.id, userId: row.user_id, name: people.get(row.user_id)?.name ?? null, email: people.get(row.user_id)?.email ?? null,
    courseVersion: row.course_version, status: row.status,
    waitlistPosition: row.status === 'waitlisted' ? nullableNumber(row.waitlist_position) : null,
    requestedAt: row.requested_at.toISOString(), ...summaryOf(row),
  }));
}

function summaryOf(row: SummaryRow) {
  const completed = Number(row.completed_lessons ?? 0);
  return {
    completedLessons: completed,
    totalLessons: row.lesson_count,
    percent: percentOf(completed, row.lesson_count),
    secondsSpent: Number(row.seconds_spent ?? 0),
    resumeLessonId: row.last_lesson_id,
    lastActivityAt: iso(row.last_activity_at),
  };
}
