import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consumerSpec,
  idempotent,
  migrate,
  OutboxRelay,
  silentLogger,
  toCloudEvent,
  type Bus,
  type CloudEvent,
  type Subscription,
} from '../src/index.js';
import { createTestPlatform, testBackends, type TestPlatform } from '../src/testing/index.js';
import { AnyCloudEvent } from '@tessera/contracts';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

const ajv = new Ajv({ strict: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);
const validEnvelope = ajv.compile(AnyCloudEvent);
import { notesMigrations, type NotesDatabase } from './fixtures/notes.js';

describe(`outbox, relay and inbox (${testBackends.database} + ${testBackends.bus})`, () => {
  let platform: TestPlatform;
  const subscriptions: Subscription[] = [];
  const tenant = randomUUID();

  beforeAll(async () => {
    platform = await createTestPlatform();
    await migrate(platform.db, [notesMigrations]);
  });
  afterAll(async () => {
    await Promise.all(subscriptions.map((s) => s.drain()));
    await platform.cleanup();
  });

  async function collect(durable: string, events: string) {
    const received: CloudEvent[] = [];
    subscriptions.push(await platform.bus.subscribe(consumerSpec({ durable, events }), async (e) => void received.push(e)));
    return received;
  }

  const outboxSize = () => platform.db.withSystem(async (tx) =>
    (await sql<{ n: number }>`select count(*)::int as n from platform.outbox`.execute(tx)).rows[0]?.n ?? -1);

  const noteCount = (body: string) => platform.db.withTenant<NotesDatabase, number>(tenant, async (tx) =>
    (await tx.selectFrom('kernel_test.notes').where('body', '=', body).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    .then(Number);

  it('delivers an event committed together with its state change', async () => {
    const received = await collect('outbox-delivered', 'kernel_test.note.written');
    await platform.db.withTenant<NotesDatabase, void>(tenant, async (tx) => {
      await tx.insertInto('kernel_test.notes').values({ tenant_id: tenant, body: 'committed' }).execute();
      await platform.outbox.emit(tx, tenant, [{ name: 'kernel_test.note.written', subject: 'n1', data: { body: 'committed' } }]);
    });
    expect(await platform.relay.flush()).toBe(1);
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toMatchObject({
      specversion: '1.0', type: 'tessera.kernel_test.note.written', source: '/tessera/kernel_test',
      subject: 'n1', tenantid: tenant, datacontenttype: 'application/json', data: { body: 'committed' },
    });
    expect(await outboxSize()).toBe(0);
    expect(validEnvelope(received[0]), JSON.stringify(validEnvelope.errors)).toBe(true);
  });

  it('emits nothing when the transaction fails', async () => {
    const received = await collect('outbox-rolled-back', 'kernel_test.note.abandoned');
    await expect(platform.db.withTenant<NotesDatabase, void>(tenant, async (tx) => {
      await tx.insertInto('kernel_test.notes').values({ tenant_id: tenant, body: 'rolled back' }).execute();
      await platform.outbox.emit(tx, tenant, [{ name: 'kernel_test.note.abandoned', data: {} }]);
      throw new Error('use case failed after emitting');
    })).rejects.toThrow('use case failed');
    expect(await platform.relay.flush()).toBe(0);
    expect(await noteCount('rolled back')).toBe(0);
    expect(received).toEqual([]);
  });

  it('does not let a tenant emit events for another tenant', async () => {
    await expect(platform.db.withTenant(tenant, (tx) =>
      platform.outbox.emit(tx, randomUUID(), [{ name: 'kernel_test.note.forged', data: {} }]))).rejects.toThrow(/row-level security/);
  });

  it('redelivers a throwing consumer and dead-letters it after maxDeliver attempts', async () => {
    const attempts: number[] = [];
    subscriptions.push(await platform.bus.subscribe(
      consumerSpec({ durable: 'always-fails', events: 'kernel_test.note.poisoned', maxDeliver: 3, backoffMs: [20] }),
      async (_e, delivery) => {
        attempts.push(delivery.attempt);
        throw new Error('cannot handle this one');
      },
    ));
    const poisoned = toCloudEvent({ name: 'kernel_test.note.poisoned', data: {} }, { tenantId: tenant });
    await platform.bus.publish([poisoned]);
    const deadLetter = () => platform.db.withSystem(async (tx) =>
      (await sql<{ durable: string; deliveries: number; error: string; tenant_id: string }>`
        select durable, deliveries, error, tenant_id from platform.dead_letters where event_id = ${poisoned.id}`.execute(tx)).rows[0]);
    await expect.poll(deadLetter, { timeout: 15_000 }).toEqual({ durable: 'always-fails', deliveries: 3, error: 'cannot handle this one', tenant_id: tenant });
    expect(attempts).toEqual([1, 2, 3]);
    const metrics = await platform.metrics.registry.getSingleMetricAsString('tessera_bus_dead_letters_total');
    expect(metrics).toContain('durable="always-fails"} 1');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('has no second effect when an event is delivered again (inbox)', async () => {
    const handler = idempotent<NotesDatabase>(platform.db, 'notes-writer', async (tx, e) => {
      await tx.insertInto('kernel_test.notes').values({ tenant_id: e.tenantid ?? '', body: 'effect once' }).execute();
    });
    const e = toCloudEvent({ name: 'kernel_test.note.requested', data: {} }, { tenantId: tenant });
    await handler(e, { attempt: 1, subject: 'x' });
    await handler(e, { attempt: 2, subject: 'x' });
    await Promise.all([handler(e, { attempt: 3, subject: 'x' }), handler(e, { attempt: 3, subject: 'x' })].map((p) => p.catch(() => undefined)));
    expect(await noteCount('effect once')).toBe(1);
  });

  it('applies an effect once when the consumer fails after committing it and is redelivered', async () => {
    let failedOnce = false;
    const write = idempotent<NotesDatabase>(platform.db, 'ack-lost', async (tx, e) => {
      await tx.insertInto('kernel_test.notes').values({ tenant_id: e.tenantid ?? '', body: 'ack lost' }).execute();
    });
    const attempts: number[] = [];
    subscriptions.push(await platform.bus.subscribe(
      consumerSpec({ durable: 'ack-lost', events: 'kernel_test.note.acklost', backoffMs: [20] }),
      async (e, delivery) => {
        attempts.push(delivery.attempt);
        await write(e, delivery);
        if (!failedOnce) {
          failedOnce = true;
          throw new Error('crashed before the ack');
        }
      },
    ));
    await platform.bus.publish([toCloudEvent({ name: 'kernel_test.note.acklost', data: {} }, { tenantId: tenant })]);
    await expect.poll(() => attempts).toEqual([1, 2]);
    expect(await noteCount('ack lost')).toBe(1);
  });

  it('loses nothing when a relay dies after claiming a batch: another relay publishes it', async () => {
    const received = await collect('relay-takeover', 'kernel_test.note.relayed');
    await platform.db.withTenant(tenant, (tx) =>
      platform.outbox.emit(tx, tenant, [1, 2, 3].map((n) => ({ name: 'kernel_test.note.relayed', data: { n } }))));
    const deadBus: Bus = { ...platform.bus, kind: platform.bus.kind, publish: () => Promise.reject(new Error('process killed')) };
    const dying = new OutboxRelay(platform.db, deadBus, platform.metrics, silentLogger(), { claimMs: 300 });
    await expect(dying.relayBatch()).rejects.toThrow('process killed');
    const survivor = new OutboxRelay(platform.db, platform.bus, platform.metrics, silentLogger(), { claimMs: 300 });
    expect(await survivor.relayBatch()).toBe(0); // still claimed by the dead relay
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await survivor.flush()).toBe(3);
    await expect.poll(() => received.map((e) => (e.data as { n: number }).n).sort()).toEqual([1, 2, 3]);
  });

  it('publishes as soon as a unit of work commits when the relay runs', async () => {
    const received = await collect('relay-running', 'kernel_test.note.live');
    platform.relay.start();
    try {
      await platform.db.withTenant(tenant, (tx) => platform.outbox.emit(tx, tenant, [{ name: 'kernel_test.note.live', data: {} }]));
      await expect.poll(() => received.length).toBe(1);
    } finally {
      await platform.relay.stop();
    }
  });
});
