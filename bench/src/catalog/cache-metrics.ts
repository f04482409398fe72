/** Cache look-ups counted by the kernel (`tessera_cache_requests_total{cache, result}`), summed over caches. */
export interface CacheCounts {
  hits: number;
  misses: number;
}

const SAMPLE = /^tessera_cache_requests_total\{([^}]*)\}\s+(\S+)/;

/** Reads the hit and miss counters from a Prometheus text exposition (`GET /metrics`). */
export function cacheCountsOf(exposition: string): CacheCounts {
  const counts: CacheCounts = { hits: 0, misses: 0 };
  for (const line of exposition.split('\n')) {
    const match = SAMPLE.exec(line);
    if (!match) continue;
    const value = Number(match[2]);
    if (!Number.isFinite(value)) continue;
    if (/(^|,)result="hit"/.test(match[1] ?? '')) counts.hits += value;
    else if (/(^|,)result="miss"/.test(match[1] ?? '')) counts.misses += value;
  }
  return counts;
}

/** Look-ups between two readings of the counters, and the share that were hits (null when there were none). */
export function hitRatioBetween(before: CacheCounts, after: CacheCounts): { hits: number; misses: number; ratio: number | null } {
  const hits = after.hits - before.hits;
  const misses = after.misses - before.misses;
  return { hits, misses, ratio: hits + misses === 0 ? null : hits / (hits + misses) };
}

/** The kernel's cache counters of the server at `url`. */
export async function readCacheCounts(url: string): Promise<CacheCounts> {
  const response = await fetch(`${url}/metrics`);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}: ${text.slice(0, 200)}`);
  if (!text.includes('tessera_cache_requests_total')) throw new Error('GET /metrics has no tessera_cache_requests_total counter');
  return cacheCountsOf(text);
}
