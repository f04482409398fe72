import { describe, expect, it } from 'vitest';
import { bench } from '../src/benches/email.js';

/** With the real backends in the environment (as the suite runs against them), the bench runs on them too. */
const onSharedBackends = Boolean(process.env.DATABASE_URL && process.env.NATS_URL && process.env.REDIS_URL);

// A bounded smoke run of the bench as `npm run bench -- email --quick` makes it, with fewer recipients.
describe('the email bench (quick)', () => {
  it('mails one result per recipient to a local SMTP server and reports the rate', async () => {
    const outcome = await bench.run({ quick: true, flags: { recipients: '10', distributed: onSharedBackends }, log: () => undefined });
    const figures = outcome.figures as { delivered: number; messagesPerSecond: number | null; latencyMs: { p99: number } | null };
    expect(figures.delivered).toBe(10);
    expect(figures.messagesPerSecond).toBeGreaterThan(0);
    expect(figures.latencyMs?.p99).toBeGreaterThanOrEqual(0);
    expect(outcome.tables[0]?.rows).toHaveLength(1);
  }, 240_000);
});
