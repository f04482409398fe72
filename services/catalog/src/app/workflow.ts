import { randomUUID } from 'node:crypto';
import { AppError, type Tx } from '@tessera/platform';
import { CatalogEvents, type Course, type CourseArchivedData, type ReviewEntry } from '../contract/index.js';
import type { CatalogDatabase, CourseRow } from '../db/catalog.table.js';
import { findCourse, setCourseStatus } from '../db/course.repository.js';
import { removeCourseDocuments } from '../db/search.repository.js';
import { logReview, reviewLogOf } from '../db/version.repository.js';
import { assertMayEdit, assertMayReadDraft, type Editor } from './editor.js';
import { catalogErrors } from './errors.js';
import type { PublishDeps } from './publish-course.js';
import { forgetPublished } from './published-reads.js';
import { forgetSearches } from './search-cache.js';

interface Transition {
  courseId: string;
  expectedVersion: number;
  actorId: string | null;
  comment?: string | undefined;
  /** When set, only the course's co-authors (or managers of all courses) may take this step. */
  editor?: Editor;
}

/** Submits a draft for review (co-authors only); the course is frozen until a reviewer decides. */
export async function submitForReview(deps: PublishDeps, tenantId: string, command: Transition & { editor: Editor }): Promise<Course> {
  return transition(deps, tenantId, command, ['draft'], async (tx, course) => {
    await setCourseStatus(tx, tenantId, course.id, { status: 'in_review', submittedBy: command.actorId });
    await logReview(tx, tenantId, { id: randomUUID(), courseId: course.id, action: 'submitted', actorId: command.actorId, comment: command.comment ?? null, version: null });
  });
}

/** Sends a course in review back to its authors as a draft, saying why. */
export async function rejectReview(deps: PublishDeps, tenantId: string, command: Transition): Promise<Course> {
  return transition(deps, tenantId, command, ['in_review'], async (tx, course) => {
    await setCourseStatus(tx, tenantId, course.id, { status: 'draft', reviewedBy: command.actorId });
    await logReview(tx, tenantId, { id: randomUUID(), courseId: course.id, action: 'rejected', actorId: command.actorId, comment: command.comment ?? null, version: null });
  });
}

/**
 * Archives a course: it leaves catalogs and search, new students cannot see it; students in progress keep
 * reading their frozen version. Publishing it again brings it back.
 */
export async function archiveCourse(deps: PublishDeps, tenantId: string, command: Transition): Promise<Course> {
  const course = await transition(deps, tenantId, command, ['draft', 'in_review', 'published'], async (tx, current) => {
    await setCourseStatus(tx, tenantId, current.id, { status: 'archived' });
    await logReview(tx, tenantId, { id: randomUUID(), courseId: current.id, action: 'archived', actorId: command.actorId, comment: command.comment ?? null, version: current.publishedVersion });
    await removeCourseDocuments(tx, tenantId, current.id);
    const data: CourseArchivedData = { courseId: current.id, version: current.publishedVersion, archivedAt: new Date().toISOString() };
    await deps.outbox.emit(tx, tenantId, [{ name: CatalogEvents.courseArchived, subject: current.id, data }]);
  });
  await forgetPublished(deps.cache, tenantId, course.id);
  await forgetSearches(deps.cache, tenantId, { publicCatalog: true });
  return course;
}

/** The review history of a course (for its co-authors and reviewers, like its draft). */
export async function reviewHistory(deps: Pick<PublishDeps, 'db'>, tenantId: string, courseId: string, reader: Editor): Promise<ReviewEntry[]> {
  return deps.db.withTenant<CatalogDatabase, ReviewEntry[]>(tenantId, async (tx) => {
    await assertMayReadDraft(tx, tenantId, courseId, reader);
    return reviewLogOf(tx, tenantId, courseId);
  });
}

async function transition(
  deps: PublishDeps, tenantId: string, command: Transition, from: ReadonlyArray<CourseRow['status']>,
  apply: (tx: Tx<CatalogDatabase>, course: Course) => Promise<void>,
): Promise<Course> {
  return deps.db.withTenant<CatalogDatabase, Course>(tenantId, async (tx) => {
    const course = await findCourse(tx, tenantId, command.courseId, true);
    if (!course) throw catalogErrors.courseNotFound(command.courseId);
    if (command.editor) assertMayEdit(course, command.editor);
    if (course.version !== command.expectedVersion) throw catalogErrors.stale('course', course.id, command.expectedVersion, course.version);
    if (!from.includes(course.status)) {
      throw new AppError('conflict', 'CATALOG.INVALID_TRANSITION', `Course ${course.id} is ${course.status}; this step needs it ${from.join(' or ')}`);
    }
    await apply(tx, course);
    return (await findCourse(tx, tenantId, course.id, false))!;
  });
}
