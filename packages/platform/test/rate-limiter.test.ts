import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache } from '../src/cache/cache.js';
import { createCache } from '../src/cache/create-cache.js';
import { RateLimiter } from '../src/http/rate-limiter.js';
import { createMetrics } from '../src/observability/metrics.js';
import { removeTestKeys, testBackends, uniqueToken } from '../src/testing/index.js';

const redisUrl = process.env.REDIS_URL;
const prefix = `tessera_test_${uniqueToken()}:`;

/** A clock the test moves by hand, so window boundaries are exact rather than raced. */
function manualClock(start: number) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe(`RateLimiter (${testBackends.cache})`, () => {
  let cache: Cache;

  beforeAll(async () => {
    cache = await createCache({ redisUrl, prefix, metrics: createMetrics({ processMetrics: false }) });
  });

  afterAll(async () => {
    await cache.close();
    if (!redisUrl) return;
    await removeTestKeys(redisUrl, prefix);
  });

  it('allows `limit` calls in a window, counting remaining down, then refuses', async () => {
    const clock = manualClock(1_000_000);
    const limiter = new RateLimiter(cache, { now: clock.now });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await limiter.consume('count-down', 3, 60_000));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0, 0]);
    expect(results.every((r) => r.limit === 3)).toBe(true);
  });

  it('reports the time left until the window resets', async () => {
    const clock = manualClock(60_000 * 100 + 15_000);
    const limiter = new RateLimiter(cache, { now: clock.now });
    expect((await limiter.consume('reset', 5, 60_000)).resetMs).toBe(45_000);
    clock.advance(44_999);
    expect((await limiter.consume('reset', 5, 60_000)).resetMs).toBe(1);
  });

  it('allows again in the next window', async () => {
    const clock = manualClock(60_000 * 200);
    const limiter = new RateLimiter(cache, { now: clock.now });
    await limiter.consume('next-window', 2, 60_000);
    await limiter.consume('next-window', 2, 60_000);
    expect((await limiter.consume('next-window', 2, 60_000)).allowed).toBe(false);
    clock.advance(60_000);
    expect(await limiter.consume('next-window', 2, 60_000)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('allows again once a real window has passed', async () => {
    const limiter = new RateLimiter(cache);
    const first = await limiter.consume('real-window', 1, 200);
    const second = await limiter.consume('real-window', 1, 200);
    // Two calls can straddle a boundary; then both are allowed, which is fine for this test.
    expect(first.allowed).toBe(true);
    if (second.allowed) return;
    await expect.poll(async () => (await limiter.consume('real-window', 1, 200)).allowed, { timeout: 3_000, interval: 50 }).toBe(true);
  });

  it('keeps keys apart', async () => {
    const clock = manualClock(60_000 * 300);
    const limiter = new RateLimiter(cache, { now: clock.now });
    expect((await limiter.consume('alice', 1, 60_000)).allowed).toBe(true);
    expect((await limiter.consume('alice', 1, 60_000)).allowed).toBe(false);
    expect((await limiter.consume('bob', 1, 60_000)).allowed).toBe(true);
  });

  it('shares the count between limiters on one cache, as processes sharing Redis would', async () => {
    const clock = manualClock(60_000 * 400);
    const one = new RateLimiter(cache, { now: clock.now });
    const two = new RateLimiter(cache, { now: clock.now });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).consume('shared', 6, 60_000)));
    expect(results.filter((r) => r.allowed)).toHaveLength(6);
    expect((await one.consume('shared', 6, 60_000)).allowed).toBe(false);
    expect((await two.consume('shared', 6, 60_000)).remaining).toBe(0);
  });

  it('rejects a nonsensical limit or window', async () => {
    const limiter = new RateLimiter(cache);
    await expect(limiter.consume('bad', -1, 1_000)).rejects.toThrow(RangeError);
    await expect(limiter.consume('bad', 1, 0)).rejects.toThrow(RangeError);
  });
});
