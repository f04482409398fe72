import type { Cache } from '../cache/cache.js';

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  /** Calls still allowed in the current window. */
  remaining: number;
  /** Milliseconds until the current window ends and the count starts again. */
  resetMs: number;
}

export interface RateLimiterOptions {
  /** Namespaces the counters within the cache. */
  keyPrefix?: string;
  now?: () => number;
}

// Counters outlive their window by this much so that a process whose clock lags still finds the count of
// the window it believes current instead of starting it afresh.
const CLOCK_SKEW_GRACE_MS = 1_000;

/**
 * Fixed-window rate limiting: one counter per key and window, numbered from the epoch, so processes sharing
 * a Redis cache agree on the windows and share the counts. A burst of up to twice the limit is possible across
 * a window boundary; that is the price of one increment per call.
 */
export class RateLimiter {
  private readonly keyPrefix: string;
  private readonly now: () => number;

  constructor(
    private readonly cache: Cache,
    options: RateLimiterOptions = {},
  ) {
    this.keyPrefix = options.keyPrefix ?? 'ratelimit:';
    this.now = options.now ?? Date.now;
  }

  async consume(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
    const [result] = await this.consumeAll([{ key, limit }], windowMs);
    return result as RateLimitResult;
  }

  /** One call of each limit, counted in one round trip to the cache. */
  async consumeAll(limits: ReadonlyArray<{ key: string; limit: number }>, windowMs: number): Promise<RateLimitResult[]> {
    if (!Number.isInteger(windowMs) || windowMs <= 0) throw new RangeError(`windowMs must be a positive integer, got ${windowMs}`);
    for (const { limit } of limits) {
      if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a non-negative integer, got ${limit}`);
    }
    const now = this.now();
    const window = Math.floor(now / windowMs);
    const resetMs = (window + 1) * windowMs - now;
    // windowMs is in the key so that two limits on the same key with different windows never share a count.
    const counterKeys = limits.map(({ key }) => `${this.keyPrefix}${key}:${windowMs}:${window}`);
    const counts = await this.cache.incrementAll(counterKeys, resetMs + CLOCK_SKEW_GRACE_MS);
    return limits.map(({ limit }, i) => {
      const count = counts[i] as number;
      return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetMs };
    });
  }
}
