import type { ResponseOf } from '../lib/api-types';

export type Block = ResponseOf<'/api/v1/lessons/{lessonId}/blocks', 'get'>['items'][number];
export type LessonDraft = Extract<ResponseOf<'/api/v1/lessons/{lessonId}', 'get'>, { moduleId: string; version: number }>;
