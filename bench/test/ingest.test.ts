import { describe, expect, it } from 'vitest';
import { bench } from '../src/benches/ingest.js';

/** With the real backends in the environment (as the suite runs against them), the bench runs on them too. */
const onSharedBackends = Boolean(process.env.DATABASE_URL && process.env.NATS_URL && process.env.REDIS_URL);

// A bounded smoke run of the bench as `npm run bench -- ingest --quick` makes it.
describe('the ingest bench (quick)', () => {
  it('ingests batches over HTTP, sees every accepted event counted in the windows, and reports the sketch error', async () => {
    const outcome = await bench.run({ quick: true, flags: { seconds: '2', connections: '2', backends: onSharedBackends ? 'distributed' : 'embedded' }, log: () => undefined });
    const figures = outcome.figures as { runs: Array<{ eventsPerSecond: number; counted: number; drainSeconds: number | null; load: { requests: number; non2xx: number } }>; sketch: Array<{ errorPercent: number; exact: boolean }> };
    const [run] = figures.runs;
    expect(run!.load.non2xx).toBe(0);
    expect(run!.eventsPerSecond).toBeGreaterThan(0);
    // Requests still in flight when the load stops are stored too, though the load generator no longer counts them.
    expect(run!.counted).toBeGreaterThanOrEqual(run!.load.requests * 100);
    expect(run!.counted).toBeLessThanOrEqual((run!.load.requests + 2) * 100);
    expect(run!.drainSeconds).not.toBeNull();
    expect(figures.sketch[0]).toMatchObject({ errorPercent: 0, exact: true });
    expect(Math.abs(figures.sketch[1]!.errorPercent)).toBeLessThan(5);
    expect(outcome.tables).toHaveLength(2);
  }, 240_000);
});
