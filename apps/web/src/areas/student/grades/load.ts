import { api, unwrap } from '../../../api/client';
import { asApiError, type ApiError } from '../../../api/problem';
import type { Gradebook, MyCourse, Progress } from '../api-types';
import { LEARNING, myCourses } from '../course/enrollment';

export interface CourseGrades {
  course: MyCourse;
  gradebook: Gradebook | { error: ApiError };
  progress: Progress | { error: ApiError };
}

const settle = <T,>(promise: Promise<T>): Promise<T | { error: ApiError }> => promise.catch((error: unknown) => ({ error: asApiError(error) }));

/** Per course the student learns in: their gradebook row and their progress, read in parallel. */
export async function loadGrades(): Promise<{ courses: CourseGrades[]; more: boolean }> {
  const mine = await myCourses();
  const learning = mine.items.filter((course) => LEARNING.includes(course.status));
  const courses = await Promise.all(learning.map(async (course) => {
    const [gradebook, progress] = await Promise.all([
      settle(unwrap(api.GET('/api/v1/me/gradebook', { params: { query: { courseId: course.courseId } } }))),
      settle(unwrap(api.GET('/api/v1/enrollments/{enrollmentId}/progress', { params: { path: { enrollmentId: course.enrollmentId } } }))),
    ]);
    return { course, gradebook, progress };
  }));
  return { courses, more: mine.more };
}
