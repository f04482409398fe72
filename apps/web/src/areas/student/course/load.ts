import { api, unwrap } from '../../../api/client';
import { asApiError, type ApiError } from '../../../api/problem';
import type { CourseStructure, Enrollment, ExamSummary, MyCourse, Progress, PublishedCourse } from '../api-types';
import { findMyCourse, LEARNING } from './enrollment';

export interface CoursePage {
  course: PublishedCourse;
  structure: CourseStructure;
  mine: MyCourse | null;
  enrollment: Enrollment | null;
  progress: Progress | null;
  /** The course's published exams once enrolled; an error of the assessment service stays in its section. */
  exams: { items: ExamSummary[] } | { error: ApiError } | null;
}

export async function loadCoursePage(courseId: string): Promise<CoursePage> {
  const [course, mine] = await Promise.all([
    unwrap(api.GET('/api/v1/courses/{courseId}', { params: { path: { courseId } } })),
    findMyCourse(courseId),
  ]);
  if (!('publishedAt' in course)) throw new Error('not a published course');
  const learning = mine !== null && LEARNING.includes(mine.status);
  const [structure, enrollment, progress, exams] = await Promise.all([
    // A student in progress follows the version they enrolled in, even after a newer one is published.
    unwrap(api.GET('/api/v1/courses/{courseId}/structure', { params: { path: { courseId }, query: learning ? { version: mine.courseVersion } : {} } })),
    mine ? unwrap(api.GET('/api/v1/enrollments/{enrollmentId}', { params: { path: { enrollmentId: mine.enrollmentId } } })) : null,
    learning ? unwrap(api.GET('/api/v1/enrollments/{enrollmentId}/progress', { params: { path: { enrollmentId: mine.enrollmentId } } })) : null,
    learning ? courseExams(courseId) : null,
  ]);
  return { course, structure, mine, enrollment, progress, exams };
}

async function courseExams(courseId: string): Promise<CoursePage['exams']> {
  try {
    return await unwrap(api.GET('/api/v1/courses/{courseId}/exams', { params: { path: { courseId } } }));
  } catch (error) {
    return { error: asApiError(error) };
  }
}

/** The first lesson of the outline, where a student who has not started begins. */
export function firstLesson(structure: CourseStructure): string | null {
  for (const module of structure.modules) {
    const [lesson] = module.lessons;
    if (lesson) return lesson.id;
  }
  return null;
}
