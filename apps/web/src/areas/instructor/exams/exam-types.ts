import type { BodyOf, ResponseOf } from '../lib/api-types';

export type Exam = ResponseOf<'/api/v1/exams/{examId}', 'get'>;
export type ExamBody = BodyOf<'/api/v1/exams/{examId}', 'put'>;
export type Settings = Exam['settings'];
export type Section = Exam['sections'][number];
export type Category = Exam['category'];
export const CATEGORIES: Category[] = ['quiz', 'exam', 'assignment', 'practice'];
