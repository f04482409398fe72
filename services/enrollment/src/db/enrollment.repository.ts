import type { ExpressionBuilder } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { Enrollment, EnrollmentStatus } from '../contract/schemas.js';
import { SEAT_HOLDING } from '../domain/enrollment-status.js';
import type { EnrollmentDatabase, EnrollmentRow } from './enrollment.table.js';

type Db = Tx<EnrollmentDatabase>;
type Eb = ExpressionBuilder<EnrollmentDatabase & { e: EnrollmentDatabase['enrollment.enrollments'] }, 'e'>;

/** An enrollment row with its place on the waitlist (null unless waitlisted). */
export type EnrollmentWithPlace = EnrollmentRow & { waitlist_position: number | null };

/** Fields a status change may set besides the status. */
export interface StatusFields {
  waitlist_seq?: number | null;
  payment_due_at?: Date | null;
  activated_at?: Date | null;
  completed_at?: Date | null;
  ended_at?: Date | null;
}

/** 1 + the number of waitlisted enrollments of the course ahead of this one. */
export function waitlistPosition(eb: Eb) {
  return eb.case().when('e.status', '=', 'waitlisted').then(
    eb.selectFrom('enrollment.enrollments as w').select((w) => w.fn.countAll<number>().as('n'))
      .whereRef('w.tenant_id', '=', 'e.tenant_id').whereRef('w.course_id', '=', 'e.course_id')
      .where('w.status', '=', 'waitlisted').whereRef('w.waitlist_seq', '<=', 'e.waitlist_seq'),
  ).else(null).end().as('waitlist_position');
}

export async function insertEnrollment(tx: Db, tenantId: string, row: Omit<EnrollmentRow, 'tenant_id' | 'requested_at' | 'version' | 'last_lesson_id' | 'last_activity_at' | 'completed_at' | 'ended_at'>): Promise<void> {
  await tx.insertInto('enrollment.enrollments').values({ ...row, tenant_id: tenantId }).execute();
}

/** An enrollment of the tenant with its waitlist place; `lock` holds its row until the transaction ends. */
export async function findEnrollment(tx: Db, tenantId: string, id: string, lock = false): Promise<EnrollmentWithPlace | undefined> {
  let query = tx.selectFrom('enrollment.enrollments as e').selectAll('e').select(waitlistPosition)
    .where('e.tenant_id', '=', tenantId).where('e.id', '=', id);
  if (lock) query = query.forUpdate('e');
  const row = await query.executeTakeFirst();
  return row ? { ...row, waitlist_position: nullableNumber(row.waitlist_position) } : undefined;
}

/** The student's enrollment in the course that is not cancelled or expired, if any. */
export async function findLiveEnrollment(tx: Db, tenantId: string, courseId: string, userId: string): Promise<EnrollmentRow | undefined> {
  return tx.selectFrom('enrollment.enrollments').selectAll()
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('user_id', '=', userId)
    .where('status', 'not in', ['cancelled', 'expired'])
    .executeTakeFirst();
}

/** Seats of the course in use (pending payment, active, completed). */
export async function countSeats(tx: Db, tenantId: string, courseId: string): Promise<number> {
  return countWithStatus(tx, tenantId, courseId, SEAT_HOLDING);
}

export async function countWithStatus(tx: Db, tenantId: string, courseId: string, statuses: readonly EnrollmentStatus[]): Promise<number> {
  const row = await tx.selectFrom('enrollment.enrollments').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('status', 'in', [...statuses])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The first `limit` waitlisted enrollments of the course, in the order they joined the waitlist. */
export async function firstWaitlisted(tx: Db, tenantId: string, courseId: string, limit: number): Promise<EnrollmentRow[]> {
  return tx.selectFrom('enrollment.enrollments').selectAll()
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('status', '=', 'waitlisted')
    .orderBy('waitlist_seq').limit(limit).execute();
}

/** Enrollments of the course still waiting for payment after their due time. */
export async function overduePayments(tx: Db, tenantId: string, courseId: string | null, now: Date, limit: number): Promise<EnrollmentRow[]> {
  let query = tx.selectFrom('enrollment.enrollments').selectAll()
    .where('tenant_id', '=', tenantId).where('status', '=', 'pending_payment').where('payment_due_at', '<=', now);
  if (courseId) query = query.where('course_id', '=', courseId);
  return query.orderBy('payment_due_at').limit(limit).execute();
}

/**
 * Moves the enrollment from `from` to `to` if it is still `from` (another transaction may have moved it first);
 * the changed row, or undefined when it was no longer `from`.
 */
export async function updateStatus(tx: Db, tenantId: string, id: string, from: EnrollmentStatus, to: EnrollmentStatus, fields: StatusFields): Promise<EnrollmentRow | undefined> {
  return tx.updateTable('enrollment.enrollments')
    .set((eb) => ({ ...fields, status: to, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('status', '=', from)
    .returningAll().executeTakeFirst();
}

/** Remembers the lesson a student touched last (the resume point). */
export async function touchLesson(tx: Db, tenantId: string, id: string, lessonId: string, at: Date): Promise<void> {
  await tx.updateTable('enrollment.enrollments').set({ last_lesson_id: lessonId, last_activity_at: at })
    .where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** The one mapping from a row to the API's enrollment. */
export function toEnrollment(row: EnrollmentRow, waitlistPosition: number | null): Enrollment {
  return {
    id: row.id,
    courseId: row.course_id,
    userId: row.user_id,
    courseVersion: row.course_version,
    status: row.status,
    priceRef: row.price_ref,
    waitlistPosition: row.status === 'waitlisted' ? waitlistPosition : null,
    enrolledBy: row.enrolled_by,
    paymentDueAt: iso(row.payment_due_at),
    requestedAt: row.requested_at.toISOString(),
    activatedAt: iso(row.activated_at),
    completedAt: iso(row.completed_at),
    endedAt: iso(row.ended_at),
    version: row.version,
  };
}

export function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

export function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}


/** A page (plus one row) of the student's enrollments with their waitlist places, newest first. */
export async function listEnrollmentsOfUser(tx: Db, tenantId: string, userId: string, limit: number, after?: { requestedAt: string; id: string }): Promise<EnrollmentWithPlace[]> {
  let query = tx.selectFrom('enrollment.enrollments as e').selectAll('e').select(waitlistPosition)
    .where('e.tenant_id', '=', tenantId).where('e.user_id', '=', userId);
  if (after) {
    const at = new Date(after.requestedAt);
    query = query.where((eb) => eb.or([eb('e.requested_at', '<', at), eb.and([eb('e.requested_at', '=', at), eb('e.id', '<', after.id)])]));
  }
  const rows = await query.orderBy('e.requested_at', 'desc').orderBy('e.id', 'desc').limit(limit + 1).execute();
  return rows.map((row) => ({ ...row, waitlist_position: nullableNumber(row.waitlist_position) }));
}
