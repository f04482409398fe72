import { constants, createHmac, createPublicKey, KeyObject, randomUUID, sign as rsaSign } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProblemBody, ServiceModule } from '../src/index.js';
import { principalOf } from '../src/http/auth-hook.js';
import type { HttpApp } from '../src/http/server.js';
import { createTestApp, createTestPlatform, testBackends, testTenant, type TestPlatform, type TestTenant } from '../src/testing/index.js';

/* Every forged, stale or malformed credential must get a 401 problem: never a 200, never a 500. */

const probeModule: ServiceModule = {
  name: 'probe',
  async routes(app) {
    app.get('/probe/whoami', { config: { permission: 'authenticated' } }, async (request) => {
      const { tenantId, roles } = principalOf(request);
      return { tenantId, roles };
    });
  },
};

let platform: TestPlatform;
let app: HttpApp;
let tenant: TestTenant;

beforeAll(async () => {
  platform = await createTestPlatform();
  app = await createTestApp(platform, [probeModule]);
  tenant = await testTenant(platform, ['student']);
});

afterAll(async () => {
  await app?.close();
  await platform?.cleanup();
});

const bearer = (token: string) => `Bearer ${token}`;

function whoami(authorization: string | undefined, host?: string): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (authorization !== undefined) headers.authorization = authorization;
  if (host) headers.host = host;
  return app.inject({ method: 'GET', url: '/api/v1/probe/whoami', headers });
}

function expectUnauthorized(response: LightMyRequestResponse, code?: string): void {
  expect(response.statusCode, response.body).toBe(401);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json<ProblemBody>();
  expect(body).toMatchObject({ type: '/problems/unauthorized', status: 401 });
  if (code) expect(body.code).toBe(code);
}

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

/** Claims of a token this platform would accept; an override of `undefined` removes the claim. */
function claims(overrides: Record<string, unknown> = {}): JWTPayload {
  const base: Record<string, unknown> = {
    iss: platform.config.TESSERA_ISSUER, aud: platform.config.TESSERA_AUDIENCE, sub: tenant.subject,
    tid: tenant.tenantId, roles: ['student'], iat: now(), exp: now() + 300, ...overrides,
  };
  for (const key of Object.keys(base)) if (base[key] === undefined) delete base[key];
  return base as JWTPayload;
}

/** A JWS signed with `privateKey` (RS256 by default) and a header of our choosing. */
async function signed(privateKey: CryptoKey, header: Record<string, unknown>, payload: JWTPayload = claims()): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', ...header }).sign(privateKey);
}

/** A JWS assembled by hand, for algorithms and headers no well-behaved library would produce. */
function handmade(header: Record<string, unknown>, payload: JWTPayload, signature: (input: string) => Buffer | string): string {
  const input = `${b64(header)}.${b64(payload)}`;
  const raw = signature(input);
  return `${input}.${typeof raw === 'string' ? raw : raw.toString('base64url')}`;
}

async function ourKey() {
  return platform.keys.current();
}

async function ourPublicJwk(kid: string): Promise<Record<string, unknown>> {
  const jwk = (await platform.keys.jwks()).keys.find((candidate) => candidate.kid === kid);
  if (!jwk) throw new Error(`kid ${kid} not in the JWKS`);
  return jwk as Record<string, unknown>;
}

describe(`access tokens under attack (${testBackends.database}, ${testBackends.cache})`, () => {
  it('accepts a well-formed token (the control for every case below)', async () => {
    const key = await ourKey();
    const response = await whoami(bearer(await signed(key.privateKey, { kid: key.kid })));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ tenantId: tenant.tenantId, roles: ['student'] });
  });

  it('refuses alg "none", with or without a signature', async () => {
    const { kid, privateKey } = await ourKey();
    const genuine = (await signed(privateKey, { kid })).split('.')[2] ?? '';
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      expectUnauthorized(await whoami(bearer(handmade({ alg, kid, typ: 'at+jwt' }, claims(), () => ''))));
      expectUnauthorized(await whoami(bearer(handmade({ alg, kid, typ: 'at+jwt' }, claims(), () => genuine))));
      expectUnauthorized(await whoami(bearer(handmade({ alg, typ: 'at+jwt' }, claims(), () => ''))));
    }
  });

  it('refuses HMAC tokens keyed with our public key (algorithm confusion)', async () => {
    const { kid } = await ourKey();
    const jwk = await ourPublicJwk(kid);
    const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
    const secrets = [
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      publicKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      JSON.stringify(jwk),
      String(jwk.n),
    ];
    for (const secret of secrets) {
      for (const [alg, hash] of [['HS256', 'sha256'], ['HS384', 'sha384'], ['HS512', 'sha512']] as const) {
        const forged = handmade({ alg, kid, typ: 'at+jwt' }, claims(), (input) => createHmac(hash, secret).update(input).digest());
        expectUnauthorized(await whoami(bearer(forged)), 'AUTH.INVALID_TOKEN');
      }
    }
  });

  it('refuses a token our own key signed with another algorithm than the key is for', async () => {
    const { kid, privateKey } = await ourKey();
    const rsa = KeyObject.from(privateKey as unknown as Parameters<typeof KeyObject.from>[0]);
    const rs512 = handmade({ alg: 'RS512', kid, typ: 'at+jwt' }, claims(), (input) => rsaSign('sha512', Buffer.from(input), rsa));
    const ps256 = handmade({ alg: 'PS256', kid, typ: 'at+jwt' }, claims(), (input) =>
      rsaSign('sha256', Buffer.from(input), { key: rsa, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }));
    expectUnauthorized(await whoami(bearer(rs512)));
    expectUnauthorized(await whoami(bearer(ps256)));
  });

  it('refuses a key id it does not know, however odd', async () => {
    const { privateKey } = await ourKey();
    for (const kid of [randomUUID(), '__proto__', 'constructor', 'toString', '', 'x'.repeat(2000), 42, null, { $ne: '' }, [randomUUID()]]) {
      expectUnauthorized(await whoami(bearer(await signed(privateKey, { kid }))), 'AUTH.INVALID_TOKEN');
    }
    expectUnauthorized(await whoami(bearer(await signed(privateKey, {}))), 'AUTH.INVALID_TOKEN');
  });

  it('refuses an expired token, and one expired beyond the tolerated clock skew', async () => {
    const { kid, privateKey } = await ourKey();
    const expired = await signed(privateKey, { kid }, claims({ iat: now() - 1200, exp: now() - 600 }));
    expectUnauthorized(await whoami(bearer(expired)), 'AUTH.TOKEN_EXPIRED');
    const justPastSkew = await signed(privateKey, { kid }, claims({ iat: now() - 900, exp: now() - 90 }));
    expectUnauthorized(await whoami(bearer(justPastSkew)), 'AUTH.TOKEN_EXPIRED');
  });

  it('refuses a token issued in the future, not valid yet, or living longer than any token we issue', async () => {
    const { kid, privateKey } = await ourKey();
    for (const times of [
      { iat: now() + 3600, exp: now() + 3900 },
      { nbf: now() + 3600 },
      { exp: now() + 86_400 },
      { iat: undefined },
      { exp: undefined },
      { iat: 'yesterday' },
      { exp: String(now() + 300) },
    ]) {
      expectUnauthorized(await whoami(bearer(await signed(privateKey, { kid }, claims(times)))));
    }
  });

  it('refuses another issuer or audience', async () => {
    const { kid, privateKey } = await ourKey();
    for (const wrong of [{ iss: 'evil' }, { iss: undefined }, { aud: 'someone-else' }, { aud: undefined }, { aud: [] }]) {
      const response = await whoami(bearer(await signed(privateKey, { kid }, claims(wrong))));
      expect(response.statusCode, Object.keys(wrong).join()).toBe(401);
      expectUnauthorized(response);
    }
  });

  it('refuses a token whose type is not at+jwt (an ID token, a plain JWT)', async () => {
    const { kid, privateKey } = await ourKey();
    for (const typ of ['JWT', 'id+jwt', 'at+jwt+extra', undefined]) {
      expectUnauthorized(await whoami(bearer(await signed(privateKey, { kid, typ }))));
    }
  });

  it('refuses a token without subject, tenant or roles, or with them of the wrong shape', async () => {
    const { kid, privateKey } = await ourKey();
    for (const broken of [
      { tid: undefined }, { roles: undefined }, { sub: undefined },
      { tid: 42 }, { tid: [tenant.tenantId] }, { roles: 'platform_admin' }, { roles: [1, 2] }, { roles: [{ role: 'platform_admin' }] },
    ]) {
      expectUnauthorized(await whoami(bearer(await signed(privateKey, { kid }, claims(broken)))));
    }
  });

  it('refuses a token signed by another key pair that claims our key id', async () => {
    const { kid } = await ourKey();
    const { privateKey: foreign } = await generateKeyPair('RS256', { modulusLength: 2048 });
    expectUnauthorized(await whoami(bearer(await signed(foreign, { kid }))), 'AUTH.INVALID_TOKEN');
  });

  it('refuses a genuine token whose payload was changed to platform_admin, keeping the signature', async () => {
    const { kid, privateKey } = await ourKey();
    const [header, , signature] = (await signed(privateKey, { kid })).split('.');
    const tampered = `${header}.${b64(claims({ roles: ['platform_admin'] }))}.${signature}`;
    expectUnauthorized(await whoami(bearer(tampered)), 'AUTH.INVALID_TOKEN');
    const keysRoute = await app.inject({ method: 'GET', url: '/api/v1/platform/signing-keys', headers: { authorization: bearer(tampered) } });
    expectUnauthorized(keysRoute, 'AUTH.INVALID_TOKEN');
    // The untampered token is a student's: it passes authentication and is then refused the admin route.
    const untampered = await app.inject({ method: 'GET', url: '/api/v1/platform/signing-keys', headers: { authorization: tenant.authorization } });
    expect(untampered.statusCode).toBe(403);
  });

  it('refuses a validly signed token longer than 8 KB, and accepts one a little shorter', async () => {
    const { kid, privateKey } = await ourKey();
    const huge = await signed(privateKey, { kid }, claims({ pad: 'x'.repeat(9_000) }));
    expectUnauthorized(await whoami(bearer(huge)), 'AUTH.INVALID_TOKEN');
    const large = await signed(privateKey, { kid }, claims({ pad: 'x'.repeat(5_000) }));
    expect((await whoami(bearer(large))).statusCode).toBe(200);
  });

  it('refuses garbage in the Authorization header', async () => {
    const { kid } = await ourKey();
    const header = b64({ alg: 'RS256', kid, typ: 'at+jwt' });
    const garbage = [
      'Bearer ', 'Bearer', 'Bearer    ', 'Bearer .', 'Bearer ..', 'Bearer ...', 'Bearer a.b.c', 'Bearer a.b', 'Bearer a.b.c.d.e',
      `Bearer ${b64('null')}.e30.x`, `Bearer ${b64('[]')}.e30.x`, `Bearer ${b64('"kid"')}.e30.x`, `Bearer ${b64({ kid: {} })}.e30.x`,
      `Bearer ${header}.${b64('not json')}.x`, `Bearer ${header}.${b64('null')}.x`, `Bearer ${header}.${b64('123')}.x`,
      `Bearer ${header}.e30.`, `Bearer ${header}.e30.!!!`, `Bearer ${header}..`, `Bearer ${header}`,
      `${tenant.authorization} extra`, `Token ${tenant.authorization.slice(7)}`, tenant.authorization.slice(7), 'Basic dXNlcjpwYXNz', '',
      `Bearer ${'A'.repeat(20_000)}`,
    ];
    for (const authorization of garbage) {
      const response = await whoami(authorization);
      expect(response.statusCode, `${authorization.slice(0, 60)}: ${response.body}`).toBe(401);
      expectUnauthorized(response);
    }
  });

  it('refuses the tokens of a signed-out session', async () => {
    const sessionId = randomUUID();
    const token = await platform.tokens.issue({ subject: tenant.subject, tenantId: tenant.tenantId, roles: ['student'], sessionId });
    expect((await whoami(bearer(token))).statusCode).toBe(200);
    await platform.revocations.revoke([sessionId]);
    expectUnauthorized(await whoami(bearer(token)), 'AUTH.SESSION_REVOKED');
  });

  it("refuses a tenant's token at another tenant's address", async () => {
    const other = await testTenant(platform, ['student']);
    const slugOf = async (id: string) => (await platform.tenants.get(id))?.slug ?? '';
    const [ownSlug, otherSlug] = [await slugOf(tenant.tenantId), await slugOf(other.tenantId)];
    expectUnauthorized(await whoami(tenant.authorization, `${otherSlug}.tessera.test`), 'AUTH.TENANT_MISMATCH');
    expectUnauthorized(await whoami(other.authorization, `${ownSlug}.tessera.test:8443`), 'AUTH.TENANT_MISMATCH');
    expect((await whoami(tenant.authorization, `${ownSlug}.tessera.test`)).statusCode).toBe(200);
    expect((await whoami(other.authorization, `${otherSlug}.tessera.test`)).statusCode).toBe(200);
  });

  // Last: it rotates this platform's key.
  it('refuses a token signed by a retired key, even one it accepted a moment ago', async () => {
    const retiring = await ourKey();
    const token = await signed(retiring.privateKey, { kid: retiring.kid });
    expect((await whoami(bearer(token))).statusCode).toBe(200);
    await platform.keys.rotate();
    expect((await whoami(bearer(token))).statusCode).toBe(200);
    expect(await platform.keys.retire(retiring.kid)).toBe(true);
    expectUnauthorized(await whoami(bearer(token)), 'AUTH.INVALID_TOKEN');
    const fresh = await signed(retiring.privateKey, { kid: retiring.kid });
    expectUnauthorized(await whoami(bearer(fresh)), 'AUTH.INVALID_TOKEN');
  });
});
