import type { ProblemBody as Problem } from '../src/index.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { validate } from '@readme/openapi-parser';
import { Type } from '@sinclair/typebox';
import type { LightMyRequestResponse } from 'fastify';
import { SignJWT } from 'jose';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type ErrorKind } from '../src/errors.js';
import type { CloudEvent } from '../src/events/envelope.js';
import { principalOf } from '../src/http/auth-hook.js';
import { decodeCursor, encodeCursor, Page, PageQuery, toPage } from '../src/http/pagination.js';
import type { HttpApp } from '../src/http/server.js';
import { buildHttpApp } from '../src/runtime/http-app.js';
import type { ServiceModule } from '../src/runtime/service-module.js';
import { createTestPlatform, testBackends, testTenant, type TestPlatform, type TestTenant } from '../src/testing/index.js';

/* ------------------------------------------------------------------------------------------------------------
 * A throwaway service whose routes exercise the HTTP kit: schema validation, idempotency, error mapping,
 * pagination and trace propagation into the outbox.
 * ---------------------------------------------------------------------------------------------------------- */

const WidgetBody = Type.Object({ name: Type.String(), count: Type.Integer() });
const OrderBody = Type.Object({ item: Type.String(), hold: Type.Optional(Type.Boolean()) });
const failKinds = ['not_found', 'conflict', 'precondition_failed', 'unprocessable', 'forbidden', 'unavailable'] as const;
const NUMBERS = Array.from({ length: 7 }, (_, i) => i + 1);

/** How often the idempotent handler ran, per `item`. */
const orderCalls = new Map<string, number>();
/** A gate the idempotent handler waits on when `hold` is set, and a signal that it has started waiting. */
let gate = deferred();
let entered = deferred();

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const testModule: ServiceModule = {
  name: 'kit',
  async routes(app, context) {
    app.post('/kit/commands', {
      config: { permission: 'authenticated', optionalBody: true },
      schema: { tags: ['kit'], body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 10 })) }) },
    }, async (request) => ({ note: request.body.note ?? null }));
    app.post('/kit/widgets', { config: { permission: 'authenticated' }, schema: { tags: ['kit'], body: WidgetBody, response: { 201: WidgetBody } } }, async (request, reply) =>
      reply.code(201).send(request.body));

    app.post('/kit/orders', { config: { idempotent: true, permission: 'authenticated' }, schema: { tags: ['kit'], body: OrderBody } }, async (request, reply) => {
      const calls = (orderCalls.get(request.body.item) ?? 0) + 1;
      orderCalls.set(request.body.item, calls);
      if (request.body.hold) {
        entered.resolve();
        await gate.promise;
      }
      if (request.body.item.startsWith('flaky') && calls === 1) throw new Error('flaky the first time');
      return reply.code(201).send({ orderId: randomUUID(), item: request.body.item, calls });
    });

    app.get('/kit/crash', { config: { permission: 'authenticated' }, schema: { tags: ['kit'] } }, async () => {
      throw new Error('secret internals');
    });

    app.get('/kit/fail/:kind', {
      config: { permission: 'authenticated' },
      schema: { tags: ['kit'], params: Type.Object({ kind: Type.String({ enum: [...failKinds] }) }) },
    }, async (request) => {
      const kind = request.params.kind as ErrorKind;
      throw new AppError(kind, `KIT.${kind.toUpperCase()}`, `Failed with ${kind}`);
    });

    app.get('/kit/numbers', {
      config: { permission: 'authenticated' },
      schema: { tags: ['kit'], querystring: PageQuery, response: { 200: Page(Type.Object({ n: Type.Integer() })) } },
    }, async (request) => {
      const { limit, cursor } = request.query;
      const after = cursor ? decodeCursor(cursor, 1)[0] : 0;
      if (typeof after !== 'number') throw new AppError('invalid', 'PAGINATION.INVALID_CURSOR', 'bad cursor');
      const rows = NUMBERS.filter((n) => n > after).slice(0, limit + 1);
      return toPage(rows, limit, (n) => [n], (n) => ({ n }));
    });

    app.post('/kit/events', { config: { permission: 'authenticated' }, schema: { tags: ['kit'] } }, async (request) => {
      const { tenantId } = principalOf(request);
      const [event] = await context.db.withTenant(tenantId, (tx) =>
        context.outbox.emit(tx, tenantId, [{ name: 'kit.probe.emitted', subject: 'probe', data: { ok: true } }]));
      return { eventId: event?.id };
    });
  },
};

/* ------------------------------------------------------------------------------------------------------------ */

type Response = LightMyRequestResponse;


/** Asserts `response` is an RFC 9457 problem of `status` and `slug`, and returns its body. */
function expectProblem(response: Response, status: number, slug: string): Problem {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json<Problem>();
  expect(body.type.startsWith('/problems/')).toBe(true);
  expect(body).toMatchObject({ type: `/problems/${slug}`, status });
  expect(typeof body.title).toBe('string');
  expect(body.title.length).toBeGreaterThan(0);
  expect(typeof body.detail).toBe('string');
  expect(body.detail.length).toBeGreaterThan(0);
  expect(typeof body.requestId).toBe('string');
  expect(body.requestId).toBe(response.headers['x-request-id']);
  return body;
}

/** Waits, if needed, so that a short burst of requests does not straddle a rate-limit window (one minute). */
async function awayFromWindowEdge(): Promise<void> {
  const intoWindow = Date.now() % 60_000;
  if (intoWindow > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindow + 50));
}

let platform: TestPlatform;
let app: HttpApp;
let tenant: TestTenant;

beforeAll(async () => {
  // Kernel tests may not import services (dependency rule); the example service's own test covers its routes.
  platform = await createTestPlatform();
  app = await buildHttpApp(platform, [testModule]);
  tenant = await testTenant(platform);
});

afterAll(async () => {
  await app?.close();
  await platform?.cleanup();
});

describe(`HTTP kit (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  describe('request validation', () => {
    const post = (payload: string, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/kit/widgets',
        headers: { authorization: tenant.authorization, 'content-type': 'application/json', ...headers },
        payload,
      });

    it('accepts a valid body', async () => {
      const response = await post(JSON.stringify({ name: 'gear', count: 5 }));
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({ name: 'gear', count: 5 });
      const withCharset = await post(JSON.stringify({ name: 'gear', count: 6 }), { 'content-type': 'application/json; charset=utf-8' });
      expect(withCharset.statusCode).toBe(201);
    });

    it('refuses malformed JSON with 400 malformed-request', async () => {
      expectProblem(await post('{"name": "gear", "count":'), 400, 'malformed-request');
      expectProblem(await post('{name: gear}'), 400, 'malformed-request');
    });

    it('takes a missing body as {} on routes with optionalBody, and still validates one that is sent', async () => {
      const command = (payload?: string) => app.inject({
        method: 'POST', url: '/api/v1/kit/commands',
        headers: { authorization: tenant.authorization, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(payload === undefined ? {} : { payload }),
      });
      const bodiless = await command();
      expect(bodiless.statusCode, bodiless.body).toBe(200);
      expect(bodiless.json()).toEqual({ note: null });
      expect((await command('{"note":"hi"}')).json()).toEqual({ note: 'hi' });
      expectProblem(await command('{"note":"far too long a note"}'), 400, 'validation-error');
      expectProblem(await command('{"other":1}'), 400, 'validation-error');
    });

    it('refuses an empty JSON body with 400', async () => {
      const response = await post('');
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('does not coerce types: a string count is a validation error pointing at /body/count', async () => {
      const body = expectProblem(await post(JSON.stringify({ name: 'gear', count: '5' })), 400, 'validation-error');
      expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/body/count' })]));
      const fractional = expectProblem(await post(JSON.stringify({ name: 'gear', count: 1.5 })), 400, 'validation-error');
      expect(fractional.errors?.map((e) => e.pointer)).toContain('/body/count');
    });

    it('refuses an unknown field and names it', async () => {
      const body = expectProblem(await post(JSON.stringify({ name: 'gear', count: 1, colour: 'red' })), 400, 'validation-error');
      expect(body.errors?.map((e) => e.pointer)).toContain('/body/colour');
    });

    it('refuses a missing required field and names it', async () => {
      const body = expectProblem(await post(JSON.stringify({ count: 1 })), 400, 'validation-error');
      expect(body.errors?.map((e) => e.pointer)).toContain('/body/name');
    });

    it('reports every problem of a body at once', async () => {
      const body = expectProblem(await post(JSON.stringify({ count: 'x', extra: true })), 400, 'validation-error');
      expect(body.errors?.map((e) => e.pointer).sort()).toEqual(expect.arrayContaining(['/body/count', '/body/extra', '/body/name']));
    });

    it('refuses a body that is not JSON with 415', async () => {
      expectProblem(await post('name=gear&count=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type');
      expectProblem(await post('gear', { 'content-type': 'text/plain' }), 415, 'unsupported-media-type');
    });

    it('refuses a query parameter out of range', async () => {
      const tooMany = await app.inject({ method: 'GET', url: '/api/v1/kit/numbers?limit=101', headers: { authorization: tenant.authorization } });
      const body = expectProblem(tooMany, 400, 'validation-error');
      expect(body.errors?.map((e) => e.pointer)).toContain('/querystring/limit');
      const zero = await app.inject({ method: 'GET', url: '/api/v1/kit/numbers?limit=0', headers: { authorization: tenant.authorization } });
      expectProblem(zero, 400, 'validation-error');
    });
  });

  describe('body limit', () => {
    let small: TestPlatform;
    let smallApp: HttpApp;
    let smallTenant: TestTenant;

    beforeAll(async () => {
      small = await createTestPlatform([], { BODY_LIMIT_BYTES: '2048' });
      smallApp = await buildHttpApp(small, [testModule]);
      smallTenant = await testTenant(small);
    });

    afterAll(async () => {
      await smallApp?.close();
      await small?.cleanup();
    });

    it('answers 413 to a body over BODY_LIMIT_BYTES and accepts one under it', async () => {
      const inject = (name: string) => smallApp.inject({
        method: 'POST',
        url: '/api/v1/kit/widgets',
        headers: { authorization: smallTenant.authorization, 'content-type': 'application/json' },
        payload: JSON.stringify({ name, count: 1 }),
      });
      expectProblem(await inject('x'.repeat(4_000)), 413, 'payload-too-large');
      expect((await inject('x'.repeat(1_000))).statusCode).toBe(201);
    });
  });

  describe('routing', () => {
    it('answers an unknown route with a 404 problem, with or without a token', async () => {
      const anonymous = expectProblem(await app.inject({ method: 'GET', url: '/api/v1/nope?x=1' }), 404, 'not-found');
      expect(anonymous.detail).toContain('/api/v1/nope');
      expectProblem(await app.inject({ method: 'GET', url: '/api/v1/nope', headers: { authorization: tenant.authorization } }), 404, 'not-found');
      expectProblem(await app.inject({ method: 'GET', url: '/definitely/not/here' }), 404, 'not-found');
    });
  });

  describe('authentication and authorization', () => {
    let foreign: TestPlatform;

    beforeAll(async () => {
      foreign = await createTestPlatform();
    });

    afterAll(async () => {
      await foreign?.cleanup();
    });

    const list = (authorization?: string) =>
      app.inject({ method: 'GET', url: '/api/v1/kit/numbers', headers: authorization ? { authorization } : {} });

    it('lets a valid token through', async () => {
      expect((await list(tenant.authorization)).statusCode).toBe(200);
    });

    it('answers 401 without a token', async () => {
      const response = await list();
      const body = expectProblem(response, 401, 'unauthorized');
      expect(body.code).toBe('AUTH.TOKEN_MISSING');
      // RFC 9110 §15.5.2: a 401 must say how to authenticate.
      expect(response.headers['www-authenticate']).toMatch(/^Bearer\b/);
      expectProblem(await list('Basic dXNlcjpwYXNz'), 401, 'unauthorized');
      expectProblem(await list('Bearer'), 401, 'unauthorized');
    });

    it('answers 401 to a garbage token', async () => {
      const response = await list('Bearer not.a.jwt');
      const body = expectProblem(response, 401, 'unauthorized');
      expect(body.code).toBe('AUTH.INVALID_TOKEN');
      expect(response.headers['www-authenticate']).toMatch(/^Bearer\b/);
      expectProblem(await list(`Bearer ${randomBytes(48).toString('base64url')}`), 401, 'unauthorized');
    });

    it('answers 401 to a token signed by another key set', async () => {
      const other = await testTenant(foreign);
      const body = expectProblem(await list(other.authorization), 401, 'unauthorized');
      expect(body.code).toBe('AUTH.INVALID_TOKEN');
    });

    it('answers 401 to a token signed with a foreign key that claims one of our key ids', async () => {
      const ours = await platform.keys.current();
      const theirs = await foreign.keys.current();
      const forged = await new SignJWT({ tid: tenant.tenantId, roles: ['platform_admin'] })
        .setProtectedHeader({ alg: ours.algorithm, kid: ours.kid, typ: 'at+jwt' })
        .setIssuer(platform.config.TESSERA_ISSUER)
        .setAudience(platform.config.TESSERA_AUDIENCE)
        .setSubject(tenant.subject)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(theirs.privateKey);
      expectProblem(await list(`Bearer ${forged}`), 401, 'unauthorized');
    });

    it('answers 401 with AUTH.TOKEN_EXPIRED to an expired token', async () => {
      const key = await platform.keys.current();
      const now = Math.floor(Date.now() / 1000);
      const expired = await new SignJWT({ tid: tenant.tenantId, roles: ['student'] })
        .setProtectedHeader({ alg: key.algorithm, kid: key.kid, typ: 'at+jwt' })
        .setIssuer(platform.config.TESSERA_ISSUER)
        .setAudience(platform.config.TESSERA_AUDIENCE)
        .setSubject(tenant.subject)
        .setIssuedAt(now - 600)
        .setExpirationTime(now - 300)
        .sign(key.privateKey);
      const body = expectProblem(await list(`Bearer ${expired}`), 401, 'unauthorized');
      expect(body.code).toBe('AUTH.TOKEN_EXPIRED');
    });

    it('answers 401 to a token for another audience or issuer', async () => {
      const key = await platform.keys.current();
      const sign = (issuer: string, audience: string) => new SignJWT({ tid: tenant.tenantId, roles: ['student'] })
        .setProtectedHeader({ alg: key.algorithm, kid: key.kid, typ: 'at+jwt' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(tenant.subject)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key.privateKey);
      expectProblem(await list(`Bearer ${await sign(platform.config.TESSERA_ISSUER, 'someone-else')}`), 401, 'unauthorized');
      expectProblem(await list(`Bearer ${await sign('evil', platform.config.TESSERA_AUDIENCE)}`), 401, 'unauthorized');
      // The control: the same key, issuer and audience are accepted.
      expect((await list(`Bearer ${await sign(platform.config.TESSERA_ISSUER, platform.config.TESSERA_AUDIENCE)}`)).statusCode).toBe(200);
    });

    it('answers 403 when the roles do not allow the operation', async () => {
      const student = await testTenant(platform, ['student']);
      const denied = await app.inject({ method: 'GET', url: '/api/v1/admin/dead-letters', headers: { authorization: student.authorization } });
      const body = expectProblem(denied, 403, 'forbidden');
      expect(body.code).toBe('AUTH.PERMISSION_REQUIRED');
      const admin = await testTenant(platform, ['tenant_admin']);
      const allowed = await app.inject({ method: 'GET', url: '/api/v1/admin/dead-letters', headers: { authorization: admin.authorization } });
      expect(allowed.statusCode).toBe(200);
      expect(allowed.json()).toEqual({ items: [], nextCursor: null });
    });

    it('answers 404, not 500, when discarding a dead letter that cannot exist', async () => {
      const admin = await testTenant(platform, ['platform_admin']);
      for (const id of ['12345', '99999999999999999999']) {
        const response = await app.inject({ method: 'DELETE', url: `/api/v1/admin/dead-letters/${id}`, headers: { authorization: admin.authorization } });
        expect(response.statusCode, `${id}: ${response.body}`).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, `${id}: ${response.body}`).toBeLessThan(500);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      const student = await testTenant(platform, ['tenant_admin']);
      const denied = await app.inject({ method: 'DELETE', url: '/api/v1/admin/dead-letters/1', headers: { authorization: student.authorization } });
      expect(expectProblem(denied, 403, 'forbidden').code).toBe('AUTH.PERMISSION_REQUIRED');
    });

    it('answers 401, not 403, to an anonymous call of a role-guarded route', async () => {
      expectProblem(await app.inject({ method: 'GET', url: '/api/v1/admin/dead-letters' }), 401, 'unauthorized');
    });
  });

  describe('error mapping', () => {
    it('answers an unexpected error with a 500 problem that hides the internals', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/kit/crash', headers: { authorization: tenant.authorization } });
      const body = expectProblem(response, 500, 'internal-error');
      expect(response.body).not.toContain('secret internals');
      expect(response.body).not.toContain('stack');
      expect(body.detail).toContain(body.requestId);
    });

    it.each([
      ['not_found', 404, 'not-found'],
      ['conflict', 409, 'conflict'],
      ['precondition_failed', 412, 'precondition-failed'],
      ['unprocessable', 422, 'unprocessable'],
      ['forbidden', 403, 'forbidden'],
      ['unavailable', 503, 'unavailable'],
    ] as const)('maps AppError %s to %i with its code', async (kind, status, slug) => {
      const response = await app.inject({ method: 'GET', url: `/api/v1/kit/fail/${kind}`, headers: { authorization: tenant.authorization } });
      const body = expectProblem(response, status, slug);
      expect(body.code).toBe(`KIT.${kind.toUpperCase()}`);
      expect(body.detail).toBe(`Failed with ${kind}`);
      expect(body.instance).toBe(`/api/v1/kit/fail/${kind}`);
    });
  });

  describe('cursor pagination', () => {
    const page = (query: string) =>
      app.inject({ method: 'GET', url: `/api/v1/kit/numbers${query}`, headers: { authorization: tenant.authorization } });

    it('chains nextCursor to the end', async () => {
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response: Response = await page(`?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(response.statusCode).toBe(200);
        const body = response.json<{ items: Array<{ n: number }>; nextCursor: string | null }>();
        seen.push(...body.items.map((item) => item.n));
        cursor = body.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(seen).toEqual(NUMBERS);
      expect(pages).toBe(3);
    });

    it('defaults the limit', async () => {
      const body = (await page('')).json<{ items: unknown[]; nextCursor: string | null }>();
      expect(body.items).toHaveLength(NUMBERS.length);
      expect(body.nextCursor).toBeNull();
    });

    it('refuses a cursor it did not issue with 400', async () => {
      for (const cursor of ['not-a-cursor', '!!!', encodeCursor([1, 2]), Buffer.from('{"a":1}').toString('base64url')]) {
        const body = expectProblem(await page(`?cursor=${encodeURIComponent(cursor)}`), 400, 'validation-error');
        expect(body.code, cursor).toBe('PAGINATION.INVALID_CURSOR');
        expect(body.errors?.map((e) => e.pointer)).toContain('/querystring/cursor');
      }
      expectProblem(await page(`?cursor=${'a'.repeat(600)}`), 400, 'validation-error');
    });

    it('refuses a well-formed but tampered cursor on the dead-letter admin API with 400, not 500', async () => {
      const admin = await testTenant(platform, ['platform_admin']);
      for (const cursor of [encodeCursor(['abc']), encodeCursor([1.5]), encodeCursor([-1e300])]) {
        const response = await app.inject({
          method: 'GET',
          url: `/api/v1/admin/dead-letters?cursor=${cursor}`,
          headers: { authorization: admin.authorization },
        });
        const body = expectProblem(response, 400, 'validation-error');
        expect(body.code).toBe('PAGINATION.INVALID_CURSOR');
      }
    });
  });

  describe('rate limits', () => {
    let capped: TestPlatform;
    let cappedApp: HttpApp;

    beforeAll(async () => {
      capped = await createTestPlatform([], { RATE_LIMIT_USER_PER_MINUTE: '3' });
      cappedApp = await buildHttpApp(capped, [testModule]);
    });

    afterAll(async () => {
      await cappedApp?.close();
      await capped?.cleanup();
    });

    it('allows a user RATE_LIMIT_USER_PER_MINUTE requests, then answers 429 with Retry-After; other users go on', async () => {
      const alice = await testTenant(capped);
      const bob = { ...alice, subject: randomUUID() };
      bob.authorization = `Bearer ${await capped.tokens.issue({ subject: bob.subject, tenantId: alice.tenantId, roles: ['student'] })}`;
      const get = (who: TestTenant) => cappedApp.inject({ method: 'GET', url: '/api/v1/kit/numbers', headers: { authorization: who.authorization } });

      await awayFromWindowEdge();
      const remaining: string[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await get(alice);
        expect(response.statusCode).toBe(200);
        expect(response.headers['ratelimit-limit']).toBe('3');
        remaining.push(String(response.headers['ratelimit-remaining']));
        expect(Number(response.headers['ratelimit-reset'])).toBeGreaterThan(0);
      }
      expect(remaining).toEqual(['2', '1', '0']);

      const limited = await get(alice);
      const body = expectProblem(limited, 429, 'rate-limited');
      expect(body.code).toBe('RATE_LIMIT.USER');
      const retryAfter = Number(limited.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.headers['ratelimit-limit']).toBe('3');
      expect(limited.headers['ratelimit-remaining']).toBe('0');
      expect(limited.headers['ratelimit-reset']).toBeDefined();

      expect((await get(bob)).statusCode).toBe(200);
    });

    it('does not count public routes', async () => {
      for (let i = 0; i < 5; i++) expect((await cappedApp.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    });
  });

  describe('tenant rate limit', () => {
    let capped: TestPlatform;
    let cappedApp: HttpApp;

    beforeAll(async () => {
      capped = await createTestPlatform([], { RATE_LIMIT_TENANT_PER_MINUTE: '3' });
      cappedApp = await buildHttpApp(capped, [testModule]);
    });

    afterAll(async () => {
      await cappedApp?.close();
      await capped?.cleanup();
    });

    it('counts all users of a tenant together and leaves other tenants alone', async () => {
      const first = await testTenant(capped);
      const sameTenant = async () =>
        `Bearer ${await capped.tokens.issue({ subject: randomUUID(), tenantId: first.tenantId, roles: ['student'] })}`;
      const users = [first.authorization, await sameTenant(), await sameTenant(), await sameTenant()];
      const other = await testTenant(capped);
      const get = (authorization: string) => cappedApp.inject({ method: 'GET', url: '/api/v1/kit/numbers', headers: { authorization } });

      await awayFromWindowEdge();
      for (const authorization of users.slice(0, 3)) expect((await get(authorization)).statusCode).toBe(200);
      const limited = await get(users[3]!);
      const body = expectProblem(limited, 429, 'rate-limited');
      expect(body.code).toBe('RATE_LIMIT.TENANT');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(limited.headers['ratelimit-limit']).toBe('3');
      expect(limited.headers['ratelimit-remaining']).toBe('0');

      expect((await get(other.authorization)).statusCode).toBe(200);
    });
  });

  describe('Idempotency-Key', () => {
    const order = (key: string | undefined, body: object, who: TestTenant = tenant) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/kit/orders',
        headers: { authorization: who.authorization, 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }) },
        payload: JSON.stringify(body),
      });

    it('replays the stored response to a retry with the same key and body; the handler runs once', async () => {
      const key = randomUUID();
      const first = await order(key, { item: 'book' });
      expect(first.statusCode).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const retry = await order(key, { item: 'book' });
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.headers['content-type']).toBe(first.headers['content-type']);
      expect(retry.json()).toEqual(first.json());
      expect(orderCalls.get('book')).toBe(1);
    });

    it('runs the handler each time without a key', async () => {
      const first = await order(undefined, { item: 'pen' });
      const second = await order(undefined, { item: 'pen' });
      expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
      expect(second.json()).not.toEqual(first.json());
      expect(orderCalls.get('pen')).toBe(2);
    });

    it('refuses the same key with a different body with 422 idempotency-key-reused', async () => {
      const key = randomUUID();
      expect((await order(key, { item: 'lamp' })).statusCode).toBe(201);
      const body = expectProblem(await order(key, { item: 'chair' }), 422, 'idempotency-key-reused');
      expect(body.code).toBe('IDEMPOTENCY.KEY_REUSED');
      expect(orderCalls.get('chair')).toBeUndefined();
    });

    it('keeps keys of different tenants apart', async () => {
      const key = randomUUID();
      const other = await testTenant(platform);
      const mine = await order(key, { item: 'mug' });
      const theirs = await order(key, { item: 'mug' }, other);
      expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
      expect(theirs.headers['idempotent-replayed']).toBeUndefined();
      expect(theirs.json<{ orderId: string }>().orderId).not.toBe(mine.json<{ orderId: string }>().orderId);
      expect(orderCalls.get('mug')).toBe(2);
      // And a different body under the same key is not "reuse" across tenants either.
      expect((await order(key, { item: 'cup' }, await testTenant(platform))).statusCode).toBe(201);
    });

    it('refuses an invalid key with 400', async () => {
      const tooLong = expectProblem(await order('k'.repeat(256), { item: 'desk' }), 400, 'validation-error');
      expect(tooLong.code).toBe('IDEMPOTENCY.INVALID_KEY');
      expect(tooLong.errors?.map((e) => e.pointer)).toContain('/headers/idempotency-key');
      expectProblem(await order('has space', { item: 'desk' }), 400, 'validation-error');
      expectProblem(await order('', { item: 'desk' }), 400, 'validation-error');
      expect(orderCalls.get('desk')).toBeUndefined();
      expect((await order('k'.repeat(255), { item: 'desk' })).statusCode).toBe(201);
    });

    it('answers 409 to a retry while the first request is still running, then replays', async () => {
      const key = randomUUID();
      gate = deferred();
      entered = deferred();
      const first = order(key, { item: 'slow', hold: true });
      await entered.promise;
      const concurrent = await order(key, { item: 'slow', hold: true });
      const body = expectProblem(concurrent, 409, 'conflict');
      expect(body.code).toBe('IDEMPOTENCY.IN_PROGRESS');
      gate.resolve();
      const done = await first;
      expect(done.statusCode).toBe(201);
      const retry = await order(key, { item: 'slow', hold: true });
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.json()).toEqual(done.json());
      expect(orderCalls.get('slow')).toBe(1);
    });

    it('does not store a 5xx: a retry runs the handler again', async () => {
      const key = randomUUID();
      const failed = await order(key, { item: 'flaky-1' });
      expectProblem(failed, 500, 'internal-error');
      const retry = await order(key, { item: 'flaky-1' });
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
      expect(orderCalls.get('flaky-1')).toBe(2);
      expect((await order(key, { item: 'flaky-1' })).headers['idempotent-replayed']).toBe('true');
    });
  });

  describe('request ids and tracing', () => {
    it('echoes a given x-request-id, also into problems', async () => {
      const requestId = `test-${randomUUID()}`;
      const ok = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': requestId } });
      expect(ok.headers['x-request-id']).toBe(requestId);
      const problem = await app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'x-request-id': requestId } });
      expect(expectProblem(problem, 404, 'not-found').requestId).toBe(requestId);
    });

    it('generates a request id when none (or an unusable one) is given', async () => {
      const first = await app.inject({ method: 'GET', url: '/healthz' });
      const second = await app.inject({ method: 'GET', url: '/healthz' });
      const generated = [first.headers['x-request-id'], second.headers['x-request-id']];
      for (const id of generated) expect(id).toMatch(/^[\w.:-]{8,128}$/);
      expect(generated[0]).not.toBe(generated[1]);
      const unusable = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\twith spaces' } });
      expect(unusable.headers['x-request-id']).toMatch(/^[\w.:-]{8,128}$/);
      expect(unusable.headers['x-request-id']).not.toBe('bad id\twith spaces');
    });

    it('continues the caller trace into the events a request emits', async () => {
      const traceId = randomBytes(16).toString('hex');
      const parentSpanId = randomBytes(8).toString('hex');
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/kit/events',
        headers: { authorization: tenant.authorization, traceparent: `00-${traceId}-${parentSpanId}-01` },
      });
      expect(response.statusCode).toBe(200);
      const { eventId } = response.json<{ eventId: string }>();
      const rows = await platform.db.withSystem(async (tx) =>
        (await sql<{ tenant_id: string; event: CloudEvent }>`select tenant_id, event from platform.outbox where id = ${eventId}`.execute(tx)).rows);
      expect(rows).toHaveLength(1);
      const event = rows[0]!.event;
      expect(rows[0]!.tenant_id).toBe(tenant.tenantId);
      expect(event.tenantid).toBe(tenant.tenantId);
      expect(event.type).toBe('tessera.kit.probe.emitted');
      const [version, eventTraceId, spanId] = (event.traceparent ?? '').split('-');
      expect(version).toBe('00');
      expect(eventTraceId).toBe(traceId);
      expect(spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(spanId).not.toBe(parentSpanId);
    });

    it('starts a trace when the caller sends none', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/v1/kit/events', headers: { authorization: tenant.authorization } });
      const { eventId } = response.json<{ eventId: string }>();
      const event = await platform.db.withSystem(async (tx) =>
        (await sql<{ event: CloudEvent }>`select event from platform.outbox where id = ${eventId}`.execute(tx)).rows[0]?.event);
      expect(event?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-9a-f]$/);
      expect(event?.traceparent?.split('-')[1]).not.toBe('0'.repeat(32));
    });
  });

  describe('OpenAPI and docs', () => {
    it('serves a valid OpenAPI 3.1 document with the routes, the bearer scheme and problem responses', async () => {
      const response = await app.inject({ method: 'GET', url: '/openapi.json' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const doc = response.json<{
        openapi: string;
        paths: Record<string, Record<string, { security?: unknown; responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>; requestBody?: unknown }>>;
        components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
      }>();
      expect(doc.openapi).toMatch(/^3\.1\./);

      const result = await validate(structuredClone(doc) as never);
      expect(result.valid, JSON.stringify(result)).toBe(true);

      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(doc.components.schemas.Problem).toBeDefined();
      for (const path of ['/api/v1/kit/widgets', '/api/v1/kit/orders', '/api/v1/kit/numbers', '/api/v1/kit/fail/{kind}', '/api/v1/admin/dead-letters']) {
        expect(Object.keys(doc.paths), path).toContain(path);
      }
      for (const [path, operation] of [
        ['/api/v1/kit/widgets', doc.paths['/api/v1/kit/widgets']?.post],
        ['/api/v1/kit/numbers', doc.paths['/api/v1/kit/numbers']?.get],
        ['/api/v1/admin/dead-letters', doc.paths['/api/v1/admin/dead-letters']?.get],
      ] as const) {
        expect(operation, path).toBeDefined();
        expect(operation?.security).toEqual([{ bearer: [] }]);
        expect(operation?.responses?.['4XX']?.content?.['application/problem+json']?.schema?.$ref).toBe('#/components/schemas/Problem');
      }
      expect(JSON.stringify(doc.paths['/api/v1/kit/widgets']?.post?.requestBody)).toContain('count');
      // Kernel plumbing is not part of the API description.
      expect(Object.keys(doc.paths)).not.toContain('/healthz');
      expect(Object.keys(doc.paths)).not.toContain('/openapi.json');
    });

    it('serves the docs page as HTML', async () => {
      let response = await app.inject({ method: 'GET', url: '/docs' });
      for (let hops = 0; hops < 3 && response.statusCode >= 300 && response.statusCode < 400; hops++) {
        const location = String(response.headers.location);
        response = await app.inject({ method: 'GET', url: new URL(location, 'http://localhost/docs/').pathname });
      }
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body.toLowerCase()).toContain('<html');
    });
  });

  describe('kernel routes', () => {
    it('answers /healthz', async () => {
      const response = await app.inject({ method: 'GET', url: '/healthz' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok' });
    });

    it('answers /readyz with every dependency ok', async () => {
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ready', checks: { database: 'ok', bus: 'ok', cache: 'ok' } });
    });

    it('exposes per-route latency histograms at /metrics', async () => {
      await app.inject({ method: 'GET', url: '/api/v1/kit/numbers', headers: { authorization: tenant.authorization } });
      await app.inject({ method: 'GET', url: '/healthz' });
      const response = await app.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.body).toMatch(/tessera_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/kit\/numbers"/);
      // Route templates, not raw URLs, so the label set stays bounded.
      await app.inject({ method: 'GET', url: '/api/v1/kit/fail/conflict', headers: { authorization: tenant.authorization } });
      const after = (await app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(after).toMatch(/route="\/api\/v1\/kit\/fail\/:kind"/);
      expect(after).not.toMatch(/route="\/api\/v1\/kit\/fail\/conflict"/);
    });

    it('publishes the public signing keys at /.well-known/jwks.json', async () => {
      const response = await app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
      expect(response.statusCode).toBe(200);
      const { keys } = response.json<{ keys: Array<Record<string, string>> }>();
      expect(keys.length).toBeGreaterThan(0);
      const signingKid = (await platform.keys.current()).kid;
      const key = keys.find((candidate) => candidate.kid === signingKid);
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', kid: signingKid });
      expect(typeof key?.n).toBe('string');
      // No private member of an RSA key (d, p, q, dp, dq, qi) is ever published.
      for (const candidate of keys) for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(candidate).not.toHaveProperty(secret);
      const header = JSON.parse(Buffer.from(tenant.authorization.slice('Bearer '.length).split('.')[0]!, 'base64url').toString()) as { kid: string };
      expect(keys.map((candidate) => candidate.kid)).toContain(header.kid);
    });

    it('documents problem types at their type URI', async () => {
      const page = await app.inject({ method: 'GET', url: '/problems/validation-error' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toContain('/problems/validation-error');
      expectProblem(await app.inject({ method: 'GET', url: '/problems/nope' }), 404, 'not-found');
    });
  });
});
