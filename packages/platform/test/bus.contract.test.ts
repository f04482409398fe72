import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerSpec, toCloudEvent, type CloudEvent, type Subscription } from '../src/index.js';
import { createTestPlatform, testBackends, type TestPlatform } from '../src/testing/index.js';

// The contract every bus adapter keeps; this file runs against the adapter the environment selects.
describe(`bus contract (${testBackends.bus})`, () => {
  let platform: TestPlatform;
  const subscriptions: Subscription[] = [];
  const tenantid = '22222222-2222-4222-8222-222222222222';
  let counter = 0;

  beforeAll(async () => {
    platform = await createTestPlatform();
  });
  afterAll(async () => {
    await Promise.all(subscriptions.map((s) => s.drain()));
    await platform.cleanup();
  });

  const event = (name = 'contract.thing.happened', data: unknown = { n: counter++ }): CloudEvent =>
    toCloudEvent({ name, data }, { tenantId: tenantid });

  async function subscribe(durable: string, events: string, handler: (e: CloudEvent, attempt: number) => Promise<void>, options = {}) {
    const subscription = await platform.bus.subscribe(
      consumerSpec({ durable, events, backoffMs: [20], ackWaitMs: 5_000, ...options }),
      (e, delivery) => handler(e, delivery.attempt),
    );
    subscriptions.push(subscription);
    return subscription;
  }

  it('keeps published messages for a durable consumer created later', async () => {
    const early = event();
    await platform.bus.publish([early]);
    const seen: string[] = [];
    await subscribe('late-joiner', 'contract.thing.happened', async (e) => void seen.push(e.id));
    await expect.poll(() => seen).toContain(early.id);
  });

  it('delivers the envelope intact', async () => {
    const sent = toCloudEvent({ name: 'contract.envelope.checked', subject: 'thing-1', data: { nested: { a: [1, 2] } } },
      { tenantId: tenantid, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    const received: CloudEvent[] = [];
    await subscribe('envelope-check', 'contract.envelope.checked', async (e) => void received.push(e));
    await platform.bus.publish([sent]);
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toEqual(sent);
  });

  it('drops a republished event id (deduplication)', async () => {
    const once = event('contract.dedupe.checked');
    const seen: string[] = [];
    await subscribe('dedupe-check', 'contract.dedupe.checked', async (e) => void seen.push(e.id));
    await platform.bus.publish([once]);
    await platform.bus.publish([once]);
    const marker = event('contract.dedupe.checked');
    await platform.bus.publish([marker]);
    await expect.poll(() => seen).toContain(marker.id);
    expect(seen.filter((id) => id === once.id)).toHaveLength(1);
  });

  it('stores many concurrent publishes, duplicates among them, each delivered once', async () => {
    const seen: string[] = [];
    await subscribe('concurrent-check', 'contract.concurrent.checked', async (e) => void seen.push(e.id));
    const sent = Array.from({ length: 300 }, () => event('contract.concurrent.checked'));
    // Each id twice, at once: publishes that arrive together may be stored together, the repeats dropped.
    await Promise.all([...sent, ...sent].map((one) => platform.bus.publish([one])));
    await expect.poll(() => seen.length, { timeout: 20_000 }).toBe(sent.length);
    expect(new Set(seen)).toEqual(new Set(sent.map((one) => one.id)));
  });

  it('gives every durable consumer its own copy (fan-out)', async () => {
    const a: string[] = [];
    const b: string[] = [];
    await subscribe('fanout-a', 'contract.fanout.happened', async (e) => void a.push(e.id));
    await subscribe('fanout-b', 'contract.fanout.happened', async (e) => void b.push(e.id));
    const sent = Array.from({ length: 10 }, () => event('contract.fanout.happened'));
    await platform.bus.publish(sent);
    await expect.poll(() => [a.length, b.length]).toEqual([10, 10]);
  });

  it('splits one durable consumer\'s work between its subscribers, each message once', async () => {
    const handledBy = new Map<string, string[]>();
    const record = (who: string) => async (e: CloudEvent) => {
      handledBy.set(e.id, [...(handledBy.get(e.id) ?? []), who]);
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    await subscribe('shared-queue', 'contract.work.queued', record('one'), { concurrency: 4 });
    await subscribe('shared-queue', 'contract.work.queued', record('two'), { concurrency: 4 });
    const sent = Array.from({ length: 100 }, () => event('contract.work.queued'));
    await platform.bus.publish(sent);
    await expect.poll(() => handledBy.size, { timeout: 20_000 }).toBe(100);
    expect([...handledBy.values()].filter((who) => who.length > 1)).toEqual([]);
    expect(new Set([...handledBy.values()].flat())).toEqual(new Set(['one', 'two']));
  });

  it('matches wildcard patterns within one service', async () => {
    const types: string[] = [];
    await subscribe('wildcard', 'contract.shape.>', async (e) => void types.push(e.type));
    await platform.bus.publish([event('contract.shape.created'), event('contract.shape.deleted'), event('contract.other.created')]);
    await expect.poll(() => [...types].sort()).toEqual(['tessera.contract.shape.created', 'tessera.contract.shape.deleted']);
  });

  it('redelivers a failed message with a growing attempt count', async () => {
    const attempts: number[] = [];
    await subscribe('flaky', 'contract.flaky.happened', async (_e, attempt) => {
      attempts.push(attempt);
      if (attempt < 3) throw new Error(`fail ${attempt}`);
    });
    await platform.bus.publish([event('contract.flaky.happened')]);
    // Three deliveries 20 ms apart need well under a second, but not always on a loaded CI machine.
    await expect.poll(() => attempts, { timeout: 10_000 }).toEqual([1, 2, 3]);
  });

  it('keeps a long-running handler\'s message instead of redelivering it', async () => {
    const attempts: number[] = [];
    let finished = false;
    await subscribe('long-handler', 'contract.long.happened', async (_e, attempt) => {
      attempts.push(attempt);
      // Three ack waits long; the wait is generous enough that a loaded CI machine still extends the lease in time.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      finished = true;
    }, { ackWaitMs: 1_000 });
    await platform.bus.publish([event('contract.long.happened')]);
    await expect.poll(() => finished, { timeout: 10_000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(attempts).toEqual([1]);
  });

  it('redelivers the message of a handler that hangs past maxHandlerMs', async () => {
    const attempts: number[] = [];
    let release: () => void = () => undefined;
    const hung = new Promise<void>((resolve) => (release = resolve));
    await subscribe('hung-handler', 'contract.hung.happened', async (_e, attempt) => {
      attempts.push(attempt);
      if (attempt === 1) await hung;
    }, { ackWaitMs: 300, maxHandlerMs: 400 });
    await platform.bus.publish([event('contract.hung.happened')]);
    try {
      await expect.poll(() => attempts, { timeout: 10_000 }).toEqual([1, 2]);
    } finally {
      release();
    }
  });

  it('refuses a consumer spanning services', async () => {
    await expect(platform.bus.subscribe(consumerSpec({ durable: 'too-wide', events: '>' }), async () => undefined)).rejects.toThrow(/one service/);
  });

  it('reports a consumer\'s lag', async () => {
    const gate: { open?: () => void } = {};
    const opened = new Promise<void>((resolve) => (gate.open = resolve));
    const done: string[] = [];
    await subscribe('laggy', 'contract.lag.measured', async (e) => {
      await opened;
      done.push(e.id);
    }, { concurrency: 1 });
    await platform.bus.publish(Array.from({ length: 5 }, () => event('contract.lag.measured')));
    // Generous waits: one at a time, five deliveries can take over a second on a loaded CI machine.
    await expect.poll(() => platform.bus.pending('laggy', 'contract.lag.measured'), { timeout: 10_000 }).toBe(5);
    gate.open?.();
    await expect.poll(() => done.length, { timeout: 10_000 }).toBe(5);
    await expect.poll(() => platform.bus.pending('laggy', 'contract.lag.measured'), { timeout: 10_000 }).toBe(0);
  });

  it('drain waits for in-flight handlers', async () => {
    let finished = false;
    let started = false;
    const subscription = await platform.bus.subscribe(consumerSpec({ durable: 'slow-drain', events: 'contract.slow.happened' }), async () => {
      started = true;
      await new Promise((resolve) => setTimeout(resolve, 300));
      finished = true;
    });
    await platform.bus.publish([event('contract.slow.happened')]);
    await expect.poll(() => started).toBe(true);
    await subscription.drain();
    expect(finished).toBe(true);
  });
});
