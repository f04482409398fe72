import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { SignJWT } from 'jose';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AccessTokens, SigningKeys, type ServiceModule } from '../src/index.js';
import { SUPERSEDED_KEY_GRACE_SECONDS } from '../src/auth/signing-keys.js';
import type { HttpApp } from '../src/http/server.js';
import { createMetrics } from '../src/observability/metrics.js';
import { silentLogger } from '../src/observability/logger.js';
import { createPlatform, type Platform } from '../src/runtime/platform.js';
import { createTestApp, createTestPlatform, testBackends, testTenant, type TestPlatform, type TestTenant } from '../src/testing/index.js';

const probeModule: ServiceModule = {
  name: 'probe',
  async routes(app) {
    app.get('/probe/ping', { config: { permission: 'authenticated' } }, async () => ({ ok: true }));
  },
};

interface KeyView {
  kid: string;
  algorithm: string;
  createdAt: string;
  status: 'current' | 'verifying-only' | 'retired';
  retiresAt: string | null;
}

const KEYS_URL = '/api/v1/platform/signing-keys';

function kidOf(authorization: string): string {
  const header = authorization.replace(/^Bearer /, '').split('.')[0] ?? '';
  return (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid: string }).kid;
}

async function publishedKids(app: HttpApp): Promise<string[]> {
  const response = await app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
  return response.json<{ keys: Array<{ kid: string }> }>().keys.map((key) => key.kid);
}

const ping = (app: HttpApp, authorization: string) =>
  app.inject({ method: 'GET', url: '/api/v1/probe/ping', headers: { authorization } });

describe(`signing key rotation (${testBackends.database})`, () => {
  let platform: TestPlatform;
  let app: HttpApp;
  let admin: TestTenant;
  let student: TestTenant;

  beforeAll(async () => {
    platform = await createTestPlatform();
    app = await createTestApp(platform, [probeModule]);
    admin = await testTenant(platform, ['platform_admin']);
    student = await testTenant(platform, ['student']);
  });

  afterAll(async () => {
    await app?.close();
    await platform?.cleanup();
  });

  // A fresh admin token per call: the tests below retire the keys that signed earlier ones.
  const asAdmin = async () => `Bearer ${await platform.tokens.issue({ subject: admin.subject, tenantId: admin.tenantId, roles: ['platform_admin'] })}`;
  const call = async (method: 'GET' | 'POST', url: string, authorization?: string) =>
    app.inject({ method, url, headers: { authorization: authorization ?? await asAdmin() } });
  const listKeys = async () => (await call('GET', KEYS_URL)).json<{ items: KeyView[] }>().items;
  const rotate = async () => {
    const response = await call('POST', `${KEYS_URL}/rotate`);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<KeyView>();
  };

  it('lets only platform admins list, rotate and retire keys', async () => {
    const tenantAdmin = await testTenant(platform, ['tenant_admin']);
    for (const [method, url] of [['GET', KEYS_URL], ['POST', `${KEYS_URL}/rotate`], ['POST', `${KEYS_URL}/${randomUUID()}/retire`]] as const) {
      for (const caller of [student, tenantAdmin]) {
        const denied = await call(method, url, caller.authorization);
        expect(denied.statusCode, `${method} ${url}`).toBe(403);
        expect(denied.json()).toMatchObject({ code: 'AUTH.PERMISSION_REQUIRED' });
      }
      expect((await app.inject({ method, url })).statusCode).toBe(401);
    }
    expect(await listKeys()).toHaveLength(1);
  });

  it('lists kid, algorithm, creation time and status, never key material', async () => {
    const [only] = await listKeys();
    expect(only).toEqual({ kid: kidOf(admin.authorization), algorithm: 'RS256', createdAt: expect.any(String), status: 'current', retiresAt: null });
    expect(Object.keys(only ?? {}).sort()).toEqual(['algorithm', 'createdAt', 'kid', 'retiresAt', 'status']);
  });

  it('signs new tokens with the rotated-in key while tokens of the previous key keep verifying', async () => {
    const previousKid = kidOf(student.authorization);
    const rotated = await rotate();
    expect(rotated).toMatchObject({ algorithm: 'RS256', status: 'current', retiresAt: null });
    expect(rotated.kid).not.toBe(previousKid);

    const fresh = await testTenant(platform, ['student']);
    expect(kidOf(fresh.authorization)).toBe(rotated.kid);
    expect((await ping(app, fresh.authorization)).statusCode).toBe(200);
    expect((await ping(app, student.authorization)).statusCode).toBe(200);
    expect(await publishedKids(app)).toEqual(expect.arrayContaining([rotated.kid, previousKid]));

    const previous = (await listKeys()).find((key) => key.kid === previousKid);
    expect(previous?.status).toBe('verifying-only');
    // It verifies for the grace after the new key appeared: every token it signed has expired by then.
    const graceMs = Date.parse(previous?.retiresAt ?? '') - Date.parse(rotated.createdAt);
    expect(graceMs).toBe(SUPERSEDED_KEY_GRACE_SECONDS * 1000);
  });

  it('retires a superseded key: its tokens are refused and it leaves the JWKS', async () => {
    const superseded = (await listKeys()).find((key) => key.status === 'verifying-only');
    expect(superseded).toBeDefined();
    const retired = await call('POST', `${KEYS_URL}/${superseded?.kid}/retire`);
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({ kid: superseded?.kid, status: 'retired' });
    const refused = await ping(app, student.authorization);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
    expect(await publishedKids(app)).not.toContain(superseded?.kid);
    // Retiring twice changes nothing.
    expect((await call('POST', `${KEYS_URL}/${superseded?.kid}/retire`)).json()).toEqual(retired.json());
  });

  it('refuses to retire the current key (409) and answers 404 for a key it does not have', async () => {
    const current = (await listKeys()).find((key) => key.status === 'current');
    const conflict = await call('POST', `${KEYS_URL}/${current?.kid}/retire`);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ code: 'SIGNING_KEY.CURRENT' });
    const missing = await call('POST', `${KEYS_URL}/${randomUUID()}/retire`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('retires a superseded key by itself once its grace has run out', async () => {
    const old = kidOf((await testTenant(platform)).authorization);
    const replacement = await rotate();
    // Move both keys back in time instead of waiting: the replacement appeared longer ago than the grace.
    const graceAgo = SUPERSEDED_KEY_GRACE_SECONDS + 60;
    await platform.db.withSystem(async (tx) => {
      await sql`update platform.signing_keys set created_at = now() - ${graceAgo * 2}::int * interval '1 second' where kid = ${old}`.execute(tx);
      await sql`update platform.signing_keys set created_at = now() - ${graceAgo}::int * interval '1 second' where kid = ${replacement.kid}`.execute(tx);
    });
    await platform.keys.refresh();
    expect(await publishedKids(app)).not.toContain(old);
    const listed = (await listKeys()).find((key) => key.kid === old);
    expect(listed?.status).toBe('retired');
    const stamped = await platform.db.withSystem(async (tx) =>
      (await sql<{ retired_at: Date | null }>`select retired_at from platform.signing_keys where kid = ${old}`.execute(tx)).rows[0]?.retired_at);
    expect(stamped?.toISOString()).toBe(listed?.retiresAt);
    expect((await listKeys()).filter((key) => key.status === 'current').map((key) => key.kid)).toEqual([replacement.kid]);
  });

  it('rotates on schedule once the newest key is older than the maximum age, once however many processes ask', async () => {
    await rotate();
    expect(await platform.keys.rotateIfOlderThan(30)).toBeUndefined();
    await platform.db.withSystem((tx) => sql`update platform.signing_keys set created_at = created_at - interval '31 days'`.execute(tx));
    const kids = await Promise.all([platform.keys.rotateIfOlderThan(30), platform.keys.rotateIfOlderThan(30), platform.keys.rotateIfOlderThan(30)]);
    const rotated = kids.filter((kid): kid is string => kid !== undefined);
    expect(rotated).toHaveLength(1);
    expect(await platform.keys.rotateIfOlderThan(30)).toBeUndefined();
    expect(kidOf(await asAdmin())).toBe(rotated[0]);
  });

  it('describes the routes in OpenAPI with their permission', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, Record<string, unknown>>> }>();
    const operations = [doc.paths[KEYS_URL]?.get, doc.paths[`${KEYS_URL}/rotate`]?.post, doc.paths[`${KEYS_URL}/{kid}/retire`]?.post];
    for (const operation of operations) {
      expect(operation?.['x-permission']).toBe('platform.signing_keys.manage');
      expect(operation?.security).toEqual([{ bearer: [] }]);
    }
    expect(JSON.stringify(doc.paths[KEYS_URL])).not.toMatch(/private|"d"/);
  });
});

/** A process that started (and loaded the key set) before another process rotated a key in. */
interface TwoProcesses {
  verifierApp: HttpApp;
  verifierKeys: SigningKeys;
  rotateElsewhere(): Promise<string>;
  issueElsewhere(tenant: TestTenant): Promise<string>;
  close(): Promise<void>;
}

/**
 * With PostgreSQL, a second platform on the same database; PGlite cannot be shared, so there the other
 * "process" is a second SigningKeys on the same database, and the platform's own app is the one that verifies.
 */
async function twoProcesses(platform: TestPlatform, app: HttpApp): Promise<TwoProcesses> {
  const issuer = platform.config.TESSERA_ISSUER;
  const audience = platform.config.TESSERA_AUDIENCE;
  if (testBackends.database === 'postgres') {
    const second: Platform = await createPlatform(platform.config, { logger: silentLogger(), metrics: createMetrics({ processMetrics: false }) });
    const verifierApp = await createTestApp(second, [probeModule]);
    await second.keys.jwks();
    return {
      verifierApp,
      verifierKeys: second.keys,
      rotateElsewhere: () => platform.keys.rotate(),
      issueElsewhere: (tenant) => platform.tokens.issue({ subject: tenant.subject, tenantId: tenant.tenantId, roles: ['student'] }),
      close: async () => {
        await verifierApp.close();
        await second.close();
      },
    };
  }
  await platform.keys.jwks();
  const otherKeys = new SigningKeys(platform.db);
  const otherTokens = new AccessTokens(otherKeys, issuer, audience);
  return {
    verifierApp: app,
    verifierKeys: platform.keys,
    rotateElsewhere: () => otherKeys.rotate(),
    issueElsewhere: (tenant) => otherTokens.issue({ subject: tenant.subject, tenantId: tenant.tenantId, roles: ['student'] }),
    close: async () => undefined,
  };
}

describe(`signing keys across processes (${testBackends.database})`, () => {
  let platform: TestPlatform;
  let app: HttpApp;

  beforeAll(async () => {
    platform = await createTestPlatform();
    app = await createTestApp(platform, [probeModule]);
  });

  afterAll(async () => {
    await app?.close();
    await platform?.cleanup();
  });

  it('accepts a token signed with a key another process rotated in after this one loaded its keys', async () => {
    const tenant = await testTenant(platform);
    const processes = await twoProcesses(platform, app);
    try {
      const kid = await processes.rotateElsewhere();
      const kidsBefore = (await processes.verifierKeys.jwks()).keys.map((key) => key.kid);
      expect(kidsBefore).not.toContain(kid);
      const token = await processes.issueElsewhere(tenant);
      expect(kidOf(token)).toBe(kid);
      const response: LightMyRequestResponse = await ping(processes.verifierApp, `Bearer ${token}`);
      expect(response.statusCode, response.body).toBe(200);
      expect((await processes.verifierKeys.jwks()).keys.map((key) => key.kid)).toContain(kid);
    } finally {
      await processes.close();
    }
  });

  it('reloads its key set once per cooldown, however many unknown key ids arrive', async () => {
    const keys = new SigningKeys(platform.db);
    const tokens = new AccessTokens(keys, platform.config.TESSERA_ISSUER, platform.config.TESSERA_AUDIENCE);
    await keys.jwks();
    const reloads = vi.spyOn(keys, 'refresh');
    const { privateKey } = await keys.current();
    for (let attempt = 0; attempt < 25; attempt++) {
      const forged = await new SignJWT({ tid: randomUUID(), roles: ['student'] })
        .setProtectedHeader({ alg: 'RS256', kid: randomUUID(), typ: 'at+jwt' })
        .setIssuer(platform.config.TESSERA_ISSUER).setAudience(platform.config.TESSERA_AUDIENCE)
        .setSubject('someone').setIssuedAt().setExpirationTime('5m').sign(privateKey);
      await expect(tokens.verify(forged)).rejects.toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
    }
    expect(reloads).toHaveBeenCalledTimes(1);
  });
});
