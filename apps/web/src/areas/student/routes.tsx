import type { RouteObject } from 'react-router';
import { screen } from '../../app/lazy';

// Screens of this area, each loaded lazily: `{ path: 'x', lazy: screen(() => import('./X')) }`.
export const routes: RouteObject[] = [
  { index: true, lazy: screen(() => import('./Home')) },
  { path: 'catalog', lazy: screen(() => import('./Catalog')) },
  { path: 'courses/:courseId', lazy: screen(() => import('./Course')) },
  { path: 'courses/:courseId/lessons/:lessonId', lazy: screen(() => import('./Lesson')) },
  { path: 'courses/:courseId/practice', lazy: screen(() => import('./Practice')) },
  { path: 'courses/:courseId/path', lazy: screen(() => import('./LearningPath')) },
  { path: 'courses/:courseId/placement', lazy: screen(() => import('./PlacementTest')) },
  { path: 'practice', lazy: screen(() => import('./PracticeOverview')) },
  { path: 'exams/:examId', lazy: screen(() => import('./ExamStart')) },
  { path: 'attempts/:attemptId', lazy: screen(() => import('./Attempt')) },
  { path: 'grades', lazy: screen(() => import('./Grades')) },
  { path: 'progress', lazy: screen(() => import('./analytics/MyProgress')) },
];
