import { AppError, type Cache } from '@tessera/platform';

export interface ThrottleOptions {
  /** Names the counters (`sign-in`, `mfa`, `reset`). */
  name: string;
  /** Failures allowed before the first lock. */
  freeFailures: number;
  /** The first lock; each further failure doubles it up to `maxLockMs`. */
  baseLockMs: number;
  maxLockMs: number;
  /** Failures are forgotten this long after the first one. */
  windowMs: number;
}

/**
 * Progressive lockout on a key (an account, an IP): after `freeFailures` failures, attempts are refused for
 * a lock that doubles with each further failure. Keys are counted whether or not an account exists, so the
 * lock says nothing about existence. Counters live in the shared cache: every API process sees them.
 */
export class AttemptThrottle {
  constructor(
    private readonly cache: Cache,
    private readonly options: ThrottleOptions,
  ) {}

  /** Throws `rate_limited` (429 with Retry-After) while `key` is locked. */
  async assertAllowed(key: string): Promise<void> {
    const until = await this.cache.get<number>(this.lockKey(key));
    const waitMs = (until ?? 0) - Date.now();
    if (waitMs > 0) {
      throw new AppError('rate_limited', `${this.options.name.toUpperCase().replace('-', '_')}.LOCKED`,
        'Too many failed attempts; wait before trying again', { retryAfter: Math.ceil(waitMs / 1000) });
    }
  }

  async recordFailure(key: string): Promise<void> {
    const failures = await this.cache.increment(this.failureKey(key), this.options.windowMs);
    const beyond = failures - this.options.freeFailures;
    if (beyond < 0) return;
    const lockMs = Math.min(this.options.baseLockMs * 2 ** beyond, this.options.maxLockMs);
    await this.cache.set(this.lockKey(key), Date.now() + lockMs, lockMs);
  }

  async recordSuccess(key: string): Promise<void> {
    await Promise.all([this.cache.delete(this.failureKey(key)), this.cache.delete(this.lockKey(key))]);
  }

  private failureKey(key: string): string {
    return `throttle:${this.options.name}:failures:${key}`;
  }

  private lockKey(key: string): string {
    return `throttle:${this.options.name}:lock:${key}`;
  }
}

/**
 * A plain budget per key and minute (per IP for sign-up, resets and sign-in), independent of success:
 * it bounds how fast one address can probe many accounts.
 */
export async function consumeBudget(cache: Cache, name: string, key: string, perMinute: number): Promise<void> {
  const window = Math.floor(Date.now() / 60_000);
  const used = await cache.increment(`budget:${name}:${key}:${window}`, 61_000);
  if (used > perMinute) {
    const retryAfter = Math.ceil(((window + 1) * 60_000 - Date.now()) / 1000);
    throw new AppError('rate_limited', 'IDENTITY.TOO_MANY_ATTEMPTS', 'Too many attempts from your address; wait a minute', { retryAfter });
  }
}
