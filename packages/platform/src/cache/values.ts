/**
 * Both caches hold values as JSON text, so a value reads back the same from memory as from Redis (a Date
 * comes back as a string in both) and no caller ever holds a reference into the cache.
 */
export function serialize(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`Cannot cache a value of type ${typeof value}: it has no JSON form`);
  return text;
}

export function deserialize<T>(text: string | null | undefined): T | undefined {
  return text === null || text === undefined ? undefined : (JSON.parse(text) as T);
}

/** Whole milliseconds, at least 1: Redis PX and lru-cache both reject zero, negative and fractional TTLs. */
export function ttlOf(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`Cache TTL must be a positive number of ms, got ${ttlMs}`);
  return Math.ceil(ttlMs);
}
