import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from './problem';

export type Resource<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: ApiError }
  | { status: 'ready'; data: T; error?: undefined };

export interface ResourceHandle<T> {
  state: Resource<T>;
  /** Loads again (after a change elsewhere, or the user's "Try again"). */
  reload(): void;
  /** Replaces the data in place: optimistic updates, or the server's answer to a change. */
  update(change: (data: T) => T): void;
}

/**
 * Loads data for a screen and keeps loading / error / ready apart. An answer that arrives after the
 * inputs changed (a newer load started) is dropped, so a slow response never overwrites a fresh one.
 */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): ResourceHandle<T> {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const generation = useRef(0);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    const mine = ++generation.current;
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    load().then(
      (data) => mine === generation.current && setState({ status: 'ready', data }),
      (error: unknown) => mine === generation.current && setState({ status: 'error', error: asApiError(error) }),
    );
    // `load` is a fresh closure each render; `deps` says when it means something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const update = useCallback((change: (data: T) => T) => {
    setState((previous) => (previous.status === 'ready' ? { status: 'ready', data: change(previous.data) } : previous));
  }, []);
  return { state, reload, update };
}
