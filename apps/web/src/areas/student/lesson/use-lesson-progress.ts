import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { asApiError, type ApiError } from '../../../api/problem';
import type { Progress } from '../api-types';
import { StudyClock } from './time-spent';

const REPORT_EVERY_MS = 30_000;

export interface LessonProgress {
  progress: Progress | null;
  completed: boolean;
  error: ApiError | null;
  complete(): Promise<boolean>;
}

/**
 * Opens the lesson for the enrollment (it becomes the resume point) and reports the time spent on it: every
 * 30 seconds while it is shown, when leaving it, and with "mark complete".
 */
export function useLessonProgress(enrollmentId: string | null, lessonId: string): LessonProgress {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const clock = useRef<StudyClock | null>(null);

  useEffect(() => {
    if (!enrollmentId) return;
    const study = new StudyClock();
    clock.current = study;
    let live = true;
    const report = (seconds: number) =>
      unwrap(api.POST('/api/v1/enrollments/{enrollmentId}/lessons/{lessonId}/start', { params: { path: { enrollmentId, lessonId } }, body: { secondsSpent: seconds } }));
    report(0).then((answer) => live && setProgress(answer), (caught: unknown) => live && setError(asApiError(caught)));
    const timer = setInterval(() => {
      const seconds = study.take();
      if (seconds > 0) report(seconds).then((answer) => live && setProgress(answer), () => undefined);
    }, REPORT_EVERY_MS);
    const onVisibility = () => study.visibilityChanged();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      live = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      const seconds = study.take();
      // Leaving the lesson: the last seconds go too (best effort; nothing waits for it).
      if (seconds > 0) void report(seconds).catch(() => undefined);
      clock.current = null;
    };
  }, [enrollmentId, lessonId]);

  const complete = useCallback(async () => {
    if (!enrollmentId) return false;
    setError(null);
    try {
      const seconds = clock.current?.take() ?? 0;
      const answer = await unwrap(api.POST('/api/v1/enrollments/{enrollmentId}/lessons/{lessonId}/complete', { params: { path: { enrollmentId, lessonId } }, body: { secondsSpent: seconds } }));
      setProgress(answer);
      return true;
    } catch (caught) {
      setError(asApiError(caught));
      return false;
    }
  }, [enrollmentId, lessonId]);

  const completed = Boolean(progress?.lessons.find((lesson) => lesson.lessonId === lessonId)?.completedAt);
  return { progress, completed, error, complete };
}
