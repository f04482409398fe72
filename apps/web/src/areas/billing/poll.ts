/** Waits `ms` milliseconds. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Asks `attempt` again every `intervalMs` until it answers something other than undefined, for `timeoutMs` at
 * most; then answers undefined. Billing and enrollment learn of each other's changes from events, a moment later.
 */
export async function pollUntil<T>(attempt: () => Promise<T | undefined>, options: { timeoutMs: number; intervalMs: number; live?: () => boolean }): Promise<T | undefined> {
  const giveUpAt = Date.now() + options.timeoutMs;
  for (;;) {
    const found = await attempt();
    if (found !== undefined) return found;
    if (Date.now() >= giveUpAt || options.live?.() === false) return undefined;
    await pause(options.intervalMs);
  }
}
