import { describe, expect, it } from 'vitest';
import { bench } from '../src/benches/billing.js';

/** With the real backends in the environment (as the suite runs against them), the bench runs on them too. */
const onSharedBackends = Boolean(process.env.DATABASE_URL && process.env.NATS_URL && process.env.REDIS_URL);

// A bounded smoke run of the bench as `npm run bench -- billing --quick` makes it, smaller.
describe('the billing bench (quick)', () => {
  it('pays every purchase through the saga and reconciles a balanced ledger', async () => {
    const outcome = await bench.run({
      quick: true, flags: { purchases: '12', concurrency: '4', postings: '2000', backends: onSharedBackends ? 'distributed' : 'embedded' }, log: () => undefined,
    });
    const [run] = (outcome.figures as { runs: Array<{ paid: number; purchasesPerSecond: number; latencyMs: { p99: number }; reconciliation: { postings: number; balanced: boolean; clearingMinor: number } }> }).runs;
    expect(run?.paid).toBe(12);
    expect(run?.purchasesPerSecond).toBeGreaterThan(0);
    expect(run?.reconciliation).toMatchObject({ postings: 2000, balanced: true });
    // 500 seeded charges of 1000 each, plus the 12 purchases net of the processor's fees.
    expect(run?.reconciliation.clearingMinor).toBeGreaterThan(500_000);
    expect(outcome.tables[0]?.rows).toHaveLength(1);
  }, 240_000);
});
