import { api, unwrap } from '../../../api/client';
import type { EnrollmentStatus, MyCourse } from '../api-types';

const PAGE = 100;
const MAX_PAGES = 10;
const ENDED: readonly EnrollmentStatus[] = ['cancelled', 'expired'];

/** The statuses in which a student can open lessons and report progress. */
export const LEARNING: readonly EnrollmentStatus[] = ['active', 'completed'];

/**
 * The student's enrollment in a course (with progress), or null. The API lists enrollments per student, not
 * per course, so this pages through `GET /me/courses` (newest first) and prefers one that has not ended.
 */
export async function findMyCourse(courseId: string): Promise<MyCourse | null> {
  let cursor: string | undefined;
  let ended: MyCourse | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await unwrap(api.GET('/api/v1/me/courses', { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } }));
    for (const course of result.items) {
      if (course.courseId !== courseId) continue;
      if (!ENDED.includes(course.status)) return course;
      ended ??= course;
    }
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return ended;
}

/** Every course the student is in (first pages of `GET /me/courses`). */
export async function myCourses(): Promise<{ items: MyCourse[]; more: boolean }> {
  const items: MyCourse[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await unwrap(api.GET('/api/v1/me/courses', { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } }));
    items.push(...result.items);
    if (!result.nextCursor) return { items, more: false };
    cursor = result.nextCursor;
  }
  return { items, more: true };
}
