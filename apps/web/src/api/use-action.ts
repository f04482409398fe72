import { useCallback, useState } from 'react';
import { asApiError, type ApiError } from './problem';

type Work = () => Promise<void>;

interface Run {
  (work: Work): Promise<boolean>;
  /** A named action, so the screen can show which of its buttons is busy (`running === name`). */
  (name: string, work: Work): Promise<boolean>;
}

export interface ActionHandle {
  /** An action is running (forms and single buttons show their busy state with this). */
  busy: boolean;
  /** The name of the running action, or null. */
  running: string | null;
  /** The problem the last action ran into, shown until the next one starts. */
  error: ApiError | null;
  setError(error: ApiError | null): void;
  /** Runs `work` and resolves true when it succeeded; a failure lands in `error` instead of being thrown. */
  run: Run;
}

/** A screen's changes (a form's submission, a button's action), one at a time: busy while running, the problem when it fails. */
export function useAction(): ActionHandle {
  const [running, setRunning] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback<Run>(async (first: string | Work, second?: Work): Promise<boolean> => {
    const [name, work] = typeof first === 'string' ? [first, second!] : ['', first];
    setRunning(name);
    setError(null);
    try {
      await work();
      return true;
    } catch (caught) {
      setError(asApiError(caught));
      return false;
    } finally {
      setRunning(null);
    }
  }, []);
  return { busy: running !== null, running, error, setError, run };
}
