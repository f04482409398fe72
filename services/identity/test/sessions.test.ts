import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startIdentityKit, type IdentityKit } from './support/identity-kit.js';

let kit: IdentityKit;

beforeAll(async () => {
  kit = await startIdentityKit();
});

afterAll(async () => {
  await kit?.close();
});

describe(`sign-in, refresh and sign-out (${testBackends.database}, ${testBackends.cache})`, () => {
  it('signs in with the right password and the access token works on an authenticated route', async () => {
    const tenant = await kit.tenant();
    const user = await kit.user(tenant, { roles: ['student'] });
    const tokens = await kit.signIn(user);
    expect(tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { id: user.row.id, tenantId: tenant.id, roles: ['student'] } });
    const [, payload] = tokens.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: user.row.id, tid: tenant.id, roles: ['student'], sid: tokens.sessionId, amr: ['pwd'], iss: 'tessera', aud: 'tessera-api' });
    expect(Number(claims.exp) - Number(claims.iat)).toBeLessThanOrEqual(900);
    const out = await kit.request('POST', '/api/v1/auth/sign-out', { token: tokens.accessToken, body: {} });
    expect(out.statusCode, out.body).toBe(200);
  });

  it('answers the same 401 for a wrong password, an unknown email, an unknown tenant and a deactivated account', async () => {
    const tenant = await kit.tenant();
    const user = await kit.user(tenant);
    const gone = await kit.user(tenant, { status: 'deactivated' });
    const attempts = [
      { tenant: tenant.slug, email: user.email, password: 'wrong password!' },
      { tenant: tenant.slug, email: 'nobody@example.test', password: 'whatever it is' },
      { tenant: 'no-such-tenant', email: user.email, password: user.password },
      { tenant: tenant.slug, email: gone.email, password: gone.password },
    ];
    const bodies = [];
    for (const body of attempts) {
      const problem = expectProblem(await kit.request('POST', '/api/v1/auth/sign-in', { body }), 401, 'AUTH.INVALID_CREDENTIALS');
      bodies.push({ title: problem.title, detail: problem.detail, type: problem.type });
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  });

  it('locks an account progressively after repeated failures, also for emails that do not exist', async () => {
    const tenant = await kit.tenant();
    const user = await kit.user(tenant);
    for (const email of [user.email, 'ghost@example.test']) {
      for (let i = 0; i < 5; i++) {
        expectProblem(await kit.request('POST', '/api/v1/auth/sign-in', { body: { tenant: tenant.slug, email, password: 'not the password' } }), 401);
      }
      const locked = expectProblem(await kit.request('POST', '/api/v1/auth/sign-in', { body: { tenant: tenant.slug, email, password: 'not the password' } }), 429, 'SIGN_IN.LOCKED');
      expect(locked.retryAfter).toBeGreaterThan(0);
    }
    // Even the right password waits out the lock.
    const response = await kit.request('POST', '/api/v1/auth/sign-in', { body: { tenant: tenant.slug, email: user.email, password: user.password } });
    expect(response.statusCode).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('rotates the refresh token on every use and revokes the session when a used one comes back', async () => {
    const tenant = await kit.tenant();
    const user = await kit.user(tenant);
    const first = await kit.signIn(user);
    const refreshed = await kit.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const second = refreshed.json<{ refreshToken: string; accessToken: string; sessionId: string }>();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.sessionId).toBe(first.sessionId);

    // The first token again: theft. The whole family dies, the newest refresh token and access tokens included.
    expectProblem(await kit.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } }), 401, 'AUTH.REFRESH_TOKEN_REUSED');
    expectProblem(await kit.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: second.refreshToken } }), 401, 'AUTH.INVALID_REFRESH_TOKEN');
    expectProblem(await kit.request('POST', '/api/v1/auth/sign-out', { token: second.accessToken, body: {} }), 401, 'AUTH.SESSION_REVOKED');
  });

  it('refuses malformed and forged refresh tokens with 400/401, never 500', async () => {
    expectProblem(await kit.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: 'short' } }), 400);
    const forged = `${'0'.repeat(32)}.${'A'.repeat(43)}`;
    expectProblem(await kit.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: forged } }), 401, 'AUTH.INVALID_REFRESH_TOKEN');
  });

  it('signs out this session only, or every session', async () => {
    const tenant = await kit.tenant();
    const user = await kit.user(tenant);
    const [a, b, c] = [await kit.signIn(user), await kit.signIn(user), await kit.signIn(user)];
    const one = await kit.request('POST', '/api/v1/auth/sign-out', { token: a.accessToken, body: {} });
    expect(one.json()).toEqual({ revokedSessions: 1 });
    expectProblem(await kit.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: a.refreshToken } }), 401);
    expect((await kit.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: b.refreshToken } })).statusCode).toBe(200);
    const all = await kit.request('POST', '/api/v1/auth/sign-out', { token: c.accessToken, body: { everywhere: true } });
    expect(all.json()).toEqual({ revokedSessions: 2 });
    expectProblem(await kit.request('POST', '/api/v1/auth/sign-out', { token: c.accessToken, body: {} }), 401, 'AUTH.SESSION_REVOKED');
  });

  it('refuses sign-in and tokens of a suspended tenant, and lets them back after reactivation', async () => {
    const tenant = await kit.tenant();
    const user = await kit.user(tenant);
    const tokens = await kit.signIn(user);
    const admin = await kit.platformAdmin();
    const suspend = await kit.request('POST', `/api/v1/platform/tenants/${tenant.id}/suspend`, { token: admin.tokens.accessToken });
    expect(suspend.statusCode, suspend.body).toBe(200);
    expectProblem(await kit.request('POST', '/api/v1/auth/sign-in', { body: { tenant: tenant.slug, email: user.email, password: user.password } }), 403, 'TENANT.SUSPENDED');
    expectProblem(await kit.request('POST', '/api/v1/auth/sign-out', { token: tokens.accessToken, body: {} }), 403, 'TENANT.SUSPENDED');
    expectProblem(await kit.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: tokens.refreshToken } }), 403, 'TENANT.SUSPENDED');
    await kit.request('POST', `/api/v1/platform/tenants/${tenant.id}/reactivate`, { token: admin.tokens.accessToken });
    expect((await kit.request('POST', '/api/v1/auth/sign-in', { body: { tenant: tenant.slug, email: user.email, password: user.password } })).statusCode).toBe(200);
  });
});
