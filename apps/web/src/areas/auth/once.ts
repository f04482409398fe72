const started = new Map<string, Promise<unknown>>();

/**
 * Runs a one-time request (spending an emailed link, collecting an SSO code) once per key, even when a
 * screen mounts twice (React's development double effects, a remount after a language change). A failed
 * run is forgotten, so "Try again" really asks again.
 */
export function once<T>(key: string, run: () => Promise<T>): Promise<T> {
  const running = started.get(key) as Promise<T> | undefined;
  if (running) return running;
  const promise = run();
  started.set(key, promise);
  promise.catch(() => started.delete(key));
  return promise;
}
