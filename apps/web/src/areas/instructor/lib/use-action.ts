import { useCallback, useState } from 'react';
import { asApiError, type ApiError } from '../../../api/problem';

/**
 * One change at a time on a screen: which action is running (for its busy button) and the problem the
 * last one ran into, shown until the next action starts.
 */
export function useAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (name: string, work: () => Promise<void>): Promise<boolean> => {
    setBusy(name);
    setError(null);
    try {
      await work();
      return true;
    } catch (caught) {
      setError(asApiError(caught));
      return false;
    } finally {
      setBusy(null);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}
