import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../src/cache/cache.js';
import { createCache } from '../src/cache/create-cache.js';
import { RedisCache } from '../src/cache/redis-cache.js';
import { createMetrics, type Metrics } from '../src/observability/metrics.js';
import { removeTestKeys, testBackends, uniqueToken } from '../src/testing/index.js';

const redisUrl = process.env.REDIS_URL;
const prefix = `tessera_test_${uniqueToken()}:`;

async function requests(metrics: Metrics, result: 'hit' | 'miss'): Promise<number> {
  const metric = metrics.registry.getSingleMetric('tessera_cache_requests_total');
  if (!metric) throw new Error('cache counter is not registered');
  const { values } = await metric.get();
  return values.find((v) => v.labels.cache === testBackends.cache && v.labels.result === result)?.value ?? 0;
}

afterAll(async () => {
  if (!redisUrl) return;
  // Only this file's keys: the Redis is shared with other test files and developers.
  await removeTestKeys(redisUrl, prefix);
});

describe(`cache contract (${testBackends.cache})`, () => {
  let metrics: Metrics;
  let cache: Cache;

  beforeEach(async () => {
    metrics = createMetrics({ processMetrics: false });
    cache = await createCache({ redisUrl, prefix, metrics });
  });

  afterEach(async () => {
    await cache.close();
  });

  it('is the backend the environment asks for', async () => {
    expect(cache.kind).toBe(testBackends.cache);
    await expect(cache.ping()).resolves.toBeUndefined();
  });

  it('round-trips JSON values and misses unknown keys', async () => {
    const value = { name: 'Ada', tags: ['a', 'b'], nested: { n: 1.5, ok: true, none: null } };
    await cache.set('round-trip', value, 60_000);
    expect(await cache.get('round-trip')).toEqual(value);
    await cache.set('round-trip-scalar', 42, 60_000);
    expect(await cache.get('round-trip-scalar')).toBe(42);
    expect(await cache.get('never-set')).toBeUndefined();
  });

  it('overwrites a value and its TTL', async () => {
    await cache.set('overwrite', 'first', 60_000);
    await cache.set('overwrite', 'second', 60_000);
    expect(await cache.get('overwrite')).toBe('second');
  });

  it('expires values after their TTL', async () => {
    await cache.set('short', 'soon gone', 100);
    await cache.set('long', 'stays', 60_000);
    await expect.poll(() => cache.get('short'), { timeout: 3_000, interval: 25 }).toBeUndefined();
    expect(await cache.get('long')).toBe('stays');
  });

  it('deletes', async () => {
    await cache.set('doomed', { a: 1 }, 60_000);
    await cache.delete('doomed');
    expect(await cache.get('doomed')).toBeUndefined();
    await expect(cache.delete('doomed')).resolves.toBeUndefined();
  });

  it('rejects a TTL that is not positive', async () => {
    await expect(cache.set('bad-ttl', 1, 0)).rejects.toThrow(RangeError);
    await expect(cache.increment('bad-ttl', -5)).rejects.toThrow(RangeError);
  });

  it('increments atomically under 100 concurrent calls', async () => {
    const results = await Promise.all(Array.from({ length: 100 }, () => cache.increment('counter', 60_000)));
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(await cache.get('counter')).toBe(100);
  });

  it('increments several counters in one call, each with its own count and expiry', async () => {
    await cache.increment('pair-a', 60_000);
    expect(await cache.incrementAll(['pair-a', 'pair-b'], 60_000)).toEqual([2, 1]);
    const rounds = await Promise.all(Array.from({ length: 20 }, () => cache.incrementAll(['pair-a', 'pair-b'], 60_000)));
    expect(rounds.map(([b]) => b).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(Array.from({ length: 20 }, (_, i) => i + 3));
    expect(await cache.get('pair-b')).toBe(21);
    await cache.incrementAll(['pair-short'], 150);
    await expect.poll(() => cache.get('pair-short'), { timeout: 3_000, interval: 25 }).toBeUndefined();
    expect(await cache.incrementAll([], 60_000)).toEqual([]);
  });

  it('expires a counter after its TTL and starts again at 1', async () => {
    await Promise.all(Array.from({ length: 10 }, () => cache.increment('expiring-counter', 150)));
    await expect.poll(() => cache.get('expiring-counter'), { timeout: 3_000, interval: 25 }).toBeUndefined();
    expect(await cache.increment('expiring-counter', 60_000)).toBe(1);
  });

  it('counts the TTL from the first increment, not the latest', async () => {
    expect(await cache.increment('fixed-window', 400)).toBe(1);
    // Increments every 50 ms would keep a sliding expiry alive forever; a fixed one lets the count restart.
    await expect.poll(() => cache.increment('fixed-window', 400), { timeout: 5_000, interval: 50 }).toBe(1);
  });

  it('counts hits and misses of get', async () => {
    await cache.set('counted', 'x', 60_000);
    await cache.get('counted');
    await cache.get('counted');
    await cache.get('not-there');
    expect(await requests(metrics, 'hit')).toBe(2);
    expect(await requests(metrics, 'miss')).toBe(1);
  });

  it('loads once for 20 concurrent callers: 1 miss, and 19 hits for the callers that joined the load', async () => {
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { loaded: loads };
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.getOrLoad('single-flight', 60_000, load)));
    expect(loads).toBe(1);
    expect(results).toEqual(Array.from({ length: 20 }, () => ({ loaded: 1 })));
    expect(await requests(metrics, 'miss')).toBe(1);
    expect(await requests(metrics, 'hit')).toBe(19);

    // Now stored: served without loading, one more hit.
    expect(await cache.getOrLoad('single-flight', 60_000, load)).toEqual({ loaded: 1 });
    expect(loads).toBe(1);
    expect(await requests(metrics, 'hit')).toBe(20);
  });

  it('caches nothing when the loader fails, so the next call loads again', async () => {
    const failing = () => Promise.reject(new Error('source down'));
    const settled = await Promise.allSettled([1, 2, 3].map(() => cache.getOrLoad('failing', 60_000, failing)));
    expect(settled.every((s) => s.status === 'rejected')).toBe(true);
    expect(await cache.getOrLoad('failing', 60_000, async () => 'recovered')).toBe('recovered');
    expect(await cache.get('failing')).toBe('recovered');
  });

  it('never lets callers mutate what is cached', async () => {
    const original = { list: [1, 2], inner: { n: 1 } };
    await cache.set('frozen', original, 60_000);
    original.list.push(3);
    original.inner.n = 99;
    const first = await cache.get<typeof original>('frozen');
    first!.list.push(4);
    first!.inner.n = 100;
    expect(await cache.get('frozen')).toEqual({ list: [1, 2], inner: { n: 1 } });

    const [a, b] = await Promise.all([
      cache.getOrLoad('frozen-load', 60_000, async () => ({ n: 1 })),
      cache.getOrLoad('frozen-load', 60_000, async () => ({ n: 1 })),
    ]);
    expect(a).not.toBe(b);
    a.n = 2;
    expect(b).toEqual({ n: 1 });
    expect(await cache.get('frozen-load')).toEqual({ n: 1 });
  });
});

describe.runIf(redisUrl)('RedisCache.connect', () => {
  it('fails fast with a clear error when Redis is unreachable', async () => {
    const metrics = createMetrics({ processMetrics: false });
    // Port 1 is reserved and closed on any normal host: connection refused at once.
    await expect(RedisCache.connect({ url: 'redis://127.0.0.1:1', prefix, metrics, connectTimeoutMs: 2_000 })).rejects.toThrow(
      /Redis is unreachable at redis:\/\/127\.0\.0\.1:1/,
    );
  });

  it('keeps prefixes apart', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const one = await RedisCache.connect({ url: redisUrl!, prefix: `${prefix}one:`, metrics });
    const two = await RedisCache.connect({ url: redisUrl!, prefix: `${prefix}two:`, metrics });
    try {
      await one.set('shared-name', 'one', 60_000);
      expect(await two.get('shared-name')).toBeUndefined();
      expect(await one.get('shared-name')).toBe('one');
    } finally {
      await one.close();
      await two.close();
    }
  });
});
