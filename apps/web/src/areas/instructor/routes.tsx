import type { RouteObject } from 'react-router';
import { screen } from '../../app/lazy';

// Screens of the instructor area under /teach, each loaded lazily (one chunk per screen).
export const routes: RouteObject[] = [
  { index: true, lazy: screen(() => import('./Courses')) },
  { path: 'courses/:courseId', lazy: screen(() => import('./courses/CourseAuthoring')) },
  { path: 'courses/:courseId/roster', lazy: screen(() => import('./courses/Roster')) },
  { path: 'courses/:courseId/exams', lazy: screen(() => import('./exams/CourseExams')) },
  { path: 'courses/:courseId/gradebook', lazy: screen(() => import('./gradebook/Gradebook')) },
  { path: 'courses/:courseId/adaptive', lazy: screen(() => import('./adaptive/AdaptiveInsights')) },
  { path: 'courses/:courseId/analytics', lazy: screen(() => import('./analytics/CourseAnalytics')) },
  { path: 'courses/:courseId/announcements', lazy: screen(() => import('../notifications/announcements/CourseAnnouncements')) },
  { path: 'lessons/:lessonId', lazy: screen(() => import('./lessons/LessonEditor')) },
  { path: 'items', lazy: screen(() => import('./items/ItemBank')) },
  { path: 'items/new', lazy: screen(() => import('./items/ItemEdit')) },
  { path: 'items/:itemId', lazy: screen(() => import('./items/ItemEdit')) },
  { path: 'skills', lazy: screen(() => import('./skills/SkillGraphScreen')) },
  { path: 'exams/:examId', lazy: screen(() => import('./exams/ExamBuilder')) },
  { path: 'exams/:examId/grading', lazy: screen(() => import('./exams/GradingQueue')) },
  { path: 'exams/:examId/analysis', lazy: screen(() => import('./exams/ItemAnalysis')) },
];
