import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenPair } from '../src/contract/schemas.js';
import type { IdentityDatabase } from '../src/db/identity.table.js';
import { expectProblem, startIdentityKit, type IdentityKit, type KitUser } from './support/identity-kit.js';

let kit: IdentityKit;

beforeAll(async () => {
  kit = await startIdentityKit();
});

afterAll(async () => {
  await kit?.close();
});

interface Me { id: string; name: string; locale: string; timeZone: string; preferences: Record<string, unknown>; mfaEnabled: boolean; version: number; roles: string[] }

async function signedInUser(roles: string[] = ['student']): Promise<{ user: KitUser; tokens: TokenPair }> {
  const tenant = await kit.tenant();
  const user = await kit.user(tenant, { roles });
  return { user, tokens: await kit.signIn(user) };
}

async function patchMe(token: string, body: unknown, etag: string) {
  return kit.request('PATCH', '/api/v1/me', { token, body, headers: { 'if-match': etag } });
}

async function refresh(refreshToken: string) {
  return kit.request('POST', '/api/v1/auth/refresh', { body: { refreshToken } });
}

describe(`own account (${testBackends.database}, ${testBackends.cache})`, () => {
  it('reads the profile with its ETag and changes it with If-Match; a stale ETag is 412', async () => {
    const { user, tokens } = await signedInUser();
    const read = await kit.request('GET', '/api/v1/me', { token: tokens.accessToken });
    expect(read.statusCode, read.body).toBe(200);
    const me = read.json<Me>();
    expect(me).toMatchObject({ id: user.row.id, email: user.email, roles: ['student'], locale: 'en', timeZone: 'UTC', mfaEnabled: false });
    expect(read.headers.etag).toBe(`"${me.version}"`);

    const changed = await patchMe(tokens.accessToken, { name: '  Ada   Lovelace ', locale: 'de-CH', timeZone: 'europe/berlin' }, read.headers.etag as string);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Ada Lovelace', locale: 'de-CH', timeZone: 'Europe/Berlin', version: me.version + 1 });
    expect(changed.headers.etag).toBe(`"${me.version + 1}"`);

    expectProblem(await patchMe(tokens.accessToken, { name: 'Someone Else' }, read.headers.etag as string), 412, 'IDENTITY.USER_VERSION_MISMATCH');
    expectProblem(await kit.request('PATCH', '/api/v1/me', { token: tokens.accessToken, body: { name: 'No ETag' } }), 412, 'CONCURRENCY.IF_MATCH_REQUIRED');
    expect((await kit.request('GET', '/api/v1/me', { token: tokens.accessToken })).json<Me>().name).toBe('Ada Lovelace');
  });

  it('refuses unknown time zones and locales, bad names and unknown fields with 400', async () => {
    const { tokens } = await signedInUser();
    const etag = (await kit.request('GET', '/api/v1/me', { token: tokens.accessToken })).headers.etag as string;
    expectProblem(await patchMe(tokens.accessToken, { timeZone: 'Mars/Olympus_Mons' }, etag), 400, 'IDENTITY.INVALID_TIME_ZONE');
    expectProblem(await patchMe(tokens.accessToken, { timeZone: '../../etc/passwd' }, etag), 400);
    expectProblem(await patchMe(tokens.accessToken, { locale: 'xx' }, etag), 400, 'IDENTITY.INVALID_LOCALE');
    expectProblem(await patchMe(tokens.accessToken, { locale: 'fr-XX' }, etag), 400, 'IDENTITY.INVALID_LOCALE');
    expectProblem(await patchMe(tokens.accessToken, { locale: 'EN_us' }, etag), 400);
    expectProblem(await patchMe(tokens.accessToken, { name: '\u202eevil' }, etag), 400);
    expectProblem(await patchMe(tokens.accessToken, { email: 'other@example.test' }, etag), 400);
    expectProblem(await patchMe(tokens.accessToken, { roles: ['tenant_admin'] }, etag), 400);
    const me = (await kit.request('GET', '/api/v1/me', { token: tokens.accessToken })).json<Me>();
    expect(me).toMatchObject({ locale: 'en', timeZone: 'UTC', roles: ['student'], version: Number(etag.replaceAll('"', '')) });
  });

  it('merges preferences key by key and refuses oversize ones', async () => {
    const { tokens } = await signedInUser();
    let etag = (await kit.request('GET', '/api/v1/me', { token: tokens.accessToken })).headers.etag as string;
    const first = await patchMe(tokens.accessToken, { preferences: { accessibility: { reducedMotion: true }, notifications: { grades: { email: true } } } }, etag);
    expect(first.statusCode, first.body).toBe(200);
    etag = first.headers.etag as string;
    const second = await patchMe(tokens.accessToken, { preferences: { accessibility: { fontScale: 1.5 }, notifications: { grades: { push: false }, forum: { inApp: true } } } }, etag);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json<Me>().preferences).toEqual({
      accessibility: { reducedMotion: true, fontScale: 1.5 },
      notifications: { grades: { email: true, push: false }, forum: { inApp: true } },
    });
    etag = second.headers.etag as string;

    const topics = (from: number, count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`topic-${from + i}`, { email: true }]));
    expectProblem(await patchMe(tokens.accessToken, { preferences: { notifications: topics(0, 21) } }, etag), 400);
    expectProblem(await patchMe(tokens.accessToken, { preferences: { notifications: topics(0, 19) } }, etag), 400, 'IDENTITY.PREFERENCES_TOO_LARGE');
    expectProblem(await patchMe(tokens.accessToken, { preferences: { accessibility: { fontScale: 9 } } }, etag), 400);
    expectProblem(await patchMe(tokens.accessToken, { preferences: { theme: 'dark' } }, etag), 400);
    expect((await kit.request('GET', '/api/v1/me', { token: tokens.accessToken })).headers.etag).toBe(etag);
  });

  it('changes the password: other sessions lose refresh and access tokens, the current one stays', async () => {
    const { user, tokens: current } = await signedInUser();
    const other = await kit.signIn(user);
    const response = await kit.request('PUT', '/api/v1/me/password', { token: current.accessToken, body: { currentPassword: user.password, newPassword: 'a brand new passphrase' } });
    expect(response.statusCode, response.body).toBe(204);

    expectProblem(await kit.request('GET', '/api/v1/me', { token: other.accessToken }), 401, 'AUTH.SESSION_REVOKED');
    expectProblem(await refresh(other.refreshToken), 401, 'AUTH.INVALID_REFRESH_TOKEN');
    expect((await kit.request('GET', '/api/v1/me', { token: current.accessToken })).statusCode).toBe(200);
    expect((await refresh(current.refreshToken)).statusCode).toBe(200);

    const signIn = (password: string) => kit.request('POST', '/api/v1/auth/sign-in', { body: { tenant: user.tenant.slug, email: user.email, password } });
    expectProblem(await signIn(user.password), 401, 'AUTH.INVALID_CREDENTIALS');
    expect((await signIn('a brand new passphrase')).statusCode).toBe(200);
  });

  it('counts wrong current passwords towards the sign-in lockout and refuses weak or unchanged ones', async () => {
    const { user, tokens } = await signedInUser();
    const change = (currentPassword: string, newPassword = 'another long passphrase') =>
      kit.request('PUT', '/api/v1/me/password', { token: tokens.accessToken, body: { currentPassword, newPassword } });
    expectProblem(await change(user.password, 'short'), 400);
    expectProblem(await change(user.password, user.password), 422, 'IDENTITY.PASSWORD_UNCHANGED');
    for (let i = 0; i < 5; i++) expectProblem(await change('not my password'), 401, 'AUTH.INVALID_CREDENTIALS');
    expectProblem(await change('not my password'), 429, 'SIGN_IN.LOCKED');
    // The lock is the account's: even the right password, here or at sign-in, waits it out.
    expectProblem(await change(user.password), 429, 'SIGN_IN.LOCKED');
    expectProblem(await kit.request('POST', '/api/v1/auth/sign-in', { body: { tenant: user.tenant.slug, email: user.email, password: user.password } }), 429, 'SIGN_IN.LOCKED');
  });

  it('lists own sessions and signs one out; sessions of other users or tenants are 404', async () => {
    const { user, tokens } = await signedInUser();
    const second = await kit.signIn(user);
    const list = await kit.request('GET', '/api/v1/me/sessions', { token: tokens.accessToken });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<{ items: Array<{ id: string; current: boolean }> }>().items;
    expect(items.map((s) => s.id).sort()).toEqual([tokens.sessionId, second.sessionId].sort());
    expect(items.find((s) => s.current)?.id).toBe(tokens.sessionId);
    expect(list.body).not.toContain(tokens.refreshToken);

    const colleague = await kit.signIn(await kit.user(user.tenant));
    const stranger = await signedInUser();
    for (const foreign of [colleague.sessionId, stranger.tokens.sessionId]) {
      expectProblem(await kit.request('DELETE', `/api/v1/me/sessions/${foreign}`, { token: tokens.accessToken }), 404, 'IDENTITY.SESSION_NOT_FOUND');
    }
    expect((await kit.request('GET', '/api/v1/me', { token: colleague.accessToken })).statusCode).toBe(200);
    expect((await kit.request('GET', '/api/v1/me', { token: stranger.tokens.accessToken })).statusCode).toBe(200);

    expect((await kit.request('DELETE', `/api/v1/me/sessions/${second.sessionId}`, { token: tokens.accessToken })).statusCode).toBe(204);
    expectProblem(await kit.request('GET', '/api/v1/me', { token: second.accessToken }), 401, 'AUTH.SESSION_REVOKED');
    expectProblem(await refresh(second.refreshToken), 401);
    expectProblem(await kit.request('DELETE', `/api/v1/me/sessions/${second.sessionId}`, { token: tokens.accessToken }), 404);
    const after = (await kit.request('GET', '/api/v1/me/sessions', { token: tokens.accessToken })).json<{ items: Array<{ id: string }> }>();
    expect(after.items.map((s) => s.id)).toEqual([tokens.sessionId]);
  });

  it('exports the user\'s own data as an attachment, with no secrets and nothing of anyone else', async () => {
    const { user, tokens } = await signedInUser();
    const tenantId = user.tenant.id;
    const neighbour = await kit.user(user.tenant);
    const neighbourTokens = await kit.signIn(neighbour);
    await kit.platform.db.withTenant<IdentityDatabase, void>(tenantId, async (tx) => {
      await tx.insertInto('identity.mfa_totp').values({ user_id: user.row.id, tenant_id: tenantId, secret: 'TOTPSECRETNEVERSHOWN', confirmed_at: new Date() }).execute();
      await tx.insertInto('identity.recovery_codes').values({ tenant_id: tenantId, user_id: user.row.id, code_hash: 'recoveryhashneverShown' }).execute();
      await tx.insertInto('identity.user_identities').values({ tenant_id: tenantId, issuer: 'https://idp.example.test', subject: 'sso-subject-1', user_id: user.row.id }).execute();
      await tx.insertInto('identity.user_identities').values({ tenant_id: tenantId, issuer: 'https://idp.example.test', subject: 'neighbour-subject', user_id: neighbour.row.id }).execute();
    });
    expect((await kit.request('GET', '/api/v1/me', { token: tokens.accessToken })).json<Me>().mfaEnabled).toBe(true);

    const response = await kit.request('GET', '/api/v1/me/export', { token: tokens.accessToken });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="tessera-account-${user.row.id}.json"`);
    const exported = response.json<{ userId: string; identity: { profile: Me; sessions: Array<{ id: string }>; mfa: unknown; identities: unknown[] } }>();
    expect(exported).toMatchObject({ format: 'tessera.own-data/1', userId: user.row.id, tenantId });
    expect(exported.identity.profile).toMatchObject({ id: user.row.id, email: user.email, roles: ['student'], mfaEnabled: true });
    expect(exported.identity.sessions.map((s) => s.id)).toEqual([tokens.sessionId]);
    expect(exported.identity.mfa).toMatchObject({ totp: { enrolled: true }, recoveryCodesLeft: 1 });
    expect(exported.identity.identities).toEqual([{ issuer: 'https://idp.example.test', subject: 'sso-subject-1' }]);
    for (const secret of ['TOTPSECRETNEVERSHOWN', 'recoveryhashneverShown', tokens.refreshToken, tokens.accessToken, 'password_hash', '$argon2']) {
      expect(response.body).not.toContain(secret);
    }
    for (const foreign of [neighbour.row.id, neighbour.email, neighbourTokens.sessionId, 'neighbour-subject']) expect(response.body).not.toContain(foreign);
  });

  it('refuses callers without credentials (401) and API keys (403) on every own-account route', async () => {
    const { tokens: adminTokens } = await kit.tenantAdmin();
    const created = await kit.request('POST', '/api/v1/api-keys', { token: adminTokens.accessToken, body: { name: 'k', scopes: ['identity.users.read'] } });
    expect(created.statusCode, created.body).toBe(201);
    const key = created.json<{ key: string }>().key;
    const session = (await kit.request('GET', '/api/v1/me/sessions', { token: adminTokens.accessToken })).json<{ items: Array<{ id: string }> }>().items[0]?.id;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/v1/me'],
      ['PATCH', '/api/v1/me', { name: 'Key' }],
      ['PUT', '/api/v1/me/password', { currentPassword: 'whatever it is', newPassword: 'whatever it will be' }],
      ['GET', '/api/v1/me/sessions'],
      ['DELETE', `/api/v1/me/sessions/${session}`],
      ['GET', '/api/v1/me/export'],
    ];
    for (const [method, url, body] of routes) {
      expectProblem(await kit.request(method, url, { body, headers: { 'if-match': '"1"' } }), 401, 'AUTH.TOKEN_MISSING');
      expectProblem(await kit.request(method, url, { token: key, body, headers: { 'if-match': '"1"' } }), 403, 'IDENTITY.USER_ONLY');
    }
    expect((await kit.request('GET', '/api/v1/me', { token: adminTokens.accessToken })).statusCode).toBe(200);
  });
});
