import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../../../api/problem';

/**
 * A list edited in place (a course outline, a lesson's blocks). Each change shows at once (optimistically)
 * and is sent after the changes before it, given the list they left (each with the version the one before
 * left), so quick edits never race each other; when one fails, the list is read again and the problem kept.
 */
export function useChangeQueue<T>(load: () => Promise<T[]>, source: string, onChanged?: () => void) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(0);
  const latest = useRef<T[]>([]);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const show = useCallback((next: T[]) => {
    latest.current = next;
    setItems(next);
  }, []);
  const reload = useCallback(() => {
    load().then(show, (caught: unknown) => setError(asApiError(caught)));
    // `load` is a fresh closure each render; `source` (the course, the lesson) says when it reads another list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, show]);
  useEffect(reload, [reload]);

  /**
   * Applies `optimistic` now, then runs `send` after the changes before it; `send` returns the list the
   * server confirmed. Resolves whether the change went through.
   */
  const change = (optimistic: ((current: T[]) => T[]) | null, send: (current: T[]) => Promise<T[]>): Promise<boolean> => {
    setError(null);
    if (optimistic) show(optimistic(latest.current));
    setPending((n) => n + 1);
    const run = queue.current.then(async () => {
      try {
        show(await send(latest.current));
        onChanged?.();
        return true;
      } catch (caught) {
        setError(asApiError(caught));
        reload();
        return false;
      } finally {
        setPending((n) => n - 1);
      }
    });
    queue.current = run;
    return run;
  };
  /** The list as the latest change left it (to look an entry up before a change removes it). */
  const latestItems = () => latest.current;
  return { items, error, saving: pending > 0, change, latest: latestItems };
}
