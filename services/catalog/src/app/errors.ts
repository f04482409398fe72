import { AppError } from '@tessera/platform';

/** Errors of the catalog; another tenant's objects are equally "not found". */
export const catalogErrors = {
  courseNotFound: (id: string) => new AppError('not_found', 'CATALOG.COURSE_NOT_FOUND', `No course ${id}`),
  notPublished: (id: string) => new AppError('not_found', 'CATALOG.COURSE_NOT_PUBLISHED', `Course ${id} has no published version`),
  versionNotFound: (id: string, version: number) => new AppError('not_found', 'CATALOG.VERSION_NOT_FOUND', `Course ${id} has no published version ${version}`),
  moduleNotFound: (id: string) => new AppError('not_found', 'CATALOG.MODULE_NOT_FOUND', `No module ${id}`),
  lessonNotFound: (id: string) => new AppError('not_found', 'CATALOG.LESSON_NOT_FOUND', `No lesson ${id}`),
  blockNotFound: (id: string) => new AppError('not_found', 'CATALOG.BLOCK_NOT_FOUND', `No block ${id}`),
  skillNotFound: (id: string) => new AppError('not_found', 'CATALOG.SKILL_NOT_FOUND', `No skill ${id}`),
  stale: (what: string, id: string, expected: number, current: number) =>
    new AppError('precondition_failed', 'CATALOG.VERSION_MISMATCH', `The ${what} ${id} is at version ${current}, not ${expected}`),
  /**
   * A paid course's content (a lesson, or with `lessonId` null the whole version) for someone who neither is
   * enrolled nor bought the lesson; the ids let a client offer to buy.
   */
  contentLocked: (courseId: string, lessonId: string | null) =>
    new AppError('forbidden', 'CATALOG.CONTENT_LOCKED', lessonId ? 'Enroll in the course or buy this lesson to open it' : 'Enroll in the course to open it', { courseId, lessonId }),
  notAuthor: (courseId: string) =>
    new AppError('forbidden', 'AUTH.NOT_OWNER', `Only instructors of course ${courseId} (or holders of catalog.content.manage_all) may change it`),
};
