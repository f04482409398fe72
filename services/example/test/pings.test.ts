import type { ProblemBody as Problem } from '@tessera/platform';
import { randomUUID } from 'node:crypto';
import { validate } from '@readme/openapi-parser';
import { consumerSpec, encodeCursor, type CloudEvent, type HttpApp, type Subscription } from '@tessera/platform';
import { createTestApp, createTestPlatform, testBackends, testTenant, type TestPlatform, type TestTenant } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExampleEvents, exampleService, RECEIPTS_CONSUMER } from '../src/index.js';

/** A ping as the API returns it. */
interface Ping {
  id: string;
  message: string;
  authorId: string | null;
  version: number;
  receipts: number;
  createdAt: string;
  updatedAt: string;
}


const POLL = { timeout: 15_000, interval: 25 };

let platform: TestPlatform;
let app: HttpApp;
let subscriptions: Subscription[] = [];
/** Every example event the bus delivered, seen by an extra durable consumer of this test. */
const observed: CloudEvent[] = [];
let tenantA: TestTenant;
let tenantB: TestTenant;

beforeAll(async () => {
  platform = await createTestPlatform([exampleService]);
  app = await createTestApp(platform, [exampleService]);
  // The worker side: the service's consumers, plus an observer to get hold of the delivered envelopes.
  const registrations = exampleService.consumers!(platform);
  subscriptions = await Promise.all(registrations.map(({ spec, handler }) => platform.bus.subscribe(spec, handler)));
  subscriptions.push(await platform.bus.subscribe(consumerSpec({ durable: 'example-test-observer', events: 'example.>' }), async (event) => {
    observed.push(event);
  }));
  platform.relay.start();
  tenantA = await testTenant(platform);
  tenantB = await testTenant(platform);
});

afterAll(async () => {
  await Promise.all(subscriptions.map((subscription) => subscription.drain()));
  await app?.close();
  await platform?.cleanup();
});

/** Another user of `tenant` with `roles`. */
async function sameTenant(tenant: TestTenant, roles: string[]): Promise<TestTenant> {
  const subject = randomUUID();
  const token = await platform.tokens.issue({ subject, tenantId: tenant.tenantId, roles });
  return { tenantId: tenant.tenantId, subject, authorization: `Bearer ${token}` };
}

function expectProblem(response: LightMyRequestResponse, status: number, slug: string): Problem {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json<Problem>();
  expect(body).toMatchObject({ type: `/problems/${slug}`, status });
  expect(body.title).toEqual(expect.any(String));
  expect(body.detail).toEqual(expect.any(String));
  expect(body.requestId).toBe(response.headers['x-request-id']);
  return body;
}

function createPing(who: TestTenant, message: unknown, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/pings',
    headers: { authorization: who.authorization, 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ message }),
  });
}

async function newPing(who: TestTenant, message = `hello ${randomUUID()}`): Promise<Ping> {
  const response = await createPing(who, message);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Ping>();
}

function getPing(who: TestTenant, id: string) {
  return app.inject({ method: 'GET', url: `/api/v1/pings/${id}`, headers: { authorization: who.authorization } });
}

function patchPing(who: TestTenant, id: string, message: unknown, ifMatch?: string) {
  return app.inject({
    method: 'PATCH',
    url: `/api/v1/pings/${id}`,
    headers: { authorization: who.authorization, 'content-type': 'application/json', ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
    payload: JSON.stringify({ message }),
  });
}

function listPings(who: TestTenant, query = '') {
  return app.inject({ method: 'GET', url: `/api/v1/pings${query}`, headers: { authorization: who.authorization } });
}

async function receiptsOf(who: TestTenant, id: string): Promise<number> {
  const response = await getPing(who, id);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Ping>().receipts;
}

/** The delivered `example.ping.created` envelope of ping `id`. */
async function createdEventOf(id: string): Promise<CloudEvent> {
  const find = () => observed.find((event) => event.type === `tessera.${ExampleEvents.pingCreated}` && event.subject === id);
  await expect.poll(() => find() !== undefined, POLL).toBe(true);
  return find()!;
}

describe(`example service end to end (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  describe('create and receipts', () => {
    it('creates a ping (201, ETag, Location) and the consumer records one receipt', async () => {
      const response = await createPing(tenantA, 'first ping');
      expect(response.statusCode, response.body).toBe(201);
      const ping = response.json<Ping>();
      expect(ping).toMatchObject({ message: 'first ping', version: 1, receipts: 0 });
      expect(response.headers.etag).toBe('"1"');
      expect(response.headers.location).toBe(`/api/v1/pings/${ping.id}`);

      const read = await app.inject({ method: 'GET', url: String(response.headers.location), headers: { authorization: tenantA.authorization } });
      expect(read.statusCode).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.json<Ping>()).toMatchObject({ id: ping.id, message: 'first ping', version: 1 });

      await expect.poll(() => receiptsOf(tenantA, ping.id), POLL).toBe(1);

      const event = await createdEventOf(ping.id);
      expect(event).toMatchObject({
        specversion: '1.0',
        source: '/tessera/example',
        type: 'tessera.example.ping.created',
        subject: ping.id,
        tenantid: tenantA.tenantId,
        data: { pingId: ping.id, message: 'first ping', version: 1 },
      });
      expect(event.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-9a-f]$/);
    });

    it('takes effect exactly once however often the event is delivered', async () => {
      const ping = await newPing(tenantA, 'delivered twice');
      await expect.poll(() => receiptsOf(tenantA, ping.id), POLL).toBe(1);
      const event = await createdEventOf(ping.id);

      // Redeliver the very same envelope: straight to the consumer's handler (as a redelivery after a lost ack
      // would), twice, and once more through the bus.
      const registration = exampleService.consumers!(platform).find((r) => r.spec.durable === RECEIPTS_CONSUMER);
      expect(registration).toBeDefined();
      const delivery = { attempt: 2, subject: 'redelivery' };
      await registration!.handler(event, delivery);
      await Promise.all([registration!.handler(event, { ...delivery, attempt: 3 }), registration!.handler(event, { ...delivery, attempt: 4 })]);
      await platform.bus.publish([event]);

      // A later ping's receipt is the barrier: by then anything published before it has been handled too.
      const later = await newPing(tenantA, 'barrier');
      await expect.poll(() => receiptsOf(tenantA, later.id), POLL).toBe(1);

      expect(await receiptsOf(tenantA, ping.id)).toBe(1);
      const inbox = await platform.db.withSystem(async (tx) =>
        (await sql<{ n: number }>`select count(*)::int as n from platform.inbox
                                  where consumer = ${RECEIPTS_CONSUMER} and event_id = ${event.id}`.execute(tx)).rows[0]?.n);
      expect(inbox).toBe(1);
      const receipts = await platform.db.withTenant(tenantA.tenantId, async (tx) =>
        (await sql<{ n: number }>`select count(*)::int as n from example.ping_receipts where ping_id = ${ping.id}`.execute(tx)).rows[0]?.n);
      expect(receipts).toBe(1);
    });

    it('replays a create retried with the same Idempotency-Key instead of creating twice', async () => {
      const tenant = await testTenant(platform);
      const key = randomUUID();
      const first = await createPing(tenant, 'only once', { 'idempotency-key': key });
      const retry = await createPing(tenant, 'only once', { 'idempotency-key': key });
      expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.json<Ping>().id).toBe(first.json<Ping>().id);
      const list = (await listPings(tenant)).json<{ items: Ping[] }>();
      expect(list.items.map((p) => p.id)).toEqual([first.json<Ping>().id]);
      expectProblem(await createPing(tenant, 'something else', { 'idempotency-key': key }), 422, 'idempotency-key-reused');
    });
  });

  describe('listing', () => {
    it('pages newest first with limit and a chained nextCursor, without duplicates or gaps', async () => {
      const tenant = await testTenant(platform);
      const created: Ping[] = [];
      for (let i = 0; i < 5; i++) created.push(await newPing(tenant, `ping ${i}`));
      const expected = [...created]
        .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))
        .map((p) => p.id);

      const seen: string[] = [];
      const pageSizes: number[] = [];
      let cursor: string | null = null;
      do {
        const response: LightMyRequestResponse = await listPings(tenant, `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json<{ items: Ping[]; nextCursor: string | null }>();
        pageSizes.push(page.items.length);
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor && pageSizes.length < 10);

      expect(pageSizes).toEqual([2, 2, 1]);
      expect(new Set(seen).size).toBe(5);
      expect(seen).toEqual(expected);
    });

    it('pages through pings created within the same millisecond without losing any', async () => {
      // PostgreSQL keeps microseconds; the API (and its cursors) speak milliseconds. Rows of one millisecond
      // must neither vanish nor repeat at a page boundary.
      const tenant = await testTenant(platform);
      const stamps = ['2024-05-01T10:00:00.123100Z', '2024-05-01T10:00:00.123456Z', '2024-05-01T10:00:00.123900Z', '2024-05-01T10:00:00.122999Z'];
      const ids = stamps.map(() => randomUUID());
      await platform.db.withTenant(tenant.tenantId, async (tx) => {
        for (const [i, stamp] of stamps.entries()) {
          await sql`insert into example.pings (id, tenant_id, message, created_at, updated_at)
                    values (${ids[i]}, ${tenant.tenantId}, ${`same ms ${i}`}, ${stamp}::timestamptz, ${stamp}::timestamptz)`.execute(tx);
        }
      });
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response: LightMyRequestResponse = await listPings(tenant, `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json<{ items: Ping[]; nextCursor: string | null }>();
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect([...seen].sort()).toEqual([...ids].sort());
      expect(new Set(seen).size).toBe(ids.length);
    });

    it('refuses a cursor it did not issue with 400, not 500', async () => {
      const cursors = ['garbage', encodeCursor(['not-a-date', 'not-a-uuid']), encodeCursor([new Date().toISOString(), 'not-a-uuid']),
        encodeCursor([42, randomUUID()]), encodeCursor([new Date().toISOString()])];
      for (const cursor of cursors) {
        const body = expectProblem(await listPings(tenantA, `?cursor=${encodeURIComponent(cursor)}`), 400, 'validation-error');
        expect(body.code, cursor).toBe('PAGINATION.INVALID_CURSOR');
      }
      expectProblem(await listPings(tenantA, '?limit=0'), 400, 'validation-error');
      expectProblem(await listPings(tenantA, '?limit=101'), 400, 'validation-error');
    });

    it('refuses an over-long path parameter with a 400 problem, not the router\'s own 414', async () => {
      expectProblem(await getPing(tenantA, 'x'.repeat(300)), 400, 'validation-error');
    });
  });

  describe('optimistic concurrency', () => {
    it('updates with the current If-Match and refuses stale or missing ones with 412', async () => {
      const ping = await newPing(tenantA, 'v1');

      const updated = await patchPing(tenantA, ping.id, 'v2', '"1"');
      expect(updated.statusCode, updated.body).toBe(200);
      expect(updated.headers.etag).toBe('"2"');
      expect(updated.json<Ping>()).toMatchObject({ id: ping.id, message: 'v2', version: 2 });

      const stale = expectProblem(await patchPing(tenantA, ping.id, 'lost update', '"1"'), 412, 'precondition-failed');
      expect(stale.code).toBe('EXAMPLE.PING_VERSION_MISMATCH');
      const missing = expectProblem(await patchPing(tenantA, ping.id, 'blind write'), 412, 'precondition-failed');
      expect(missing.code).toBe('CONCURRENCY.IF_MATCH_REQUIRED');
      expectProblem(await patchPing(tenantA, ping.id, 'wildcard', '*'), 412, 'precondition-failed');

      const read = await getPing(tenantA, ping.id);
      expect(read.headers.etag).toBe('"2"');
      expect(read.json<Ping>()).toMatchObject({ message: 'v2', version: 2 });

      // The change is published too.
      await expect.poll(() => observed.some((e) => e.type === `tessera.${ExampleEvents.pingUpdated}` && e.subject === ping.id), POLL).toBe(true);
      const event = observed.find((e) => e.type === `tessera.${ExampleEvents.pingUpdated}` && e.subject === ping.id);
      expect(event?.data).toEqual({ pingId: ping.id, message: 'v2', version: 2 });
    });

    it('lets only the author or a moderator change a ping (object-level check), another student gets 403', async () => {
      const ping = await newPing(tenantA, 'mine');
      expect(ping.authorId).toBe(tenantA.subject);
      const classmate = await sameTenant(tenantA, ['student']);
      const refused = expectProblem(await patchPing(classmate, ping.id, 'not yours', '"1"'), 403, 'forbidden');
      expect(refused.code).toBe('AUTH.NOT_OWNER');
      expect((await getPing(tenantA, ping.id)).json<Ping>()).toMatchObject({ message: 'mine', version: 1 });

      const instructor = await sameTenant(tenantA, ['instructor']);
      const moderated = await patchPing(instructor, ping.id, 'moderated', '"1"');
      expect(moderated.statusCode, moderated.body).toBe(200);
      expect(moderated.json<Ping>()).toMatchObject({ message: 'moderated', version: 2, authorId: tenantA.subject });
    });

    it('answers 404 to an update of a ping that does not exist', async () => {
      const body = expectProblem(await patchPing(tenantA, randomUUID(), 'nobody', '"1"'), 404, 'not-found');
      expect(body.code).toBe('EXAMPLE.PING_NOT_FOUND');
    });
  });

  describe('tenant isolation', () => {
    it('hides one tenant\'s pings, changes and receipts from another', async () => {
      const ping = await newPing(tenantA, 'private to A');
      await expect.poll(() => receiptsOf(tenantA, ping.id), POLL).toBe(1);

      const get = expectProblem(await getPing(tenantB, ping.id), 404, 'not-found');
      expect(get.code).toBe('EXAMPLE.PING_NOT_FOUND');
      expectProblem(await patchPing(tenantB, ping.id, 'hijacked', '"1"'), 404, 'not-found');
      expect((await getPing(tenantA, ping.id)).json<Ping>()).toMatchObject({ message: 'private to A', version: 1 });

      const listB = await listPings(tenantB);
      expect(listB.statusCode).toBe(200);
      expect(listB.json()).toEqual({ items: [], nextCursor: null });

      const receiptsAs = (tenant: TestTenant) => platform.db.withTenant(tenant.tenantId, async (tx) =>
        (await sql<{ ping_id: string }>`select ping_id from example.ping_receipts where ping_id = ${ping.id}`.execute(tx)).rows);
      expect(await receiptsAs(tenantA)).toHaveLength(1);
      expect(await receiptsAs(tenantB)).toHaveLength(0);

      const pingB = await newPing(tenantB, 'private to B');
      expectProblem(await getPing(tenantA, pingB.id), 404, 'not-found');
      const idsA = (await listPings(tenantA, '?limit=100')).json<{ items: Ping[] }>().items.map((p) => p.id);
      expect(idsA).toContain(ping.id);
      expect(idsA).not.toContain(pingB.id);
      expect((await listPings(tenantB)).json<{ items: Ping[] }>().items.map((p) => p.id)).toEqual([pingB.id]);
    });

    it('requires a token', async () => {
      expectProblem(await app.inject({ method: 'GET', url: '/api/v1/pings' }), 401, 'unauthorized');
      expectProblem(await app.inject({ method: 'POST', url: '/api/v1/pings', payload: { message: 'x' } }), 401, 'unauthorized');
    });
  });

  describe('validation', () => {
    it('refuses an empty, too long, missing or mistyped message and unknown fields with 400', async () => {
      const pointers = async (response: Promise<LightMyRequestResponse>) =>
        expectProblem(await response, 400, 'validation-error').errors?.map((e) => e.pointer);
      expect(await pointers(createPing(tenantA, ''))).toContain('/body/message');
      expect(await pointers(createPing(tenantA, 'x'.repeat(501)))).toContain('/body/message');
      expect(await pointers(createPing(tenantA, 42))).toContain('/body/message');
      expect(await pointers(createPing(tenantA, undefined))).toContain('/body/message');
      const extra = app.inject({
        method: 'POST',
        url: '/api/v1/pings',
        headers: { authorization: tenantA.authorization, 'content-type': 'application/json' },
        payload: JSON.stringify({ message: 'ok', tenantId: tenantB.tenantId }),
      });
      expect(await pointers(extra)).toContain('/body/tenantId');
      expect((await createPing(tenantA, 'x'.repeat(500))).statusCode).toBe(201);
    });

    it('refuses a bad update body or id with 400', async () => {
      const ping = await newPing(tenantA);
      expectProblem(await patchPing(tenantA, ping.id, '', '"1"'), 400, 'validation-error');
      expectProblem(await patchPing(tenantA, ping.id, 'y'.repeat(501), '"1"'), 400, 'validation-error');
      const badId = expectProblem(await getPing(tenantA, 'not-a-uuid'), 400, 'validation-error');
      expect(badId.errors?.map((e) => e.pointer)).toContain('/params/id');
      expect((await getPing(tenantA, ping.id)).json<Ping>().version).toBe(1);
    });
  });

  describe('API description', () => {
    it('documents the ping routes in a valid OpenAPI 3.1 document with bearer auth and problem responses', async () => {
      const response = await app.inject({ method: 'GET', url: '/openapi.json' });
      expect(response.statusCode).toBe(200);
      type Operation = { security?: unknown; responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> };
      const doc = response.json<{ openapi: string; paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, unknown> } }>();
      expect(doc.openapi).toMatch(/^3\.1\./);
      const result = await validate(structuredClone(doc) as never);
      expect(result.valid, JSON.stringify(result)).toBe(true);
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      const operations: Array<[string, Operation | undefined]> = [
        ['POST /api/v1/pings', doc.paths['/api/v1/pings']?.post],
        ['GET /api/v1/pings', doc.paths['/api/v1/pings']?.get],
        ['GET /api/v1/pings/{id}', doc.paths['/api/v1/pings/{id}']?.get],
        ['PATCH /api/v1/pings/{id}', doc.paths['/api/v1/pings/{id}']?.patch],
      ];
      for (const [name, operation] of operations) {
        expect(operation, name).toBeDefined();
        expect(operation?.security, name).toEqual([{ bearer: [] }]);
        expect(operation?.responses?.['4XX']?.content?.['application/problem+json']?.schema?.$ref, name).toBe('#/components/schemas/Problem');
      }
      expect(Object.keys(doc.paths['/api/v1/pings']?.post?.responses ?? {})).toContain('201');
    });
  });
});
