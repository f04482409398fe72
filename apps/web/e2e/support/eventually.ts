import { expect } from 'vitest';

/**
 * `expect.poll` with room for a loaded machine (argon2 sign-ins, a server round trip, other test files in
 * parallel): its own default gives up after one second.
 */
export function eventually<T>(read: () => T | Promise<T>, options: { timeout?: number; interval?: number } = {}) {
  return expect.poll(read, { timeout: 15_000, interval: 100, ...options });
}
