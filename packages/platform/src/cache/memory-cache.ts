import { LRUCache } from 'lru-cache';
import type { Metrics } from '../observability/metrics.js';
import type { Cache } from './cache.js';
import { SingleFlight } from './single-flight.js';
import { deserialize, serialize, ttlOf } from './values.js';

export interface MemoryCacheOptions {
  metrics: Metrics;
  /** Entries kept before the least recently used are evicted. */
  maxEntries?: number;
}

/** The embedded-mode cache: an in-process LRU, lost on restart and not shared between processes. */
export class MemoryCache implements Cache {
  readonly kind = 'memory' as const;
  private readonly entries: LRUCache<string, string>;
  private readonly flights: SingleFlight;

  constructor(options: MemoryCacheOptions) {
    // Embedded mode serves one machine's users; an exam of 50,000 students keeps a gate and counters per student.
    this.entries = new LRUCache<string, string>({ max: options.maxEntries ?? 250_000 });
    this.flights = new SingleFlight(options.metrics, 'memory');
  }

  async get<T>(key: string): Promise<T | undefined> {
    const text = this.entries.get(key);
    this.flights.count(text === undefined ? 'miss' : 'hit');
    return deserialize<T>(text);
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    const ttl = ttlOf(ttlMs);
    const text = serialize(value);
    if (text === undefined) this.entries.delete(key);
    else this.entries.set(key, text, { ttl });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    const ttl = ttlOf(ttlMs);
    const current = this.entries.get(key);
    if (current === undefined) {
      this.entries.set(key, '1', { ttl });
      return 1;
    }
    const value = deserialize<unknown>(current);
    // Mirrors Redis INCR, which refuses anything but an integer.
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new TypeError(`Cache key "${key}" does not hold an integer`);
    const next = value + 1;
    // noUpdateTTL keeps the expiry set by the first increment: the window must not slide.
    this.entries.set(key, String(next), { noUpdateTTL: true });
    return next;
  }

  async incrementAll(keys: readonly string[], ttlMs: number): Promise<number[]> {
    const counts: number[] = [];
    for (const key of keys) counts.push(await this.increment(key, ttlMs));
    return counts;
  }

  async getOrLoad<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const ttl = ttlOf(ttlMs);
    const text = await this.flights.run(key, {
      read: async () => this.entries.get(key),
      load,
      store: async (value) => void this.entries.set(key, value, { ttl }),
    });
    return deserialize<T>(text) as T;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.entries.clear();
  }
}
