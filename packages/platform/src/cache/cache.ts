/** A shared cache: Redis in distributed mode, an in-process LRU in embedded mode. Values are JSON. */
export interface Cache {
  readonly kind: 'redis' | 'memory';
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Atomically increments a counter that expires `ttlMs` after its first increment; returns the new value. */
  increment(key: string, ttlMs: number): Promise<number>;
  /** `increment` of several counters in one round trip (rate limits count a user and a tenant per request). */
  incrementAll(keys: readonly string[], ttlMs: number): Promise<number[]>;
  /** Returns the cached value or loads, stores and returns it. Counts hits and misses. */
  getOrLoad<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
