import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NatsBus } from '../src/bus/nats-bus.js';
import { LocalLiveChannel } from '../src/live/local-live-channel.js';
import { createTestPlatform, testBackends, uniqueToken, type TestPlatform } from '../src/testing/index.js';

const POLL = { timeout: 10_000, interval: 20 };
const onNats = testBackends.bus === 'nats';

/**
 * With NATS, two platforms on one bus namespace stand for two processes: one publishes, the other listens.
 * The local adapter is one process only, so there the same platform does both.
 */
describe(`live channel (${testBackends.bus})`, () => {
  const namespace = `t${uniqueToken()}`;
  const platforms: TestPlatform[] = [];
  let publisher: TestPlatform;
  let listener: TestPlatform;

  beforeAll(async () => {
    publisher = await createTestPlatform([], { BUS_NAMESPACE: namespace });
    platforms.push(publisher);
    listener = onNats ? await createTestPlatform([], { BUS_NAMESPACE: namespace }) : publisher;
    if (listener !== publisher) platforms.push(listener);
  });

  afterAll(async () => {
    for (const platform of platforms) await platform.cleanup();
  });

  /** A topic of its own per test, so no test hears another's messages. */
  const topic = (name: string) => `test.${name}.${uniqueToken()}`;

  /**
   * Resolves once the listener's earlier subscriptions are known to the NATS server: subscriptions reach it in
   * order, so once a later probe subscription hears the publisher, the earlier ones will too.
   */
  async function subscriptionsReady(): Promise<void> {
    const probe = topic('probe');
    let heard = false;
    const stop = listener.live.subscribe(probe, () => {
      heard = true;
    });
    try {
      await vi.waitFor(async () => {
        await publisher.live.publish(probe, null);
        expect(heard).toBe(true);
      }, POLL);
    } finally {
      stop();
    }
  }

  /** Publishes a fence and waits until it arrives: what the publisher sent before it has arrived too (NATS keeps order). */
  async function fence(): Promise<void> {
    const fenceTopic = topic('fence');
    let heard = false;
    const stop = listener.live.subscribe(fenceTopic, () => {
      heard = true;
    });
    try {
      await subscriptionsReady();
      await publisher.live.publish(fenceTopic, null);
      await vi.waitFor(() => expect(heard).toBe(true), POLL);
    } finally {
      stop();
    }
  }

  it('uses the adapter that matches the bus', () => {
    expect(publisher.live.kind).toBe(testBackends.bus);
  });

  it('delivers a published message to a listener (in another process on NATS)', async () => {
    const results = topic('results');
    const received: unknown[] = [];
    const stop = listener.live.subscribe(results, (data) => received.push(data));
    await subscriptionsReady();

    await publisher.live.publish(results, { submissionId: 's-1', score: 7, at: new Date(0) });

    await vi.waitFor(() => expect(received).toHaveLength(1), POLL);
    // Data travels as JSON on both adapters: a Date arrives as its ISO string.
    expect(received[0]).toEqual({ submissionId: 's-1', score: 7, at: '1970-01-01T00:00:00.000Z' });
    stop();
  });

  it('calls every listener of a topic, and stops calling one after it unsubscribes', async () => {
    const results = topic('results');
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = listener.live.subscribe(results, (data) => first.push(data));
    const stopSecond = listener.live.subscribe(results, (data) => second.push(data));
    await subscriptionsReady();

    await publisher.live.publish(results, 1);
    await vi.waitFor(() => expect(second).toEqual([1]), POLL);
    expect(first).toEqual([1]);

    stopFirst();
    stopFirst(); // a second call does nothing, in particular it does not remove the other listener
    await publisher.live.publish(results, 2);
    await vi.waitFor(() => expect(second).toEqual([1, 2]), POLL);
    expect(first).toEqual([1]);

    stopSecond();
    await publisher.live.publish(results, 3);
    await fence();
    expect(second).toEqual([1, 2]);
  });

  it('keeps topics apart', async () => {
    const mine = topic('results');
    const theirs = topic('results');
    const mineReceived: unknown[] = [];
    const theirsReceived: unknown[] = [];
    const stopMine = listener.live.subscribe(mine, (data) => mineReceived.push(data));
    const stopTheirs = listener.live.subscribe(theirs, (data) => theirsReceived.push(data));
    await subscriptionsReady();

    await publisher.live.publish(mine, 'for me');
    await publisher.live.publish(theirs, 'for them');
    await vi.waitFor(() => expect(theirsReceived).toEqual(['for them']), POLL);
    await vi.waitFor(() => expect(mineReceived).toEqual(['for me']), POLL);
    await fence();
    expect(mineReceived).toEqual(['for me']);
    expect(theirsReceived).toEqual(['for them']);
    stopMine();
    stopTheirs();
  });

  it('refuses topics that are not dot-separated tokens', () => {
    const invalid = ['', '.', 'a.', '.a', 'a..b', 'a.*', 'a.>', '>', 'a b', 'a/b', 'résultats', 'a.b\n'];
    for (const bad of invalid) {
      expect(() => listener.live.subscribe(bad, () => undefined), bad).toThrow(/Invalid live topic/);
      expect(() => publisher.live.publish(bad, null), bad).toThrow(/Invalid live topic/);
    }
    expect(() => listener.live.subscribe('results.Tenant_1.user-2', () => undefined)()).not.toThrow();
  });

  it('keeps delivering to the other listeners when one throws', async () => {
    const results = topic('results');
    const heard: unknown[] = [];
    let throws = 0;
    const stopThrowing = listener.live.subscribe(results, () => {
      throws++;
      throw new Error('listener bug');
    });
    const stopHealthy = listener.live.subscribe(results, (data) => heard.push(data));
    await subscriptionsReady();

    await publisher.live.publish(results, 'a');
    await publisher.live.publish(results, 'b');

    await vi.waitFor(() => expect(heard).toEqual(['a', 'b']), POLL);
    expect(throws).toBe(2);
    stopThrowing();
    stopHealthy();
  });

  it.runIf(onNats)('holds one NATS subscription per topic while it has listeners', async () => {
    if (!(listener.bus instanceof NatsBus)) throw new Error('expected the NATS bus');
    const connection = listener.bus.connection();
    const subscribe = vi.spyOn(connection, 'subscribe');
    try {
      const results = topic('results');
      const stopFirst = listener.live.subscribe(results, () => undefined);
      const stopSecond = listener.live.subscribe(results, () => undefined);
      expect(subscribe).toHaveBeenCalledTimes(1);
      const subscription = subscribe.mock.results[0]?.value as { isClosed(): boolean; getSubject(): string };
      expect(subscription.getSubject()).toBe(`${namespace}.live.${results}`);

      stopFirst();
      expect(subscription.isClosed()).toBe(false);
      stopSecond();
      expect(subscription.isClosed()).toBe(true);

      const stopAgain = listener.live.subscribe(results, () => undefined);
      expect(subscribe).toHaveBeenCalledTimes(2);
      stopAgain();
    } finally {
      subscribe.mockRestore();
    }
  });

  it('refuses to be used once closed', async () => {
    const channel = new LocalLiveChannel();
    await channel.close();
    expect(() => channel.subscribe('results.a', () => undefined)).toThrow(/closed/);
    await expect(channel.publish('results.a', null)).rejects.toThrow(/closed/);
  });
});
