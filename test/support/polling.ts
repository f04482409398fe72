/** Waiting helpers shared by the tests that drive processes and servers of their own. */

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns a value other than `undefined` (bounded), else throws with `describe()` and the last error. */
export async function eventually<T>(probe: () => Promise<T | undefined>, options: { timeoutMs?: number; intervalMs?: number; describe?: () => string } = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`not within ${timeoutMs / 1000} s${options.describe ? `: ${options.describe()}` : ''}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await sleep(options.intervalMs ?? 250);
  }
}
