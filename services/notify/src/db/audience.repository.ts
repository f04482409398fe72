import type { Tx } from '@tessera/platform';
import type { NotifyDatabase } from './notify.table.js';

type Db = Tx<NotifyDatabase>;

/** A published course of the tenant (catalog's), or its archiving. */
export async function recordCourse(tx: Db, tenantId: string, course: { courseId: string; title?: string; archived: boolean }): Promise<void> {
  await tx.insertInto('notify.courses').values({ tenant_id: tenantId, course_id: course.courseId, title: course.title ?? '', archived: course.archived })
    .onConflict((oc) => oc.columns(['tenant_id', 'course_id']).doUpdateSet({ archived: course.archived, ...(course.title === undefined ? {} : { title: course.title }) })).execute();
}

/** Whether the course is one of the tenant's, open for announcements. */
export async function isOpenCourse(tx: Db, tenantId: string, courseId: string): Promise<boolean> {
  const row = await tx.selectFrom('notify.courses').select('archived').where('tenant_id', '=', tenantId).where('course_id', '=', courseId).executeTakeFirst();
  return row !== undefined && !row.archived;
}

/** Who is actively enrolled in a course, as enrollment announced it. */
export async function setCourseMember(tx: Db, tenantId: string, courseId: string, userId: string, member: boolean): Promise<void> {
  if (member) {
    await tx.insertInto('notify.course_members').values({ tenant_id: tenantId, course_id: courseId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
  } else {
    await tx.deleteFrom('notify.course_members').where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('user_id', '=', userId).execute();
  }
}

export async function setRecipientRoles(tx: Db, tenantId: string, userId: string, roles: readonly string[]): Promise<void> {
  await tx.updateTable('notify.recipients').set({ roles: [...roles] }).where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}

/** The users an announcement reaches: a course's active students, or the active users holding a role. */
export async function audienceOf(tx: Db, tenantId: string, audience: { courseId: string | null; role: string | null }): Promise<string[]> {
  if (audience.courseId) {
    const rows = await tx.selectFrom('notify.course_members').select('user_id').where('tenant_id', '=', tenantId).where('course_id', '=', audience.courseId).orderBy('user_id').execute();
    return rows.map((row) => row.user_id);
  }
  const rows = await tx.selectFrom('notify.recipients').select('user_id').where('tenant_id', '=', tenantId).where('active', '=', true)
    .where((eb) => eb(eb.val(audience.role), '=', eb.fn.any('roles'))).orderBy('user_id').execute();
  return rows.map((row) => row.user_id);
}

export interface KnownExam {
  examId: string;
  courseId: string;
  version: number;
  title: string;
  opensAt: Date | null;
  publishedBy: string | null;
}

/**
 * Keeps the newest published version of an exam, and when its "exam tomorrow" reminder is due: a day before it
 * opens, unless that has passed already or the reminder went out for this opening time. A new version that moves
 * the opening moves the reminder (and one that removes it cancels it); an older version arriving late changes nothing.
 */
export async function recordExam(tx: Db, tenantId: string, exam: KnownExam, remindAt: Date | null): Promise<void> {
  const values = {
    course_id: exam.courseId, version: exam.version, title: exam.title, opens_at: exam.opensAt, published_by: exam.publishedBy, remind_at: remindAt,
  };
  await tx.insertInto('notify.exams').values({ tenant_id: tenantId, exam_id: exam.examId, ...values, reminded_at: null })
    .onConflict((oc) => oc.columns(['tenant_id', 'exam_id']).doUpdateSet((eb) => ({
      ...values,
      // A reminder already sent for the same opening stays sent; a moved opening deserves a new one.
      reminded_at: eb.case().when('notify.exams.opens_at', 'is not distinct from', exam.opensAt).then(eb.ref('notify.exams.reminded_at')).else(null).end(),
    })).where('notify.exams.version', '<', exam.version)).execute();
}

export async function findExam(tx: Db, tenantId: string, examId: string): Promise<KnownExam | undefined> {
  const row = await tx.selectFrom('notify.exams').selectAll().where('tenant_id', '=', tenantId).where('exam_id', '=', examId).executeTakeFirst();
  return row ? { examId: row.exam_id, courseId: row.course_id, version: row.version, title: row.title, opensAt: row.opens_at ? new Date(row.opens_at) : null, publishedBy: row.published_by } : undefined;
}

export async function recordExamTaker(tx: Db, tenantId: string, examId: string, userId: string): Promise<void> {
  await tx.insertInto('notify.exam_takers').values({ tenant_id: tenantId, exam_id: examId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
}

/** Exams whose reminder is due, across the tenants of a database (a system read, for the job). */
export async function dueExamReminders(tx: Db, now: Date, limit: number): Promise<Array<{ tenantId: string; examId: string }>> {
  const rows = await tx.selectFrom('notify.exams').select(['tenant_id', 'exam_id']).where('reminded_at', 'is', null).where('remind_at', '<=', now)
    .orderBy('remind_at').limit(limit).execute();
  return rows.map((row) => ({ tenantId: row.tenant_id, examId: row.exam_id }));
}

/**
 * Claims an exam's due reminder (locked, so one process sends it) and returns who should get it: the course's
 * students who have not taken it. Nothing when it was sent, moved or cancelled meanwhile, or the exam opened.
 */
export async function claimExamReminder(tx: Db, tenantId: string, examId: string, now: Date): Promise<{ exam: KnownExam; userIds: string[] } | undefined> {
  const row = await tx.selectFrom('notify.exams').selectAll().where('tenant_id', '=', tenantId).where('exam_id', '=', examId)
    .where('reminded_at', 'is', null).where('remind_at', '<=', now).forUpdate().skipLocked().executeTakeFirst();
  if (!row) return undefined;
  await tx.updateTable('notify.exams').set({ reminded_at: now }).where('tenant_id', '=', tenantId).where('exam_id', '=', examId).execute();
  const opensAt = row.opens_at ? new Date(row.opens_at) : null;
  if (!opensAt || opensAt.getTime() <= now.getTime()) return undefined;
  const takers = tx.selectFrom('notify.exam_takers').select('user_id').where('tenant_id', '=', tenantId).where('exam_id', '=', examId);
  const members = await tx.selectFrom('notify.course_members').select('user_id').where('tenant_id', '=', tenantId).where('course_id', '=', row.course_id)
    .where('user_id', 'not in', takers).orderBy('user_id').execute();
  return {
    exam: { examId, courseId: row.course_id, version: row.version, title: row.title, opensAt, publishedBy: row.published_by },
    userIds: members.map((member) => member.user_id),
  };
}

/** Makes an exam's reminder due again (its sending failed part-way). */
export async function releaseExamReminder(tx: Db, tenantId: string, examId: string): Promise<void> {
  await tx.updateTable('notify.exams').set({ reminded_at: null }).where('tenant_id', '=', tenantId).where('exam_id', '=', examId).execute();
}
