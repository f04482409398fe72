import { AppError, type Tx } from '@tessera/platform';
import type { Course } from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { findCourse, touchCourse } from '../db/course.repository.js';
import { catalogErrors } from './errors.js';

/** Who is editing, as the route established it: the caller and whether they may edit any course of the tenant. */
export interface Editor {
  /** Null for an API key: it edits only with manage_all, never as a co-author. */
  userId: string | null;
  manageAll: boolean;
}

/** The object-level check: only a course's instructors (co-authors) edit it, unless the editor manages all courses. */
export function assertMayEdit(course: Course, editor: Editor): void {
  if (editor.manageAll || (editor.userId !== null && course.instructors.includes(editor.userId))) return;
  throw catalogErrors.notAuthor(course.id);
}

/**
 * Drafts are read by the course's co-authors and by whoever may change or review any course (`reader.manageAll`,
 * see readerOf): another instructor of the tenant has no business in unpublished work. 404 for a course the
 * tenant does not have, 403 otherwise.
 */
export async function assertMayReadDraft(tx: Tx<CatalogDatabase>, tenantId: string, courseId: string, reader: Editor): Promise<void> {
  const course = await findCourse(tx, tenantId, courseId, false);
  if (!course) throw catalogErrors.courseNotFound(courseId);
  if (reader.manageAll || (reader.userId !== null && course.instructors.includes(reader.userId))) return;
  throw new AppError('forbidden', 'AUTH.NOT_OWNER', `Only instructors of course ${courseId} and reviewers may read its draft`);
}

/**
 * Locks a course for a change of its tree and checks the editor may make it: the course exists (in this
 * tenant), the editor co-authors it, and it is not frozen for review or archived.
 */
export async function lockEditableCourse(tx: Tx<CatalogDatabase>, tenantId: string, courseId: string, editor: Editor): Promise<Course> {
  const course = await findCourse(tx, tenantId, courseId, true);
  if (!course) throw catalogErrors.courseNotFound(courseId);
  assertMayEdit(course, editor);
  if (course.status === 'in_review') {
    throw new AppError('conflict', 'CATALOG.COURSE_IN_REVIEW', `Course ${courseId} is in review; a reviewer must approve or reject it before it changes`);
  }
  if (course.status === 'archived') throw new AppError('conflict', 'CATALOG.COURSE_ARCHIVED', `Course ${courseId} is archived`);
  return course;
}

/** Locks and checks a course, runs `change`, then moves the course's version on (a published course becomes a draft). */
export async function editCourseTree<T>(
  tx: Tx<CatalogDatabase>, tenantId: string, courseId: string, editor: Editor, change: (course: Course) => Promise<T>,
): Promise<T> {
  const course = await lockEditableCourse(tx, tenantId, courseId, editor);
  const result = await change(course);
  await touchCourse(tx, tenantId, courseId);
  return result;
}
