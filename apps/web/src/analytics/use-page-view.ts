import { useEffect } from 'react';
import { clampDuration } from './events';
import { onPageLeave, track } from './tracker';

/**
 * Shorter than this is no view: a screen replaced at once, or React's development double mount (which
 * unmounts and mounts again straight away).
 */
const MIN_VIEW_MS = 250;

const visible = () => document.visibilityState !== 'hidden';

/**
 * Sends a `page_view` with the time the screen was shown when the student leaves it: another screen, or the
 * page hidden or closed (hiding is the last moment a browser reliably lets a page send anything, so a view
 * ends there; coming back starts another).
 */
export function usePageView(courseId: string, lessonId: string): void {
  useEffect(() => {
    // Read now: by the time a navigation unmounts the screen, the address is the next screen's.
    const path = location.pathname.slice(0, 500);
    let since: number | null = visible() ? Date.now() : null;
    const end = () => {
      if (since === null) return;
      const durationMs = clampDuration(Date.now() - since);
      since = null;
      if (durationMs >= MIN_VIEW_MS) track({ type: 'page_view', courseId, lessonId, path, durationMs });
    };
    const onVisibility = () => {
      if (visible()) since ??= Date.now();
    };
    const stopListening = onPageLeave(end);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopListening();
      document.removeEventListener('visibilitychange', onVisibility);
      end();
    };
  }, [courseId, lessonId]);
}
