import { useCallback, useState } from 'react';
import { asApiError, type ApiError } from '../../../api/problem';

/** A form's submission: busy while it runs, the problem when it fails (cleared on the next try). */
export function useAttempt() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const attempt = useCallback(async (work: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (caught) {
      setError(asApiError(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, attempt };
}
