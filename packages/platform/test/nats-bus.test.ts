import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerSpec, type ConsumerSpec, type Delivery } from '../src/bus/bus.js';
import { DatabaseDeadLetterSink } from '../src/bus/dead-letters.js';
import { NatsBus } from '../src/bus/nats-bus.js';
import { toCloudEvent, type CloudEvent } from '../src/events/envelope.js';
import { silentLogger } from '../src/observability/logger.js';
import { createMetrics, type Metrics } from '../src/observability/metrics.js';
import { createTestDatabase, uniqueToken, type TestDatabase } from '../src/testing/index.js';

const natsUrl = process.env.NATS_URL ?? '';
const POLL = { timeout: 10_000, interval: 20 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function event(name: string, data: unknown = {}): CloudEvent {
  return toCloudEvent({ name, data }, { tenantId: null });
}

/** Fast-failing consumer settings so redelivery tests finish in well under a second. */
function spec(durable: string, events: string, overrides: Partial<ConsumerSpec> = {}): ConsumerSpec {
  return consumerSpec({ durable, events, maxDeliver: 3, backoffMs: [50], ackWaitMs: 2_000, concurrency: 4, ...overrides });
}

describe.skipIf(!natsUrl)('NatsBus (JetStream)', () => {
  const namespace = `t${uniqueToken()}`;
  const buses: NatsBus[] = [];
  let db: TestDatabase;
  let metrics: Metrics;
  let sink: DatabaseDeadLetterSink;

  async function openBus(): Promise<NatsBus> {
    const bus = await NatsBus.connect({ servers: natsUrl, namespace, deadLetters: sink, metrics, logger: silentLogger() });
    buses.push(bus);
    return bus;
  }

  async function deadLetters(durable: string) {
    return db.withSystem(async (tx) => {
      const { rows } = await sql<{ event_id: string; subject: string; deliveries: number; error: string }>`
        select event_id, subject, deliveries, error from platform.dead_letters where durable = ${durable}`.execute(tx);
      return rows;
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    metrics = createMetrics({ processMetrics: false });
    sink = new DatabaseDeadLetterSink(db, metrics);
  });

  afterAll(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    // The server is shared: remove every stream this file created (their consumers go with them).
    const nc = await connect({ servers: natsUrl });
    try {
      const jsm = await jetstreamManager(nc);
      const prefix = `${namespace.toUpperCase()}_`;
      for await (const name of jsm.streams.names()) {
        if (name.startsWith(prefix)) await jsm.streams.delete(name);
      }
    } finally {
      await nc.close();
    }
    await db?.drop();
  });

  it('lets several processes create the same stream at once (the losers of the race carry on)', async () => {
    const racers = await Promise.all(Array.from({ length: 6 }, () => openBus()));
    for (let round = 0; round < 5; round++) {
      const service = `race${round}`;
      await Promise.all(racers.map((bus) => bus.publish([event(`${service}.thing.happened`)])));
    }
  });

  it('pings and creates the stream with the configured limits', async () => {
    const bus = await openBus();
    await bus.ping();
    await bus.publish([event('alpha.ping.created')]);
    const nc = await connect({ servers: natsUrl });
    const info = await (await jetstreamManager(nc)).streams.info(`${namespace.toUpperCase()}_ALPHA`);
    await nc.close();
    expect(info.config.subjects).toEqual([`${namespace}.alpha.>`]);
    expect(info.config.storage).toBe('file');
    expect(info.config.max_age).toBe(7 * 24 * 3_600_000 * 1e6);
    expect(info.config.duplicate_window).toBe(120_000 * 1e6);
  });

  it('leaves an existing stream as its operators configured it', async () => {
    const nc = await connect({ servers: natsUrl });
    const jsm = await jetstreamManager(nc);
    const name = `${namespace.toUpperCase()}_TUNED`;
    await jsm.streams.add({ name, subjects: [`${namespace}.tuned.>`], max_age: 3_600_000 * 1e6 });
    const bus = await openBus();
    await bus.publish([event('tuned.thing.created')]);
    const info = await jsm.streams.info(name);
    await nc.close();
    expect(info.config.max_age).toBe(3_600_000 * 1e6);
    expect(info.state.messages).toBe(1);
  });

  it('configures the durable consumer, and applies changed settings on the next subscribe', async () => {
    const bus = await openBus();
    const first = await bus.subscribe(spec('configured', 'alpha.config.created', { concurrency: 2 }), async () => undefined);
    await first.drain();
    const second = await bus.subscribe(spec('configured', 'alpha.config.created', { ackWaitMs: 3_000 }), async () => undefined);
    await second.drain();
    const nc = await connect({ servers: natsUrl });
    const info = await (await jetstreamManager(nc)).consumers.info(`${namespace.toUpperCase()}_ALPHA`, 'configured');
    await nc.close();
    expect(info.config).toMatchObject({
      durable_name: 'configured',
      filter_subject: `${namespace}.alpha.config.created`,
      ack_policy: 'explicit',
      deliver_policy: 'all',
      ack_wait: 3_000 * 1e6,
      max_deliver: -1,
    });
    expect(info.config.max_ack_pending).toBeGreaterThanOrEqual(4);
  });

  it('publishes durably: a consumer created after the publish, on another connection, still gets it', async () => {
    const publisher = await openBus();
    const published = event('alpha.durable.created', { n: 1 });
    await publisher.publish([published]);
    await publisher.close();

    const consumer = await openBus();
    const got: string[] = [];
    const sub = await consumer.subscribe(spec('late-joiner', 'alpha.durable.created'), async (e) => void got.push(e.id));
    await expect.poll(() => got, POLL).toEqual([published.id]);
    await sub.drain();
  });

  it('delivers events matching a wildcard pattern of one service', async () => {
    const bus = await openBus();
    const got: string[] = [];
    const sub = await bus.subscribe(spec('wildcard', 'beta.>'), async (e) => void got.push(e.type));
    await bus.publish([event('beta.one.created'), event('beta.two.updated')]);
    await expect.poll(() => got.sort(), POLL).toEqual(['tessera.beta.one.created', 'tessera.beta.two.updated']);
    await sub.drain();
  });

  it('drops duplicate event ids (server-side msgID dedupe)', async () => {
    const bus = await openBus();
    const duplicate = event('alpha.dedupe.created');
    await bus.publish([duplicate, duplicate]);
    await bus.publish([duplicate]);
    const got: string[] = [];
    const sub = await bus.subscribe(spec('dedupe', 'alpha.dedupe.created'), async (e) => void got.push(e.id));
    await expect.poll(() => got.length, POLL).toBe(1);
    await sleep(300);
    expect(got).toEqual([duplicate.id]);
    await sub.drain();
  });

  it('splits the work of one durable between two connections, each message handled once', async () => {
    const [a, b] = [await openBus(), await openBus()];
    const completed = new Map<string, number>();
    const byBus = { a: 0, b: 0 };
    const handler = (who: 'a' | 'b') => async (e: CloudEvent) => {
      await sleep(Math.random() * 5);
      completed.set(e.id, (completed.get(e.id) ?? 0) + 1);
      byBus[who]++;
    };
    const subs = [
      await a.subscribe(spec('split', 'gamma.work.created', { concurrency: 8 }), handler('a')),
      await b.subscribe(spec('split', 'gamma.work.created', { concurrency: 8 }), handler('b')),
    ];
    const events = Array.from({ length: 200 }, (_, n) => event('gamma.work.created', { n }));
    await a.publish(events);

    await expect.poll(() => completed.size, POLL).toBe(200);
    await expect.poll(() => a.pending('split', 'gamma.work.created'), POLL).toBe(0);
    await sleep(300);
    expect([...completed.values()].every((count) => count === 1)).toBe(true);
    expect(byBus.a + byBus.b).toBe(200);
    expect(byBus.a).toBeGreaterThan(0);
    expect(byBus.b).toBeGreaterThan(0);
    await Promise.all(subs.map((s) => s.drain()));
  });

  it('redelivers a failing message with increasing attempts, then dead-letters it', async () => {
    const bus = await openBus();
    const attempts: Delivery[] = [];
    const failing = event('delta.fail.created', { poison: true });
    const sub = await bus.subscribe(spec('failing', 'delta.fail.created'), async (_e, delivery) => {
      attempts.push(delivery);
      throw new Error('handler exploded');
    });
    await bus.publish([failing]);

    await expect.poll(() => deadLetters('failing'), POLL).toHaveLength(1);
    const [dead] = await deadLetters('failing');
    expect(dead).toMatchObject({ event_id: failing.id, deliveries: 3, subject: `${namespace}.delta.fail.created` });
    expect(dead?.error).toContain('handler exploded');
    expect(attempts.map((d) => d.attempt)).toEqual([1, 2, 3]);
    expect(attempts[0]?.subject).toBe(`${namespace}.delta.fail.created`);
    // Termed, not left for the server to redeliver.
    await sleep(300);
    expect(attempts).toHaveLength(3);
    await expect.poll(() => bus.pending('failing', 'delta.fail.created'), POLL).toBe(0);
    await sub.drain();
  });

  it('dead-letters an unreadable message at once and keeps consuming', async () => {
    const bus = await openBus();
    const got: string[] = [];
    const sub = await bus.subscribe(spec('unreadable', 'delta.raw.created'), async (e) => void got.push(e.id));
    const nc = await connect({ servers: natsUrl });
    await jetstream(nc).publish(`${namespace}.delta.raw.created`, 'this is {not json');
    await nc.close();
    const valid = event('delta.raw.created');
    await bus.publish([valid]);

    await expect.poll(() => got, POLL).toEqual([valid.id]);
    await expect.poll(() => deadLetters('unreadable'), POLL).toHaveLength(1);
    const [dead] = await deadLetters('unreadable');
    expect(dead?.error).toMatch(/Unreadable message.*not valid JSON/);
    expect(dead?.deliveries).toBe(1);
    await sub.drain();
  });

  it('keeps a handler that outlives ack_wait from being redelivered mid-flight', async () => {
    const bus = await openBus();
    const attempts: number[] = [];
    const sub = await bus.subscribe(spec('slow-worker', 'epsilon.slow.created', { ackWaitMs: 1_000 }), async (_e, d) => {
      attempts.push(d.attempt);
      await sleep(2_500);
    });
    await bus.publish([event('epsilon.slow.created')]);
    await expect.poll(() => attempts.length, POLL).toBe(1);
    await sub.drain();
    expect(attempts).toEqual([1]);
    await expect.poll(() => bus.pending('slow-worker', 'epsilon.slow.created'), POLL).toBe(0);
  });

  it('drain waits for an in-flight handler to finish and acknowledges it', async () => {
    const bus = await openBus();
    let started = false;
    let finished = false;
    const sub = await bus.subscribe(spec('drainer', 'epsilon.drain.created'), async () => {
      started = true;
      await sleep(500);
      finished = true;
    });
    await bus.publish([event('epsilon.drain.created')]);
    await expect.poll(() => started, POLL).toBe(true);
    await sub.drain();
    expect(finished).toBe(true);
    await expect.poll(() => bus.pending('drainer', 'epsilon.drain.created'), POLL).toBe(0);

    // Drained means stopped: later messages wait for the next subscriber.
    finished = false;
    await bus.publish([event('epsilon.drain.created')]);
    await sleep(300);
    expect(finished).toBe(false);
    expect(await bus.pending('drainer', 'epsilon.drain.created')).toBe(1);
  });

  it('reports the lag of a durable consumer', async () => {
    const bus = await openBus();
    expect(await bus.pending('nobody', 'zeta.lag.created')).toBe(0);
    const idle = await bus.subscribe(spec('lagging', 'zeta.lag.created'), async () => undefined);
    await idle.drain();
    await bus.publish(Array.from({ length: 5 }, () => event('zeta.lag.created')));
    await bus.publish([event('zeta.other.created')]);
    await expect.poll(() => bus.pending('lagging', 'zeta.lag.created'), POLL).toBe(5);
    expect(await bus.pending('nobody', 'zeta.lag.created')).toBe(0);

    let handled = 0;
    const sub = await bus.subscribe(spec('lagging', 'zeta.lag.created'), async () => void handled++);
    await expect.poll(() => handled, POLL).toBe(5);
    await expect.poll(() => bus.pending('lagging', 'zeta.lag.created'), POLL).toBe(0);
    await sub.drain();
  });

  it('keeps consuming across a reconnect', async () => {
    const bus = await openBus();
    const got: string[] = [];
    const sub = await bus.subscribe(spec('blip', 'eta.blip.created'), async (e) => void got.push(e.id));
    const before = event('eta.blip.created');
    await bus.publish([before]);
    await expect.poll(() => got, POLL).toEqual([before.id]);

    await bus['nc'].reconnect();
    await expect.poll(() => bus.ping().then(() => true, () => false), POLL).toBe(true);
    const after = event('eta.blip.created');
    await bus.publish([after]);
    await expect.poll(() => got, POLL).toEqual([before.id, after.id]);
    await sub.drain();
  });

  it('recreates its consumer when it is deleted under it', async () => {
    const bus = await openBus();
    const got: string[] = [];
    const sub = await bus.subscribe(spec('deleted', 'eta.gone.created'), async (e) => void got.push(e.id));
    const nc = await connect({ servers: natsUrl });
    await (await jetstreamManager(nc)).consumers.delete(`${namespace.toUpperCase()}_ETA`, 'deleted');
    await nc.close();
    const after = event('eta.gone.created');
    await bus.publish([after]);
    await expect.poll(() => got, POLL).toEqual([after.id]);
    await sub.drain();
  });

  it('rejects ping after close', async () => {
    const bus = await openBus();
    await bus.close();
    await expect(bus.ping()).rejects.toThrow();
  });
});
