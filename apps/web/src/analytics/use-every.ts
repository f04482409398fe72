import { useEffect, useRef } from 'react';

/** Calls `tick` every `ms` while the page is shown (a hidden tab asks the server nothing). */
export function useEvery(ms: number, tick: () => void): void {
  const latest = useRef(tick);
  useEffect(() => {
    latest.current = tick;
  });
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') latest.current();
    }, ms);
    return () => clearInterval(timer);
  }, [ms]);
}
