import type { Metrics } from '../observability/metrics.js';
import { serialize } from './values.js';

export interface LookupSteps {
  /** Reads the stored JSON text without counting a hit or a miss. */
  read(): Promise<string | undefined>;
  load(): Promise<unknown>;
  store(text: string): Promise<void>;
}

/**
 * The read-or-load half of `getOrLoad`, shared by both caches. At most one lookup per key is in flight in
 * this process; callers arriving meanwhile join it and count as hits, so misses always equal loader calls
 * (20 concurrent callers on a cold key: 1 miss, 19 hits). Cross-process stampedes are not prevented.
 */
export class SingleFlight {
  private readonly flights = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly metrics: Metrics,
    private readonly cache: 'memory' | 'redis',
  ) {}

  /** Resolves to JSON text rather than a value so that every caller parses an object of its own. */
  run(key: string, steps: LookupSteps): Promise<string | undefined> {
    const inFlight = this.flights.get(key);
    if (inFlight) {
      this.count('hit');
      return inFlight;
    }
    // Registered before the first await: concurrent callers in the same tick must find it.
    const flight = this.lookup(steps).finally(() => this.flights.delete(key));
    this.flights.set(key, flight);
    return flight;
  }

  private async lookup(steps: LookupSteps): Promise<string | undefined> {
    const cached = await steps.read();
    if (cached !== undefined) {
      this.count('hit');
      return cached;
    }
    this.count('miss');
    const text = serialize(await steps.load());
    if (text !== undefined) await steps.store(text);
    return text;
  }

  count(result: 'hit' | 'miss'): void {
    this.metrics.cacheRequests.inc({ cache: this.cache, result });
  }
}
