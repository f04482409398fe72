import { describe, expect, it } from 'vitest';
import { bench } from '../src/benches/realtime.js';

/** With the real backends in the environment (as the suite runs against them), the bench runs on them too. */
const onSharedBackends = Boolean(process.env.DATABASE_URL && process.env.NATS_URL && process.env.REDIS_URL);

// A bounded smoke run of the bench as `npm run bench -- realtime --quick` makes it, with fewer connections.
describe('the realtime bench (quick)', () => {
  it('holds SSE and WebSocket connections to a notify process and times a notification to each, through notify and through the live channel alone', async () => {
    const outcome = await bench.run({ quick: true, flags: { connections: '12', distributed: onSharedBackends }, log: () => undefined });
    interface Phase { arrived: number; latencyMs: { p99: number } | null }
    const figures = outcome.figures as { opened: number; dropped: number; openedBy: { sse: number; ws: number }; graded: Phase; live: Phase };
    expect(figures.opened).toBe(12);
    expect(figures.openedBy).toEqual({ sse: 6, ws: 6 });
    for (const phase of [figures.graded, figures.live]) {
      expect(phase.arrived).toBe(12);
      expect(phase.latencyMs?.p99).toBeGreaterThanOrEqual(0);
    }
    expect(figures.dropped).toBe(0);
    expect(outcome.tables.map((table) => table.rows.length)).toEqual([6, 11]);
  }, 240_000);
});
