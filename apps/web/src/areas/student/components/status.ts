import type { EnrollmentStatus } from '../api-types';

/** Badge tone of an enrollment status. */
export function enrollmentTone(status: EnrollmentStatus): 'success' | 'warning' | 'danger' | undefined {
  if (status === 'active' || status === 'completed') return 'success';
  if (status === 'cancelled' || status === 'expired') return 'danger';
  return 'warning';
}

/** The lesson player's address. */
export const lessonPath = (courseId: string, lessonId: string) => `/learn/courses/${courseId}/lessons/${lessonId}`;
export const coursePath = (courseId: string) => `/learn/courses/${courseId}`;
export const examPath = (examId: string, courseId?: string | null) => `/learn/exams/${examId}${courseId ? `?course=${encodeURIComponent(courseId)}` : ''}`;
export const practicePath = (courseId: string) => `/learn/courses/${courseId}/practice`;
export const learningPathPath = (courseId: string) => `/learn/courses/${courseId}/path`;
export const placementPath = (courseId: string) => `/learn/courses/${courseId}/placement`;
export const attemptPath = (attemptId: string) => `/learn/attempts/${attemptId}`;
