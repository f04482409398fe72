import type { ResponseOf } from '../lib/api-types';

export type CourseDraft = Extract<ResponseOf<'/api/v1/courses/{courseId}', 'get'>, { status: string }>;
export type CourseModule = ResponseOf<'/api/v1/courses/{courseId}/modules', 'get'>['items'][number];
export type CourseLesson = ResponseOf<'/api/v1/modules/{moduleId}/lessons', 'get'>['items'][number];
export type OutlineModule = CourseModule & { lessons: CourseLesson[] };
