import { randomUUID } from 'node:crypto';
import type { Cache } from './cache.js';

// Long enough that a generation outlives every entry keyed by it; when one does expire, a new random
// generation is drawn, which only makes the old entries unreachable.
const GENERATION_TTL_MS = 24 * 60 * 60_000;

/**
 * Generation counters for invalidating a whole family of cache entries at once (every cached search of a
 * tenant, say): entries are keyed by the family's current generation, and advancing it after a change
 * commits makes them all unreachable; they expire on their own. Works across processes on a shared cache.
 *
 * A reader that loaded data before the change committed still stores it under the generation it read
 * first, which the change has since replaced: no stale entry becomes reachable.
 */
export class CacheGenerations {
  constructor(private readonly cache: Cache) {}

  /** The family's current generation (created when it has none). */
  async current(family: string): Promise<string> {
    const key = generationKey(family);
    const found = await this.cache.get<string>(key);
    if (found !== undefined) return found;
    const created = randomUUID();
    await this.cache.set(key, created, GENERATION_TTL_MS);
    return created;
  }

  /** Makes every entry keyed by the family's current generation unreachable. */
  async advance(family: string): Promise<void> {
    await this.cache.set(generationKey(family), randomUUID(), GENERATION_TTL_MS);
  }
}

function generationKey(family: string): string {
  return `generation:${family}`;
}
