import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { toCloudEvent, type CloudEvent } from '@tessera/platform';
import { testBackends, testTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchesConsumer } from '../src/consumers/batches.js';
import { AnalyticsEvents } from '../src/index.js';
import { analyticsKit, type AnalyticsKit } from './support/analytics-kit.js';

let kit: AnalyticsKit;
const BASE = Math.floor((Date.now() - 60 * 60_000) / 60_000) * 60_000;
const COURSE = randomUUID();
const USERS = [randomUUID(), randomUUID(), randomUUID()];

/** A fixed stream of batches: three learners over four minutes, some events late, one batch sent twice. */
const BATCHES = Array.from({ length: 24 }, (_, b) => ({
  userId: USERS[b % USERS.length]!,
  events: Array.from({ length: 5 }, (_, e) => {
    // Mostly moving forward in time, with every seventh batch reaching back (late, or dropped once final).
    const offset = b % 7 === 6 ? (b - 6) * 7_000 : b * 10_000 + e * 1_000;
    return { id: `b${b}-e${e}`, type: 'item_attempt', time: new Date(BASE + offset).toISOString(), courseId: COURSE, itemId: USERS[e % 3], correct: (b + e) % 3 !== 0, latencyMs: 700 * (e + 1) };
  }),
}));

class ProcessDied extends Error {}

/**
 * Feeds the stream to the processor of `tenantId`; `crashAt` kills it once while handling that batch, as it closes
 * a window (before the commit). Answers the batches that closed windows.
 */
async function feed(tenantId: string, crashAt: number | null): Promise<number[]> {
  let armed = false;
  let current = -1;
  const closing = new Set<number>();
  const outbox = {
    emit: async (...args: Parameters<typeof kit.platform.outbox.emit>) => {
      closing.add(current);
      if (armed) throw new ProcessDied('the processor died while closing a window');
      return kit.platform.outbox.emit(...args);
    },
  };
  const handler = batchesConsumer({ ...kit.platform, outbox: outbox as typeof kit.platform.outbox }).handler;
  const envelopes: CloudEvent[] = BATCHES.map((batch) => ({
    ...toCloudEvent({ name: AnalyticsEvents.batchIngested, subject: batch.userId, data: batch }, { tenantId }), id: randomUUID(),
  }));
  for (const [index, envelope] of envelopes.entries()) {
    current = index;
    if (index === crashAt) {
      armed = true;
      await expect(handler(envelope, { attempt: 1, subject: 'test' })).rejects.toBeInstanceOf(ProcessDied);
      armed = false;
    }
    await handler(envelope, { attempt: index === crashAt ? 2 : 1, subject: 'test' });
    // The bus delivers at least once: some batches come twice.
    if (index % 5 === 0) await handler(envelope, { attempt: 2, subject: 'test' });
  }
  return [...closing].sort((a, b) => a - b);
}

async function stateOf(tenantId: string): Promise<unknown> {
  return kit.platform.db.withSystem(async (tx) => ({
    windows: (await sql`select course_id, window_start, events, attempts, correct, time_on_task_ms, encode(users, 'hex') as users, latency_ms::text as latency, closed
      from analytics.windows where tenant_id = ${tenantId} order by window_start`.execute(tx)).rows,
    learners: (await sql`select user_id, attempts, correct, time_on_task_ms from analytics.learners where tenant_id = ${tenantId} order by user_id`.execute(tx)).rows,
    items: (await sql`select item_id, attempts, correct, latency_ms_total from analytics.items where tenant_id = ${tenantId} order by item_id`.execute(tx)).rows,
    watermark: (await sql`select max_event_time, late_dropped from analytics.watermarks where tenant_id = ${tenantId}`.execute(tx)).rows,
  }));
}

beforeAll(async () => {
  kit = await analyticsKit();
});

afterAll(async () => {
  await kit?.close();
});

describe(`exactly-once windows (${testBackends.database})`, () => {
  it('ends with the same aggregates whether or not the processor died mid-window and batches were delivered twice', async () => {
    const clean = (await testTenant(kit.platform, ['tenant_admin'])).tenantId;
    const closing = await feed(clean, null);
    const expected = await stateOf(clean);
    expect(closing.length).toBeGreaterThan(1);
    for (const crashAt of [closing[0]!, closing.at(-1)!]) {
      const crashed = (await testTenant(kit.platform, ['tenant_admin'])).tenantId;
      await feed(crashed, crashAt);
      expect(await stateOf(crashed)).toEqual(expected);
    }
    // Every distinct event counted once: in a window, or as dropped.
    const state = expected as { windows: Array<{ events: unknown }>; watermark: Array<{ late_dropped: unknown }> };
    expect(state.windows.reduce((sum, row) => sum + Number(row.events), 0) + Number(state.watermark[0]!.late_dropped)).toBe(BATCHES.length * 5);
    // The stream did close windows and drop late events, so the crash hit a window being closed.
    expect(JSON.stringify(expected)).toMatch(/"closed":true/);
    expect((expected as { watermark: Array<{ late_dropped: unknown }> }).watermark[0]!.late_dropped).not.toBe(0);
  });
});
