import { randomUUID } from 'node:crypto';
import { testBackends } from '@tessera/platform/testing';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startIdentityKit, type IdentityKit } from './support/identity-kit.js';

let kit: IdentityKit;
let adminToken: string;

beforeAll(async () => {
  kit = await startIdentityKit();
  adminToken = (await kit.platformAdmin()).tokens.accessToken;
});

afterAll(async () => {
  await kit?.close();
});

interface TenantView { id: string; slug: string; name: string; tier: string; status: string; version: number }

async function createTenantOverHttp(body: Record<string, unknown>): Promise<TenantView> {
  const response = await kit.request('POST', '/api/v1/platform/tenants', { token: adminToken, body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TenantView>();
}

describe(`tenant lifecycle (${testBackends.database})`, () => {
  it('creates a standard tenant, invites its first admin by email, and lists it', async () => {
    const slug = `acme-${randomUUID().slice(0, 6)}`;
    const tenant = await createTenantOverHttp({ slug, name: 'Acme College', tier: 'standard', admin: { email: `boss@${slug}.test`, name: 'Boss' } });
    expect(tenant).toMatchObject({ slug, name: 'Acme College', tier: 'standard', status: 'active' });
    expect(await kit.lastMailTo(`boss@${slug}.test`)).toContain('You are invited to Acme College');
    const list = await kit.request('GET', '/api/v1/platform/tenants?limit=100', { token: adminToken });
    expect(list.json<{ items: TenantView[] }>().items.map((t) => t.slug)).toContain(slug);
    const publicPage = await kit.request('GET', `/api/v1/tenants/${slug}/public`);
    expect(publicPage.json()).toMatchObject({ slug, name: 'Acme College', selfRegistration: false, sso: false });
  });

  it('refuses a taken slug with 409 and bad input with 400, creating nothing', async () => {
    const tenant = await kit.tenant();
    expectProblem(await kit.request('POST', '/api/v1/platform/tenants', { token: adminToken, body: { slug: tenant.slug, name: 'Again', tier: 'standard' } }), 409, 'IDENTITY.SLUG_TAKEN');
    for (const body of [
      { slug: 'Bad Slug', name: 'x', tier: 'standard' },
      { slug: 'ok-slug', name: 'x', tier: 'platinum' },
      { slug: 'ok-slug', name: 'x'.repeat(10_000), tier: 'standard' },
      { slug: 'ok-slug', name: 'evil\u202Egnp.exe', tier: 'standard' },
      { slug: 'ok-slug', name: 'x', tier: 'standard', extra: true },
    ]) {
      expectProblem(await kit.request('POST', '/api/v1/platform/tenants', { token: adminToken, body }), 400);
    }
    expectProblem(await kit.request('GET', '/api/v1/tenants/ok-slug/public'), 404);
  });

  it('lets only platform admins manage tenants', async () => {
    const { tokens } = await kit.tenantAdmin();
    expectProblem(await kit.request('GET', '/api/v1/platform/tenants', { token: tokens.accessToken }), 403, 'AUTH.PERMISSION_REQUIRED');
    expectProblem(await kit.request('GET', '/api/v1/platform/tenants'), 401);
  });

  it('lets a tenant admin change name, sign-up and branding with If-Match, and refuses a stale version', async () => {
    const { tenant, tokens } = await kit.tenantAdmin();
    const current = await kit.request('GET', '/api/v1/tenant', { token: tokens.accessToken });
    const etag = String(current.headers.etag);
    const changed = await kit.request('PATCH', '/api/v1/tenant', {
      token: tokens.accessToken, headers: { 'if-match': etag },
      body: { name: 'Renamed U', settings: { selfRegistration: true, branding: { primaryColor: '#123456' } } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Renamed U', settings: { selfRegistration: true, branding: { primaryColor: '#123456' } } });
    expectProblem(await kit.request('PATCH', '/api/v1/tenant', { token: tokens.accessToken, headers: { 'if-match': etag }, body: { name: 'Lost update' } }), 412);
    expect((await kit.request('GET', `/api/v1/tenants/${tenant.slug}/public`)).json()).toMatchObject({ name: 'Renamed U', selfRegistration: true });
  });

  it('changes only the settings a PATCH names: saving branding keeps the MFA policy and sign-up', async () => {
    const { tokens } = await kit.tenantAdmin();
    const first = await kit.request('GET', '/api/v1/tenant', { token: tokens.accessToken });
    const policy = await kit.request('PATCH', '/api/v1/tenant', {
      token: tokens.accessToken, headers: { 'if-match': String(first.headers.etag) },
      body: { settings: { selfRegistration: true, mfaRequiredRoles: ['instructor'] } },
    });
    expect(policy.statusCode, policy.body).toBe(200);
    const branded = await kit.request('PATCH', '/api/v1/tenant', {
      token: tokens.accessToken, headers: { 'if-match': String(policy.headers.etag) },
      body: { settings: { branding: { accentColor: '#0f7b6c' } } },
    });
    expect(branded.statusCode, branded.body).toBe(200);
    expect(branded.json()).toMatchObject({ settings: { selfRegistration: true, mfaRequiredRoles: ['instructor'], branding: { accentColor: '#0f7b6c' } } });
  });

  it('exports a tenant\'s data, then deletes it: data erased, record anonymised, slug free again, tokens refused', async () => {
    const tenant = await kit.tenant();
    const student = await kit.user(tenant, { email: `exported-${randomUUID().slice(0, 6)}@example.test` });
    const tokens = await kit.signIn(student);
    const exported = await kit.request('GET', `/api/v1/platform/tenants/${tenant.id}/export`, { token: adminToken });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const data = exported.json<{ data: Record<string, Array<Record<string, unknown>>> }>().data;
    expect(data['identity.users']?.map((u) => u.email)).toEqual([student.email]);
    expect(data['identity.sessions']).toHaveLength(1);

    const upload = `tenants/${tenant.id}/media/${randomUUID()}/original`;
    const neighbour = `tenants/${randomUUID()}/media/${randomUUID()}/original`;
    await kit.platform.blobs.put(upload, Buffer.from('a file of the tenant'));
    await kit.platform.blobs.put(neighbour, Buffer.from('another tenant\'s file'));

    expectProblem(await kit.request('DELETE', `/api/v1/platform/tenants/${tenant.id}?confirm=wrong-slug`, { token: adminToken }), 422, 'IDENTITY.CONFIRMATION_MISMATCH');
    expect(await kit.platform.blobs.stat(upload)).toBeDefined();
    const deleted = await kit.request('DELETE', `/api/v1/platform/tenants/${tenant.id}?confirm=${tenant.slug}`, { token: adminToken });
    expect(deleted.statusCode, deleted.body).toBe(204);

    const remaining = await kit.platform.db.withSystem(async (tx) => {
      const users = await sql<{ n: number }>`select count(*)::int as n from identity.users where tenant_id = ${tenant.id}`.execute(tx);
      const record = await sql<{ name: string; status: string }>`select name, status from identity.tenants where id = ${tenant.id}`.execute(tx);
      return { users: users.rows[0]?.n, record: record.rows[0] };
    });
    expect(remaining).toEqual({ users: 0, record: { name: 'Deleted tenant', status: 'deleted' } });
    expect(await kit.platform.blobs.stat(upload)).toBeUndefined();
    expect(await kit.platform.blobs.stat(neighbour)).toBeDefined();
    expectProblem(await kit.request('POST', '/api/v1/auth/sign-out', { token: tokens.accessToken, body: {} }), 401, 'AUTH.UNKNOWN_TENANT');
    expectProblem(await kit.request('GET', `/api/v1/platform/tenants/${tenant.id}`, { token: adminToken }), 404);
    await createTenantOverHttp({ slug: tenant.slug, name: 'Reborn', tier: 'standard' });
  });
});

describe.skipIf(testBackends.database !== 'postgres')('enterprise tenants on their own PostgreSQL database', () => {
  it('provisions and migrates a database, keeps the tenant\'s rows there only, and drops it on deletion', async () => {
    const slug = `ent-${randomUUID().slice(0, 6)}`;
    const tenant = await createTenantOverHttp({ slug, name: 'Enterprise Co', tier: 'enterprise' });
    const registered = await kit.platform.tenants.get(tenant.id);
    expect(registered?.databaseName).toMatch(/_t_[0-9a-f]{32}$/);
    const student = await kit.user(tenant as never);
    const tokens = await kit.signIn(student);
    expect(tokens.user.tenantId).toBe(tenant.id);

    // The shared database holds no user of this tenant; the dedicated one does.
    const shared = await kit.platform.db.withSystem((tx) => sql<{ n: number }>`select count(*)::int as n from identity.users where tenant_id = ${tenant.id}`.execute(tx));
    expect(shared.rows[0]?.n).toBe(0);
    const dedicatedUrl = new URL(kit.platform.config.DATABASE_URL ?? '');
    dedicatedUrl.pathname = `/${registered?.databaseName}`;
    const client = new pg.Client({ connectionString: dedicatedUrl.toString() });
    await client.connect();
    try {
      const rows = await client.query('select email from identity.users where tenant_id = $1', [tenant.id]);
      expect(rows.rows.map((r: { email: string }) => r.email)).toEqual([student.email]);
    } finally {
      await client.end();
    }

    const deleted = await kit.request('DELETE', `/api/v1/platform/tenants/${tenant.id}?confirm=${slug}`, { token: adminToken });
    expect(deleted.statusCode, deleted.body).toBe(204);
    const exists = await kit.platform.db.withSystem((tx) => sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${registered?.databaseName ?? ''}`.execute(tx));
    expect(exists.rows[0]?.n).toBe(0);
  });
});

describe.skipIf(testBackends.database !== 'pglite')('enterprise tenants embedded', () => {
  it('keeps an enterprise tenant in a PGlite database of its own', async () => {
    const tenant = await createTenantOverHttp({ slug: `ent-${randomUUID().slice(0, 6)}`, name: 'Enterprise Co', tier: 'enterprise' });
    const student = await kit.user(tenant as never);
    await kit.signIn(student);
    const shared = await kit.platform.db.withSystem((tx) => sql<{ n: number }>`select count(*)::int as n from identity.users where tenant_id = ${tenant.id}`.execute(tx));
    expect(shared.rows[0]?.n).toBe(0);
  });
});
