import { AppError, type Tx } from '@tessera/platform';
import { EnrollmentEvents, type LessonCompletedData } from '../contract/events.js';
import type { LessonProgress, ModuleProgress, Progress } from '../contract/schemas.js';
import { LEARNING } from '../domain/enrollment-status.js';
import { percentOf } from '../domain/progress.js';
import { findCourseVersion, hasLesson, lessonsOf } from '../db/course.repository.js';
import { findEnrollment, iso, touchLesson, type EnrollmentWithPlace } from '../db/enrollment.repository.js';
import type { EnrollmentDatabase, EnrollmentRow } from '../db/enrollment.table.js';
import { countCompleted, progressOf, recordLessonReport } from '../db/progress.repository.js';
import type { EnrollmentDeps } from './deps.js';
import { enrollmentNotFound } from './errors.js';
import { moveEnrollment } from './transitions.js';
import { assertMayLearn } from './users.js';

type Db = Tx<EnrollmentDatabase>;

/** A student's report on a lesson: opened it (`complete` false) or finished it, with the time spent since. */
export interface LessonReportCommand {
  enrollmentId: string;
  lessonId: string;
  complete: boolean;
  seconds: number;
  /** The route's object-level check: only the enrolled student records their progress. */
  mayReport: (enrollment: EnrollmentWithPlace) => void;
}

/**
 * Records a lesson report of an active (or completed) enrollment. The lesson must belong to the course version
 * the student enrolled in. Completing a lesson emits `enrollment.lesson.completed` once; completing the last one
 * completes the enrollment (and emits `enrollment.enrollment.completed`) in the same transaction. A deactivated
 * student records nothing (403), though their enrollment and progress stay on record.
 */
export async function reportLesson(deps: EnrollmentDeps, tenantId: string, command: LessonReportCommand, now = new Date()): Promise<Progress> {
  return deps.db.withTenant<EnrollmentDatabase, Progress>(tenantId, async (tx) => {
    // Locked so that two completions racing for the last lesson complete the enrollment once.
    const enrollment = await findEnrollment(tx, tenantId, command.enrollmentId, true);
    if (!enrollment) throw enrollmentNotFound(command.enrollmentId);
    command.mayReport(enrollment);
    await assertMayLearn(tx, tenantId, enrollment.user_id);
    const current = await applyLessonReport(deps, tx, tenantId, enrollment, command.lessonId, { complete: command.complete, seconds: command.seconds }, now);
    return buildProgress(tx, tenantId, { ...current, last_lesson_id: command.lessonId });
  });
}

/**
 * Applies a report to an enrollment whose row the caller holds locked (see `reportLesson`); returns the
 * enrollment afterwards (completed when this was its last lesson).
 */
export async function applyLessonReport(
  deps: EnrollmentDeps, tx: Db, tenantId: string, enrollment: EnrollmentRow, lessonId: string, report: { complete: boolean; seconds: number }, now: Date,
): Promise<EnrollmentRow> {
  if (!LEARNING.includes(enrollment.status)) {
    throw new AppError('conflict', 'ENROLLMENT.NOT_ACTIVE', `Progress can only be recorded on an active enrollment; this one is ${enrollment.status}`,
      { currentStatus: enrollment.status });
  }
  if (!await hasLesson(tx, tenantId, enrollment.course_id, enrollment.course_version, lessonId)) {
    throw new AppError('not_found', 'ENROLLMENT.LESSON_NOT_FOUND',
      `Lesson ${lessonId} is not part of version ${enrollment.course_version} of the course you are enrolled in`);
  }
  const { completedNow } = await recordLessonReport(tx, tenantId, enrollment.id, lessonId, { ...report, at: now });
  await touchLesson(tx, tenantId, enrollment.id, lessonId, now);
  if (!completedNow) return enrollment;
  const data: LessonCompletedData = {
    enrollmentId: enrollment.id, courseId: enrollment.course_id, courseVersion: enrollment.course_version,
    lessonId, userId: enrollment.user_id, completedAt: now.toISOString(),
  };
  await deps.outbox.emit(tx, tenantId, [{ name: EnrollmentEvents.lessonCompleted, subject: enrollment.id, data }]);
  return completeIfFinished(deps, tx, tenantId, enrollment, now);
}

/** An enrollment's progress; `mayRead` is the route's object-level check. */
export async function getProgress(deps: EnrollmentDeps, tenantId: string, enrollmentId: string, mayRead: (enrollment: EnrollmentWithPlace) => void): Promise<Progress> {
  return deps.db.withTenant<EnrollmentDatabase, Progress>(tenantId, async (tx) => {
    const enrollment = await findEnrollment(tx, tenantId, enrollmentId);
    if (!enrollment) throw enrollmentNotFound(enrollmentId);
    mayRead(enrollment);
    return buildProgress(tx, tenantId, enrollment);
  });
}

async function completeIfFinished(deps: EnrollmentDeps, tx: Db, tenantId: string, enrollment: EnrollmentRow, now: Date): Promise<EnrollmentRow> {
  if (enrollment.status !== 'active') return enrollment;
  const version = await findCourseVersion(tx, tenantId, enrollment.course_id, enrollment.course_version);
  const done = await countCompleted(tx, tenantId, enrollment.id);
  if (!version || done < version.lesson_count) return enrollment;
  return moveEnrollment(deps, tx, tenantId, enrollment, 'completed', now);
}

/** Per lesson, per module and course totals of an enrollment, in course order. */
async function buildProgress(tx: Db, tenantId: string, enrollment: EnrollmentRow): Promise<Progress> {
  const version = await findCourseVersion(tx, tenantId, enrollment.course_id, enrollment.course_version);
  const lessons = await lessonsOf(tx, tenantId, enrollment.course_id, enrollment.course_version);
  const reported = new Map((await progressOf(tx, tenantId, enrollment.id)).map((row) => [row.lesson_id, row]));
  const lessonProgress: LessonProgress[] = lessons.map((lesson) => {
    const row = reported.get(lesson.lesson_id);
    return {
      lessonId: lesson.lesson_id, moduleId: lesson.module_id, title: lesson.title,
      startedAt: iso(row?.started_at ?? null), completedAt: iso(row?.completed_at ?? null), secondsSpent: row?.seconds_spent ?? 0,
    };
  });
  const modules: ModuleProgress[] = (version?.modules ?? []).map((module) => {
    const ofModule = lessonProgress.filter((lesson) => lesson.moduleId === module.moduleId);
    const completed = ofModule.filter((lesson) => lesson.completedAt !== null).length;
    return { moduleId: module.moduleId, title: module.title, completedLessons: completed, totalLessons: ofModule.length, percent: percentOf(completed, ofModule.length) };
  });
  const completed = lessonProgress.filter((lesson) => lesson.completedAt !== null).length;
  return {
    enrollmentId: enrollment.id,
    courseId: enrollment.course_id,
    courseVersion: enrollment.course_version,
    status: enrollment.status,
    completedLessons: completed,
    totalLessons: lessonProgress.length,
    percent: percentOf(completed, lessonProgress.length),
    secondsSpent: lessonProgress.reduce((sum, lesson) => sum + lesson.secondsSpent, 0),
    resumeLessonId: enrollment.last_lesson_id,
    modules,
    lessons: lessonProgress,
  };
}
