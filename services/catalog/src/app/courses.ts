import { randomUUID } from 'node:crypto';
import { AppError, type Database } from '@tessera/platform';
import type { Course, CreateCourseBody, UpdateCourseBody } from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { addInstructor, findCourse, insertCourse, instructorsOf, removeInstructor, updateCourseFields } from '../db/course.repository.js';
import { assertMayEdit, lockEditableCourse, type Editor } from './editor.js';
import { catalogErrors } from './errors.js';

/** Creates a draft course; its creator (if any) is its first instructor. */
export async function createCourse(db: Database, tenantId: string, creatorId: string | null, body: CreateCourseBody, id: string = randomUUID()): Promise<Course> {
  return db.withTenant<CatalogDatabase, Course>(tenantId, (tx) => insertCourse(tx, tenantId, id, body, creatorId));
}

/** Changes a course's fields if the editor saw its current version. */
export async function updateCourse(db: Database, tenantId: string, command: { id: string; changes: UpdateCourseBody; expectedVersion: number; editor: Editor }): Promise<Course> {
  return db.withTenant<CatalogDatabase, Course>(tenantId, async (tx) => {
    const course = await lockEditableCourse(tx, tenantId, command.id, command.editor);
    if (!(await updateCourseFields(tx, tenantId, command.id, command.changes, command.expectedVersion))) {
      throw catalogErrors.stale('course', command.id, command.expectedVersion, course.version);
    }
    return (await findCourse(tx, tenantId, command.id, false))!;
  });
}

/** A course draft (without its tree). */
export async function getCourseDraft(db: Database, tenantId: string, id: string): Promise<Course> {
  const course = await db.withTenant<CatalogDatabase, Course | undefined>(tenantId, (tx) => findCourse(tx, tenantId, id, false));
  if (!course) throw catalogErrors.courseNotFound(id);
  return course;
}

/** The instructors of a course. */
export async function listInstructors(db: Database, tenantId: string, courseId: string): Promise<string[]> {
  return db.withTenant<CatalogDatabase, string[]>(tenantId, async (tx) => {
    if (!(await findCourse(tx, tenantId, courseId, false))) throw catalogErrors.courseNotFound(courseId);
    return instructorsOf(tx, tenantId, courseId);
  });
}

/**
 * Adds or removes a co-author. Only a co-author (or a manager of all courses) may; the last instructor
 * stays, so a course never ends up without anyone who may edit it but admins.
 */
export async function changeInstructors(db: Database, tenantId: string, command: { courseId: string; userId: string; add: boolean; editor: Editor }): Promise<string[]> {
  return db.withTenant<CatalogDatabase, string[]>(tenantId, async (tx) => {
    const course = await findCourse(tx, tenantId, command.courseId, true);
    if (!course) throw catalogErrors.courseNotFound(command.courseId);
    assertMayEdit(course, command.editor);
    if (command.add) {
      await addInstructor(tx, tenantId, command.courseId, command.userId);
    } else {
      if (!course.instructors.includes(command.userId)) {
        throw new AppError('not_found', 'CATALOG.INSTRUCTOR_NOT_FOUND', `User ${command.userId} is not an instructor of course ${command.courseId}`);
      }
      if (course.instructors.length === 1) {
        throw new AppError('conflict', 'CATALOG.LAST_INSTRUCTOR', `User ${command.userId} is the only instructor of course ${command.courseId}`);
      }
      await removeInstructor(tx, tenantId, command.courseId, command.userId);
    }
    return instructorsOf(tx, tenantId, command.courseId);
  });
}
