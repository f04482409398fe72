import type { Metrics } from '../observability/metrics.js';
import type { Cache } from './cache.js';
import { MemoryCache } from './memory-cache.js';
import { RedisCache } from './redis-cache.js';

export interface CreateCacheOptions {
  /** Set in distributed mode; without it the cache is in-process and `prefix` is not needed. */
  redisUrl?: string;
  prefix: string;
  metrics: Metrics;
  /** Memory cache only. */
  maxEntries?: number;
}

export async function createCache(options: CreateCacheOptions): Promise<Cache> {
  if (options.redisUrl) {
    return RedisCache.connect({ url: options.redisUrl, prefix: options.prefix, metrics: options.metrics });
  }
  return new MemoryCache({ metrics: options.metrics, maxEntries: options.maxEntries });
}
