import { principalOf, type HttpApp, type ServiceModule } from '@tessera/platform';
import { createTestApp, testBackends, type TestPlatform } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IdentityDatabase } from '../src/db/identity.table.js';
import { identityService } from '../src/index.js';
import { expectProblem, startIdentityKit, type IdentityKit } from './support/identity-kit.js';

// A route of "another service" that needs identity.users.read, so the test does not depend on GET /users.
const probeModule: ServiceModule = {
  name: 'probe',
  async routes(app) {
    app.get('/probe/users', { config: { permission: 'identity.users.read' }, schema: { tags: ['probe'] } }, async (request) => {
      const { kind, subject, tenantId, scopes } = principalOf(request);
      return { kind, subject, tenantId, scopes };
    });
  },
};

interface Created { id: string; name: string; prefix: string; scopes: string[]; createdAt: string; expiresAt: string | null; key: string }
interface Listed { id: string; prefix: string; status: string; revokedAt: string | null; lastUsedAt: string | null; expiresAt: string | null }

let kit: IdentityKit;
let app: HttpApp;

beforeAll(async () => {
  kit = await startIdentityKit();
  app = await createTestApp(kit.platform, [identityService, probeModule]);
});

afterAll(async () => {
  await app?.close();
  await kit?.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function call(method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}, on: HttpApp = app): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return on.inject({ method: method as 'GET', url, headers, ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}) });
}

async function createKey(adminToken: string, body: Record<string, unknown> = {}): Promise<Created> {
  const response = await call('POST', '/api/v1/api-keys', { token: adminToken, body: { name: 'Sync job', scopes: ['identity.users.read'], ...body } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Created>();
}

async function listKeys(adminToken: string, query = ''): Promise<{ items: Listed[]; nextCursor: string | null }> {
  const response = await call('GET', `/api/v1/api-keys${query}`, { token: adminToken });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** Replaces one character of the key's secret part (the key stays well-formed). */
function tampered(key: string): string {
  const last = key.at(-1) === 'A' ? 'B' : 'A';
  return `${key.slice(0, -1)}${last}`;
}

describe(`API keys (${testBackends.database}, ${testBackends.cache})`, () => {
  it('creates a key shown once, which reads users with its scope and is refused a permission it lacks', async () => {
    const { tenant, tokens } = await kit.tenantAdmin();
    const created = await createKey(tokens.accessToken);
    const hex = (id: string) => id.replaceAll('-', '');
    expect(created.key).toMatch(new RegExp(`^tsk_${hex(tenant.id)}${hex(created.id)}_[A-Za-z0-9_-]{43}$`));
    expect(created).toMatchObject({ name: 'Sync job', scopes: ['identity.users.read'], expiresAt: null, prefix: `tsk_…${hex(created.id).slice(-4)}` });

    const probe = await call('GET', '/api/v1/probe/users', { token: created.key });
    expect(probe.statusCode, probe.body).toBe(200);
    expect(probe.json()).toEqual({ kind: 'api_key', subject: `apikey:${created.id}`, tenantId: tenant.id, scopes: ['identity.users.read'] });
    expectProblem(await call('GET', '/api/v1/api-keys', { token: created.key }), 403, 'AUTH.PERMISSION_REQUIRED');

    const secret = created.key.split('_').slice(2).join('_');
    const list = await call('GET', '/api/v1/api-keys', { token: tokens.accessToken });
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toContain(created.key);
    const [listed] = list.json<{ items: Listed[] }>().items;
    expect(listed).toMatchObject({ id: created.id, prefix: created.prefix, status: 'active', revokedAt: null });
    expect(listed).not.toHaveProperty('key');
    const stored = await kit.platform.db.withTenant<IdentityDatabase, { secret_hash: string } | undefined>(tenant.id, (tx) =>
      tx.selectFrom('identity.api_keys').select('secret_hash').where('id', '=', created.id).executeTakeFirst());
    expect(stored?.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.secret_hash).not.toContain(secret);
  });

  it('reads GET /users with a users.read key once that route exists', async (context) => {
    if (!app.hasRoute({ method: 'GET', url: '/api/v1/users' })) context.skip();
    const { tokens } = await kit.tenantAdmin();
    const created = await createKey(tokens.accessToken);
    expect((await call('GET', '/api/v1/users', { token: created.key })).statusCode).toBe(200);
  });

  it('stops a revoked key at once in this process and within 30 s in another, and lists it as revoked', async () => {
    const { tokens } = await kit.tenantAdmin();
    const created = await createKey(tokens.accessToken);
    // Another process: its own identity deps and so its own memory of verified keys.
    const other = await createTestApp(Object.create(kit.platform) as TestPlatform, [identityService, probeModule]);
    try {
      expect((await call('GET', '/api/v1/probe/users', { token: created.key }, other)).statusCode).toBe(200);
      expect((await call('DELETE', `/api/v1/api-keys/${created.id}`, { token: tokens.accessToken })).statusCode).toBe(204);
      expectProblem(await call('GET', '/api/v1/probe/users', { token: created.key }), 401, 'AUTH.INVALID_API_KEY');
      expect((await call('GET', '/api/v1/probe/users', { token: created.key }, other)).statusCode).toBe(200);
      const realNow = Date.now.bind(Date);
      vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 31_000);
      expectProblem(await call('GET', '/api/v1/probe/users', { token: created.key }, other), 401, 'AUTH.INVALID_API_KEY');
    } finally {
      vi.restoreAllMocks();
      await other.close();
    }
    const [listed] = (await listKeys(tokens.accessToken)).items;
    expect(listed).toMatchObject({ id: created.id, status: 'revoked' });
    expect(listed?.revokedAt).toEqual(expect.any(String));
    // Revoking again changes nothing and is not an error.
    expect((await call('DELETE', `/api/v1/api-keys/${created.id}`, { token: tokens.accessToken })).statusCode).toBe(204);
  });

  it('refuses expired, tampered, malformed and forged keys with 401', async () => {
    const { tenant, tokens } = await kit.tenantAdmin();
    const soon = new Date(Date.now() + 3600_000).toISOString();
    const expiring = await createKey(tokens.accessToken, { expiresAt: soon });
    expect(expiring.expiresAt).toBe(soon);
    await kit.platform.db.withTenant<IdentityDatabase, unknown>(tenant.id, (tx) =>
      tx.updateTable('identity.api_keys').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', expiring.id).execute());
    expectProblem(await call('GET', '/api/v1/probe/users', { token: expiring.key }), 401, 'AUTH.INVALID_API_KEY');
    expect((await listKeys(tokens.accessToken)).items.find((k) => k.id === expiring.id)?.status).toBe('expired');

    const valid = await createKey(tokens.accessToken);
    expectProblem(await call('GET', '/api/v1/probe/users', { token: tampered(valid.key) }), 401, 'AUTH.INVALID_API_KEY');
    for (const forged of ['tsk_', 'tsk_nothex', `${valid.key}x`, `tsk_${'0'.repeat(64)}_${'A'.repeat(43)}`]) {
      expectProblem(await call('GET', '/api/v1/probe/users', { token: forged }), 401, 'AUTH.INVALID_API_KEY');
    }
    expect((await call('GET', '/api/v1/probe/users', { token: valid.key })).statusCode).toBe(200);
  });

  it('answers repeated forged keys and wrong secrets from memory, and records use at most once a minute', async () => {
    const { tenant, tokens } = await kit.tenantAdmin();
    const valid = await createKey(tokens.accessToken);
    const forged = `tsk_${tenant.id.replaceAll('-', '')}${'ab'.repeat(16)}_${'A'.repeat(43)}`;
    const queries = vi.spyOn(kit.platform.db, 'withTenant');
    for (let i = 0; i < 10; i++) expectProblem(await call('GET', '/api/v1/probe/users', { token: forged }), 401);
    expect(queries).toHaveBeenCalledTimes(1);

    queries.mockClear();
    for (let i = 0; i < 5; i++) expect((await call('GET', '/api/v1/probe/users', { token: valid.key })).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expectProblem(await call('GET', '/api/v1/probe/users', { token: tampered(valid.key) }), 401);
    expect(queries).toHaveBeenCalledTimes(2); // one read of the key, one write of last_used_at
    queries.mockRestore();
    const [listed] = (await listKeys(tokens.accessToken)).items;
    expect(listed?.lastUsedAt).toEqual(expect.any(String));
  });

  it('refuses a key of a suspended tenant with 403 and accepts it again after reactivation', async () => {
    const { tenant, tokens } = await kit.tenantAdmin();
    const created = await createKey(tokens.accessToken);
    const admin = await kit.platformAdmin();
    expect((await kit.request('POST', `/api/v1/platform/tenants/${tenant.id}/suspend`, { token: admin.tokens.accessToken })).statusCode).toBe(200);
    expectProblem(await call('GET', '/api/v1/probe/users', { token: created.key }), 403, 'TENANT.SUSPENDED');
    expect((await kit.request('POST', `/api/v1/platform/tenants/${tenant.id}/reactivate`, { token: admin.tokens.accessToken })).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/probe/users', { token: created.key })).statusCode).toBe(200);
  });

  it('keeps tenants apart: a key id and secret of tenant B under tenant A\'s name fails, and B\'s admin cannot see or revoke A\'s keys', async () => {
    const a = await kit.tenantAdmin();
    const b = await kit.tenantAdmin();
    const keyOfA = await createKey(a.tokens.accessToken);
    const keyOfB = await createKey(b.tokens.accessToken);
    const spliced = `tsk_${a.tenant.id.replaceAll('-', '')}${keyOfB.key.slice(4 + 32)}`;
    expectProblem(await call('GET', '/api/v1/probe/users', { token: spliced }), 401, 'AUTH.INVALID_API_KEY');

    const listOfB = await listKeys(b.tokens.accessToken);
    expect(listOfB.items.map((k) => k.id)).toEqual([keyOfB.id]);
    expectProblem(await call('DELETE', `/api/v1/api-keys/${keyOfA.id}`, { token: b.tokens.accessToken }), 404, 'IDENTITY.API_KEY_NOT_FOUND');
    expect((await call('GET', '/api/v1/probe/users', { token: keyOfA.key })).statusCode).toBe(200);
  });

  it('grants only declared permissions the creator holds, never tenant management, with a bounded lifetime', async () => {
    const { tokens } = await kit.tenantAdmin();
    const post = (body: Record<string, unknown>) => call('POST', '/api/v1/api-keys', { token: tokens.accessToken, body: { name: 'k', scopes: ['identity.users.read'], ...body } });
    expectProblem(await post({ scopes: ['identity.tenants.manage'] }), 403, 'IDENTITY.SCOPE_NOT_GRANTABLE');
    expectProblem(await post({ scopes: ['platform.dead_letters.manage'] }), 403, 'IDENTITY.SCOPE_NOT_HELD');
    expectProblem(await post({ scopes: ['identity.no_such.thing'] }), 400, 'IDENTITY.UNKNOWN_SCOPE');
    expectProblem(await post({ scopes: [] }), 400);
    expectProblem(await post({ scopes: ['authenticated'] }), 400, 'IDENTITY.UNKNOWN_SCOPE');
    expectProblem(await post({ expiresAt: new Date(Date.now() - 60_000).toISOString() }), 400, 'IDENTITY.INVALID_EXPIRY');
    expectProblem(await post({ expiresAt: new Date(Date.now() + 3 * 365 * 86_400_000).toISOString() }), 400, 'IDENTITY.INVALID_EXPIRY');
    expectProblem(await post({ expiresAt: 'tomorrow' }), 400);
    expectProblem(await post({ name: '   ' }), 400);
    expectProblem(await post({ secret: 'extra' }), 400);
    const many = await post({ scopes: ['identity.users.read', 'identity.users.manage', 'identity.api_keys.manage'] });
    expect(many.statusCode, many.body).toBe(201);
  });

  it('lets a key with the manage scope list and revoke keys but never create one', async () => {
    const { tokens } = await kit.tenantAdmin();
    const manager = await createKey(tokens.accessToken, { scopes: ['identity.api_keys.manage'] });
    expectProblem(await call('POST', '/api/v1/api-keys', { token: manager.key, body: { name: 'x', scopes: ['identity.api_keys.manage'] } }), 403, 'IDENTITY.USER_ONLY');
    expect((await call('GET', '/api/v1/api-keys', { token: manager.key })).statusCode).toBe(200);
  });

  it('replays a creation retried with the same Idempotency-Key instead of making a second key', async () => {
    const { tokens } = await kit.tenantAdmin();
    const send = () => call('POST', '/api/v1/api-keys', { token: tokens.accessToken, body: { name: 'Retry', scopes: ['identity.users.read'] }, headers: { 'idempotency-key': 'create-retry-1' } });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json<Created>().id).toBe(first.json<Created>().id);
    expect((await listKeys(tokens.accessToken)).items).toHaveLength(1);
  });

  it('pages through keys newest first', async () => {
    const { tokens } = await kit.tenantAdmin();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createKey(tokens.accessToken, { name: `k${i}` })).id);
    const first = await listKeys(tokens.accessToken, '?limit=2');
    expect(first.items.map((k) => k.id)).toEqual([ids[2], ids[1]]);
    const second = await listKeys(tokens.accessToken, `?limit=2&cursor=${first.nextCursor ?? ''}`);
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    expectProblem(await call('GET', '/api/v1/api-keys?cursor=garbage', { token: tokens.accessToken }), 400, 'PAGINATION.INVALID_CURSOR');
  });

  it('refuses callers without credentials (401) and without the permission (403)', async () => {
    const { tenant, tokens } = await kit.tenantAdmin();
    const created = await createKey(tokens.accessToken);
    const student = await kit.signIn(await kit.user(tenant, { roles: ['student'] }));
    for (const [method, url] of [['GET', '/api/v1/api-keys'], ['POST', '/api/v1/api-keys'], ['DELETE', `/api/v1/api-keys/${created.id}`]] as const) {
      const body = method === 'POST' ? { name: 'x', scopes: ['identity.users.read'] } : undefined;
      expectProblem(await call(method, url, { body }), 401, 'AUTH.TOKEN_MISSING');
      expectProblem(await call(method, url, { token: student.accessToken, body }), 403, 'AUTH.PERMISSION_REQUIRED');
    }
    expect((await call('GET', '/api/v1/probe/users', { token: created.key })).statusCode).toBe(200);
  });
});
