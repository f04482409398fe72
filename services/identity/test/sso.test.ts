import { testBackends } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInResult } from '../src/app/sign-in.js';
import { setTenantSuspended, type NewTenant } from '../src/app/tenants.js';
import type { Tenant, TokenPair } from '../src/contract/schemas.js';
import type { IdentityDatabase } from '../src/db/identity.table.js';
import { updateUser } from '../src/db/user.repository.js';
import { followToRedirectUri } from './support/follow-redirects.js';
import { expectProblem, startIdentityKit, type IdentityKit } from './support/identity-kit.js';
import { startTestOidcProvider, type TestOidcProvider } from './support/oidc-provider.js';

const CLIENT_ID = 'tessera-sso-test';
const CLIENT_SECRET = 'sso-client-secret-that-must-never-be-shown';

let kit: IdentityKit;
let provider: TestOidcProvider;
let callbackUri: string;

beforeAll(async () => {
  kit = await startIdentityKit();
  callbackUri = `${kit.deps.config.TESSERA_PUBLIC_URL.replace(/\/+$/, '')}/api/v1/auth/sso/callback`;
  provider = await startTestOidcProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUris: [callbackUri],
    accounts: {
      alice: { email: 'alice@idp.example', name: 'Alice Liddell' },
      bob: { email: 'bob@idp.example', name: 'Bob Unverified', emailVerified: false },
      carol: { email: 'carol@idp.example', name: 'Carol Linked' },
    },
  });
});

afterAll(async () => {
  await provider?.close();
  await kit?.close();
});

/** A tenant whose admin connected it to the test provider over HTTP. */
async function connectedTenant(input: Partial<NewTenant> = {}, body: Record<string, unknown> = {}) {
  const admin = await kit.tenantAdmin(await kit.tenant(input));
  const response = await putConnection(admin.tokens.accessToken, body);
  expect(response.statusCode, response.body).toBe(200);
  return admin;
}

function putConnection(token: string | undefined, body: Record<string, unknown> = {}) {
  return kit.request('PUT', '/api/v1/tenant/sso', {
    ...(token ? { token } : {}),
    body: { issuer: provider.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...body },
  });
}

function cookieOf(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  expect(first).toMatch(/^tessera_sso=[^;]+; Path=\/api\/v1\/auth\/sso;.*HttpOnly; SameSite=Lax/);
  return (first ?? '').split(';')[0] ?? '';
}

/** Where a redirect into the app goes: its hash route and parameters. */
function appRoute(response: LightMyRequestResponse): { route: string; params: URLSearchParams } {
  expect(response.statusCode, response.body).toBe(302);
  const location = new URL(String(response.headers.location));
  expect(location.origin + location.pathname).toBe(new URL(kit.deps.config.TESSERA_PUBLIC_URL).href);
  const [route = '', query = ''] = location.hash.replace(/^#/, '').split('?');
  return { route, params: new URLSearchParams(query) };
}

function expectErrorPage(response: LightMyRequestResponse): void {
  const { route, params } = appRoute(response);
  expect(route).toBe('/sign-in');
  expect(params.get('error')).toBe('sso_failed');
}

/** Start → provider → the provider's redirect back to the callback (not yet called), with the browser's cookie. */
async function untilCallback(tenant: Tenant, account: string | undefined, returnTo?: string) {
  if (account) provider.loginAs(account);
  else provider.refuseLogins();
  const query = new URLSearchParams({ tenant: tenant.slug, ...(returnTo ? { returnTo } : {}) });
  const start = await kit.request('GET', `/api/v1/auth/sso/start?${query}`);
  expect(start.statusCode, start.body).toBe(302);
  const authorizationUrl = String(start.headers.location);
  expect(authorizationUrl.startsWith(`${provider.issuer}/`)).toBe(true);
  const callback = await followToRedirectUri(authorizationUrl, callbackUri);
  return { authorizationUrl, cookie: cookieOf(start), callbackPath: callback.pathname + callback.search };
}

function callBack(callbackPath: string, cookie: string | undefined) {
  return kit.request('GET', callbackPath, { headers: cookie ? { cookie } : {} });
}

function exchange(code: string, cookie: string) {
  return kit.request('POST', '/api/v1/auth/sso/exchange', { body: { code }, headers: { cookie } });
}

/** A whole SSO sign-in as the browser and the app do it; returns the exchange's answer. */
async function ssoSignIn(tenant: Tenant, account: string, returnTo?: string): Promise<SignInResult & { returnTo: string | null }> {
  const { cookie, callbackPath } = await untilCallback(tenant, account, returnTo);
  const { route, params } = appRoute(await callBack(callbackPath, cookie));
  expect(route).toBe('/sso-complete');
  const response = await exchange(params.get('code') ?? '', cookie);
  expect(response.statusCode, response.body).toBe(200);
  return { ...response.json<SignInResult>(), returnTo: params.get('returnTo') };
}

async function signedInTokens(tenant: Tenant, account: string): Promise<TokenPair> {
  const result = await ssoSignIn(tenant, account);
  if (result.status !== 'signed_in') throw new Error(`expected signed_in, got ${result.status}`);
  return result.tokens;
}

function claimsOf(accessToken: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
}

async function usersWithEmail(tenantId: string, email: string) {
  return kit.platform.db.withTenant<IdentityDatabase, { id: string }[]>(tenantId, (tx) =>
    tx.selectFrom('identity.users').select('id').where('tenant_id', '=', tenantId).where('email_key', '=', email).execute());
}

describe(`SSO connection administration (${testBackends.database}, ${testBackends.cache})`, () => {
  it('saves, shows (without the secret), disables and deletes the connection; the public page follows', async () => {
    const { tenant, tokens } = await kit.tenantAdmin();
    const token = tokens.accessToken;
    expectProblem(await kit.request('GET', '/api/v1/tenant/sso', { token }), 404, 'SSO.NOT_CONFIGURED');
    expect((await kit.request('GET', `/api/v1/tenants/${tenant.slug}/public`)).json()).toMatchObject({ sso: false });

    const saved = await putConnection(token, { defaultRoles: ['instructor'] });
    expect(saved.statusCode, saved.body).toBe(200);
    const expected = {
      issuer: provider.issuer, clientId: CLIENT_ID, clientSecretSet: true, scopes: ['openid', 'email', 'profile'],
      defaultRoles: ['instructor'], enabled: true, version: 1, redirectUri: callbackUri,
    };
    expect(saved.json()).toMatchObject(expected);
    const read = await kit.request('GET', '/api/v1/tenant/sso', { token });
    expect(read.json()).toMatchObject(expected);
    expect((await kit.request('GET', `/api/v1/tenants/${tenant.slug}/public`)).json()).toMatchObject({ sso: true });

    const disabled = await putConnection(token, { enabled: false });
    expect(disabled.json()).toMatchObject({ enabled: false, version: 2, defaultRoles: ['student'] });
    expect((await kit.request('GET', `/api/v1/tenants/${tenant.slug}/public`)).json()).toMatchObject({ sso: false });
    expectProblem(await kit.request('GET', `/api/v1/auth/sso/start?tenant=${tenant.slug}`), 404, 'SSO.NOT_AVAILABLE');

    for (const response of [saved, read, disabled]) expect(response.body).not.toContain(CLIENT_SECRET);
    const deleted = await kit.request('DELETE', '/api/v1/tenant/sso', { token });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expectProblem(await kit.request('GET', '/api/v1/tenant/sso', { token }), 404, 'SSO.NOT_CONFIGURED');
    expectProblem(await kit.request('DELETE', '/api/v1/tenant/sso', { token }), 404, 'SSO.NOT_CONFIGURED');
  });

  it('refuses an issuer that is not https (or loopback http) with 400, and one without discovery with 422', async () => {
    const { tokens } = await kit.tenantAdmin();
    for (const issuer of ['http://idp.example.com', 'ftp://127.0.0.1/', 'not a url', 'https://user:pw@idp.example.com', 'https://idp.example.com/?x=1']) {
      expectProblem(await putConnection(tokens.accessToken, { issuer }), 400, 'SSO.INVALID_ISSUER');
    }
    const unreachable = expectProblem(await putConnection(tokens.accessToken, { issuer: 'http://127.0.0.1:1' }), 422, 'SSO.DISCOVERY_FAILED');
    expect(unreachable.detail).toMatch(/cannot be reached/);
    expectProblem(await kit.request('GET', '/api/v1/tenant/sso', { token: tokens.accessToken }), 404);
  });

  it('keeps tenants apart, refuses students (403) and anonymous callers (401), never shows the secret', async () => {
    const own = await connectedTenant({}, { clientId: CLIENT_ID });
    const other = await kit.tenantAdmin();
    const otherToken = other.tokens.accessToken;

    expectProblem(await kit.request('GET', '/api/v1/tenant/sso', { token: otherToken }), 404, 'SSO.NOT_CONFIGURED');
    expectProblem(await kit.request('DELETE', '/api/v1/tenant/sso', { token: otherToken }), 404);
    const otherSaved = await putConnection(otherToken, { clientId: 'other-client' });
    expect(otherSaved.json()).toMatchObject({ clientId: 'other-client' });
    expect((await kit.request('GET', '/api/v1/tenant/sso', { token: own.tokens.accessToken })).json()).toMatchObject({ clientId: CLIENT_ID, version: 1 });

    const student = await kit.signIn(await kit.user(own.tenant, { roles: ['student'] }));
    const routes: Array<[string, Record<string, unknown> | undefined]> = [['GET', undefined], ['PUT', {}], ['DELETE', undefined]];
    for (const [method, body] of routes) {
      const asStudent = await kit.request(method, '/api/v1/tenant/sso', { token: student.accessToken, ...(body ? { body: { issuer: provider.issuer, clientId: 'x', clientSecret: 'y' } } : {}) });
      expectProblem(asStudent, 403, 'AUTH.PERMISSION_REQUIRED');
      const anonymous = await kit.request(method, '/api/v1/tenant/sso', body ? { body: { issuer: provider.issuer, clientId: 'x', clientSecret: 'y' } } : {});
      expectProblem(anonymous, 401);
      for (const response of [asStudent, anonymous]) expect(response.body).not.toContain(CLIENT_SECRET);
    }
    expect((await kit.request('GET', '/api/v1/tenant/sso', { token: own.tokens.accessToken })).statusCode).toBe(200);
  });
});

describe(`SSO sign-in through a real OpenID provider (${testBackends.database}, ${testBackends.cache})`, () => {
  it('signs a new person in with amr fed, creates them once with the default roles, and reuses them next time', async () => {
    const { tenant } = await connectedTenant({}, { defaultRoles: ['instructor'] });
    const first = await ssoSignIn(tenant, 'alice', '/courses/42?tab=grades');
    expect(first.status).toBe('signed_in');
    expect(first.returnTo).toBe('/courses/42?tab=grades');
    if (first.status !== 'signed_in') return;
    expect(claimsOf(first.tokens.accessToken)).toMatchObject({ tid: tenant.id, amr: ['fed'], roles: ['instructor'] });
    expect(JSON.stringify(first)).not.toContain(CLIENT_SECRET);

    const me = await kit.request('GET', '/api/v1/me', { token: first.tokens.accessToken });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ id: first.tokens.user.id, email: 'alice@idp.example', name: 'Alice Liddell', emailVerified: true, status: 'active' });
    const sessions = await kit.request('GET', '/api/v1/me/sessions', { token: first.tokens.accessToken });
    expect(sessions.json<{ items: Array<{ methods: string[] }> }>().items).toEqual([expect.objectContaining({ methods: ['fed'] })]);
    const refreshed = await kit.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.tokens.refreshToken } });
    expect(refreshed.statusCode, refreshed.body).toBe(200);

    const second = await signedInTokens(tenant, 'alice');
    expect(second.user.id).toBe(first.tokens.user.id);
    expect(second.sessionId).not.toBe(first.tokens.sessionId);
    expect(await usersWithEmail(tenant.id, 'alice@idp.example')).toHaveLength(1);
    const out = await kit.request('POST', '/api/v1/auth/sign-out', { token: second.accessToken, body: {} });
    expect(out.statusCode, out.body).toBe(200);
  });

  it('links an existing password user with the same verified email instead of creating another', async () => {
    const { tenant } = await connectedTenant();
    const existing = await kit.user(tenant, { email: 'carol@idp.example', roles: ['tutor'] });
    const tokens = await signedInTokens(tenant, 'carol');
    expect(tokens.user).toMatchObject({ id: existing.row.id, roles: ['tutor'] });
    expect(await usersWithEmail(tenant.id, 'carol@idp.example')).toHaveLength(1);
    // The password still works too: the link adds a way in, it replaces nothing.
    expect((await kit.signIn(existing)).user.id).toBe(existing.row.id);
  });

  it('neither links nor creates an account on an unverified email (the sign-in fails)', async () => {
    const { tenant } = await connectedTenant();
    const existing = await kit.user(tenant, { email: 'bob@idp.example' });
    const { cookie, callbackPath } = await untilCallback(tenant, 'bob');
    expectErrorPage(await callBack(callbackPath, cookie));
    expect(await usersWithEmail(tenant.id, 'bob@idp.example')).toEqual([{ id: existing.row.id }]);

    const fresh = (await connectedTenant()).tenant;
    const again = await untilCallback(fresh, 'bob');
    expectErrorPage(await callBack(again.callbackPath, again.cookie));
    expect(await usersWithEmail(fresh.id, 'bob@idp.example')).toEqual([]);
  });

  it('refuses deactivated users, linked or found by email', async () => {
    const { tenant } = await connectedTenant();
    await kit.user(tenant, { email: 'carol@idp.example', status: 'deactivated' });
    const carol = await untilCallback(tenant, 'carol');
    expectErrorPage(await callBack(carol.callbackPath, carol.cookie));

    const linked = await signedInTokens(tenant, 'alice');
    await kit.platform.db.withTenant<IdentityDatabase, unknown>(tenant.id, (tx) => updateUser(tx, tenant.id, linked.user.id, { status: 'deactivated' }));
    const alice = await untilCallback(tenant, 'alice');
    expectErrorPage(await callBack(alice.callbackPath, alice.cookie));
  });

  it("applies the tenant's MFA policy: a role that must use MFA gets mfa_setup_required and a challenge", async () => {
    const { tenant } = await connectedTenant({ settings: { mfaRequiredRoles: ['student'] } });
    const result = await ssoSignIn(tenant, 'alice');
    expect(result).toMatchObject({ status: 'mfa_setup_required', challenge: expect.stringMatching(/^[0-9a-f]{32}\.[\w-]{43}$/) });
    expect(result).not.toHaveProperty('tokens');
  });

  it('asks an enrolled user for their second factor (mfa_required)', async () => {
    const { tenant } = await connectedTenant();
    const existing = await kit.user(tenant, { email: 'carol@idp.example' });
    await kit.platform.db.withTenant<IdentityDatabase, unknown>(tenant.id, (tx) => tx.insertInto('identity.mfa_totp')
      .values({ user_id: existing.row.id, tenant_id: tenant.id, secret: 'not-used-here', confirmed_at: new Date() }).execute());
    expect(await ssoSignIn(tenant, 'carol')).toMatchObject({ status: 'mfa_required', challenge: expect.any(String) });
  });
});

describe(`SSO sign-in failures (${testBackends.database}, ${testBackends.cache})`, () => {
  let tenant: Tenant;

  beforeAll(async () => {
    tenant = (await connectedTenant()).tenant;
  });

  it('sends a tampered state to the error page', async () => {
    const { cookie, callbackPath } = await untilCallback(tenant, 'alice');
    const url = new URL(callbackPath, 'http://x');
    const state = url.searchParams.get('state') ?? '';
    const forged = `${state.slice(0, -4)}${state.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    url.searchParams.set('state', forged);
    // Even with a cookie to match (an attacker's own browser), no login has this state.
    expectErrorPage(await callBack(url.pathname + url.search, `tessera_sso=${forged}`));
    url.searchParams.set('state', 'garbage');
    expectErrorPage(await callBack(url.pathname + url.search, cookie));
    expectErrorPage(await callBack('/api/v1/auth/sso/callback', cookie));
  });

  it('accepts a callback only in the browser that started the login (login CSRF), then only once', async () => {
    const { cookie, callbackPath } = await untilCallback(tenant, 'alice');
    expectErrorPage(await callBack(callbackPath, undefined));
    expectErrorPage(await callBack(callbackPath, 'tessera_sso=someone-elses-login'));
    const { route } = appRoute(await callBack(callbackPath, cookie));
    expect(route).toBe('/sso-complete');
    expectErrorPage(await callBack(callbackPath, cookie));
  });

  it('hands the outcome out once, to the browser that started the login', async () => {
    const { cookie, callbackPath } = await untilCallback(tenant, 'alice');
    const code = appRoute(await callBack(callbackPath, cookie)).params.get('code') ?? '';
    expect(code).toMatch(/^[\w-]{43}$/);
    expectProblem(await exchange(code, 'tessera_sso=another-browser'), 401, 'AUTH.INVALID_HANDOFF');
    // A failed attempt spends the code too: a code is worth one try.
    expectProblem(await exchange(code, cookie), 401, 'AUTH.INVALID_HANDOFF');

    const next = await untilCallback(tenant, 'alice');
    const nextCode = appRoute(await callBack(next.callbackPath, next.cookie)).params.get('code') ?? '';
    const first = await exchange(nextCode, next.cookie);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['set-cookie']).toMatch(/^tessera_sso=; .*Max-Age=0/);
    expectProblem(await exchange(nextCode, next.cookie), 401, 'AUTH.INVALID_HANDOFF');
    expectProblem(await exchange('x'.repeat(43), next.cookie), 401, 'AUTH.INVALID_HANDOFF');
  });

  it('sends a login the provider refused to the error page', async () => {
    const { cookie, callbackPath } = await untilCallback(tenant, undefined);
    expect(new URL(callbackPath, 'http://x').searchParams.get('error')).toBe('access_denied');
    expectErrorPage(await callBack(callbackPath, cookie));
  });

  it('refuses returnTo values that would leave the app (400), and unknown or suspended tenants (404)', async () => {
    for (const returnTo of ['//evil.example', 'https://evil.example/', '/\\evil.example', 'evil.example', '/a b', '/\u00e9']) {
      const query = new URLSearchParams({ tenant: tenant.slug, returnTo });
      const response = await kit.request('GET', `/api/v1/auth/sso/start?${query}`);
      expectProblem(response, 400);
      expect(response.headers.location).toBeUndefined();
    }
    expectProblem(await kit.request('GET', '/api/v1/auth/sso/start?tenant=no-such-tenant'), 404, 'SSO.NOT_AVAILABLE');
    const suspended = (await connectedTenant()).tenant;
    await setTenantSuspended(kit.deps, suspended.id, true);
    expectProblem(await kit.request('GET', `/api/v1/auth/sso/start?tenant=${suspended.slug}`), 404, 'SSO.NOT_AVAILABLE');
  });

  it('never puts the client secret in the redirect to the provider', async () => {
    const { authorizationUrl } = await untilCallback(tenant, 'alice');
    expect(authorizationUrl).not.toContain(CLIENT_SECRET);
    const url = new URL(authorizationUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe(callbackUri);
    expect(url.searchParams.get('state')).toMatch(new RegExp(`^${tenant.id.replaceAll('-', '')}\\.`));
  });
});
