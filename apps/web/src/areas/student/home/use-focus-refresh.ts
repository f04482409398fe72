import { useEffect, useRef } from 'react';

/** Coming back to a tab fires both `focus` and `visibilitychange`: one refresh is enough. */
const MIN_GAP_MS = 2_000;

/** Calls `refresh` when the tab becomes visible or the window regains focus (the student practised elsewhere). */
export function useFocusRefresh(refresh: () => void): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    let last = 0;
    const onReturn = () => {
      if (document.visibilityState !== 'visible' || Date.now() - last < MIN_GAP_MS) return;
      last = Date.now();
      latest.current();
    };
    globalThis.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      globalThis.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, []);
}
