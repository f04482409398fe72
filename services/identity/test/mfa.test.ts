import { randomUUID } from 'node:crypto';
import { testBackends } from '@tessera/platform/testing';
import { generate } from 'otplib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Tenant, TokenPair } from '../src/contract/schemas.js';
import type { IdentityDatabase } from '../src/db/identity.table.js';
import { expectProblem, startIdentityKit, type IdentityKit, type KitUser } from './support/identity-kit.js';

const STEP_MS = 30_000;
const RECOVERY_CODE = /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/;

let kit: IdentityKit;

beforeAll(async () => {
  // Many sign-ins from one address in one test file: the per-IP budget is not under test here.
  kit = await startIdentityKit({ SIGN_IN_PER_IP_PER_MINUTE: '10000' });
});

afterAll(async () => {
  await kit?.close();
});

// TOTP codes depend on the clock: it stands still in the middle of a 30-second step, and moves only when a
// test moves it, so no code can cross a step boundary between being generated and being checked.
beforeEach(() => {
  const realNow = Date.now();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Math.floor(realNow / STEP_MS) * STEP_MS + STEP_MS / 2);
});

afterEach(() => {
  vi.useRealTimers();
});

function moveClock(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
}

/** The authenticator app's code `steps` time steps from now. */
async function codeAt(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}

/** A code that is wrong for every step the server accepts now. */
async function wrongCode(secret: string): Promise<string> {
  const accepted = new Set(await Promise.all([-1, 0, 1].map((steps) => codeAt(secret, steps))));
  for (let candidate = 0; candidate < 10; candidate++) {
    const code = String(candidate * 111_111).padStart(6, '0');
    if (!accepted.has(code)) return code;
  }
  throw new Error('no wrong code found');
}

async function signedIn(tenant?: Tenant, roles: string[] = ['student']): Promise<{ user: KitUser; tokens: TokenPair }> {
  const user = await kit.user(tenant ?? (await kit.tenant()), { roles });
  return { user, tokens: await kit.signIn(user) };
}

/** Sets up an authenticator app over HTTP; answers its secret and the recovery codes. */
async function enrol(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await kit.request('POST', '/api/v1/me/mfa/totp', { token });
  expect(started.statusCode, started.body).toBe(201);
  const { secret } = started.json<{ secret: string }>();
  const confirmed = await kit.request('POST', '/api/v1/me/mfa/totp/confirm', { token, body: { code: await codeAt(secret) } });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { secret, recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes };
}

async function passwordStep(user: KitUser, expected = 'mfa_required'): Promise<string> {
  const response = await kit.request('POST', '/api/v1/auth/sign-in', { body: { tenant: user.tenant.slug, email: user.email, password: user.password } });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json<{ status: string; challenge: string }>();
  expect(body.status).toBe(expected);
  return body.challenge;
}

async function verify(body: Record<string, unknown>) {
  return kit.request('POST', '/api/v1/auth/mfa/verify', { body });
}

async function signedInTokens(response: Awaited<ReturnType<typeof verify>>): Promise<TokenPair> {
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json<{ status: string; tokens: TokenPair }>();
  expect(body.status).toBe('signed_in');
  return body.tokens;
}

function amrOf(accessToken: string): string[] {
  const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { amr: string[] };
  return payload.amr;
}

async function currentSessionMethods(token: string): Promise<string[]> {
  const sessions = (await kit.request('GET', '/api/v1/me/sessions', { token })).json<{ items: Array<{ current: boolean; methods: string[] }> }>();
  return sessions.items.find((session) => session.current)?.methods ?? [];
}

async function mfaEnabled(token: string): Promise<boolean> {
  return (await kit.request('GET', '/api/v1/me', { token })).json<{ mfaEnabled: boolean }>().mfaEnabled;
}

describe(`TOTP second factor (${testBackends.database}, ${testBackends.cache})`, () => {
  it('enrols, then signs in with a code: the tokens work, amr says otp and mfa, and no code works twice', async () => {
    const { user, tokens } = await signedIn();
    const started = await kit.request('POST', '/api/v1/me/mfa/totp', { token: tokens.accessToken });
    expect(started.statusCode, started.body).toBe(201);
    const enrolment = started.json<{ secret: string; otpauthUri: string; issuer: string }>();
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.issuer).toBe('Test University');
    expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(enrolment.otpauthUri).searchParams.get('secret')).toBe(enrolment.secret);
    expect(await mfaEnabled(tokens.accessToken)).toBe(false);

    const enrolCode = await codeAt(enrolment.secret);
    const confirmed = await kit.request('POST', '/api/v1/me/mfa/totp/confirm', { token: tokens.accessToken, body: { code: enrolCode } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { recoveryCodes } = confirmed.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(RECOVERY_CODE);
    expect(await mfaEnabled(tokens.accessToken)).toBe(true);
    expectProblem(await kit.request('POST', '/api/v1/me/mfa/totp', { token: tokens.accessToken }), 409, 'MFA.ALREADY_ENROLLED');

    await kit.request('POST', '/api/v1/auth/sign-out', { token: tokens.accessToken });
    const challenge = await passwordStep(user);
    expectProblem(await verify({ challenge, code: enrolCode }), 401, 'AUTH.INVALID_CODE');

    moveClock(STEP_MS);
    const code = await codeAt(enrolment.secret);
    const second = await signedInTokens(await verify({ challenge, code }));
    expect(second.user).toMatchObject({ id: user.row.id, tenantId: user.tenant.id });
    expect(amrOf(second.accessToken)).toEqual(['pwd', 'otp', 'mfa']);
    expect(await currentSessionMethods(second.accessToken)).toEqual(['pwd', 'otp', 'mfa']);
    const refreshed = await kit.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: second.refreshToken } });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(amrOf(refreshed.json<TokenPair>().accessToken)).toEqual(['pwd', 'otp', 'mfa']);

    expectProblem(await verify({ challenge, code: await codeAt(enrolment.secret, 1) }), 401, 'AUTH.INVALID_CHALLENGE');
    const next = await passwordStep(user);
    expectProblem(await verify({ challenge: next, code }), 401, 'AUTH.INVALID_CODE');
    expectProblem(await verify({ challenge: next, code: await codeAt(enrolment.secret, -1) }), 401, 'AUTH.INVALID_CODE');
    await signedInTokens(await verify({ challenge: next, code: await codeAt(enrolment.secret, 1) }));
  });

  it('accepts one step of clock drift either way, not two', async () => {
    const { user, tokens } = await signedIn();
    const { secret } = await enrol(tokens.accessToken);
    moveClock(3 * STEP_MS);
    await signedInTokens(await verify({ challenge: await passwordStep(user), code: await codeAt(secret, -1) }));
    await signedInTokens(await verify({ challenge: await passwordStep(user), code: await codeAt(secret, 1) }));
    moveClock(4 * STEP_MS);
    const challenge = await passwordStep(user);
    expectProblem(await verify({ challenge, code: await codeAt(secret, -2) }), 401, 'AUTH.INVALID_CODE');
    expectProblem(await verify({ challenge, code: await codeAt(secret, 2) }), 401, 'AUTH.INVALID_CODE');
    await signedInTokens(await verify({ challenge, code: await codeAt(secret) }));
  });

  it('a recovery code works once, typed in any case or grouping; new codes void the old ones', async () => {
    const { user, tokens } = await signedIn();
    const { secret, recoveryCodes } = await enrol(tokens.accessToken);
    const [first, second, third] = recoveryCodes as [string, string, string];

    const viaRecovery = await signedInTokens(await verify({ challenge: await passwordStep(user), recoveryCode: first.toUpperCase().replaceAll('-', ' ') }));
    expect(amrOf(viaRecovery.accessToken)).toEqual(['pwd', 'mfa']);
    expectProblem(await verify({ challenge: await passwordStep(user), recoveryCode: first }), 401, 'AUTH.INVALID_CODE');
    await signedInTokens(await verify({ challenge: await passwordStep(user), recoveryCode: second }));

    moveClock(STEP_MS);
    const regenerated = await kit.request('POST', '/api/v1/me/mfa/recovery-codes', { token: tokens.accessToken, body: { code: await codeAt(secret) } });
    expect(regenerated.statusCode, regenerated.body).toBe(200);
    const fresh = regenerated.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(third);
    expectProblem(await verify({ challenge: await passwordStep(user), recoveryCode: third }), 401, 'AUTH.INVALID_CODE');
    await signedInTokens(await verify({ challenge: await passwordStep(user), recoveryCode: fresh[0] }));
    expectProblem(await kit.request('POST', '/api/v1/me/mfa/recovery-codes', { token: tokens.accessToken, body: { code: await codeAt(secret) } }), 401, 'AUTH.INVALID_CODE');
  });

  it('wrong codes: a challenge dies after five, and the account locks until the lock runs out', async () => {
    const { user, tokens } = await signedIn();
    const { secret } = await enrol(tokens.accessToken);
    moveClock(STEP_MS);
    const challenge = await passwordStep(user);
    const wrong = await wrongCode(secret);
    for (let attempt = 0; attempt < 5; attempt++) expectProblem(await verify({ challenge, code: wrong }), 401, 'AUTH.INVALID_CODE');
    expectProblem(await verify({ challenge, code: await codeAt(secret) }), 401, 'AUTH.INVALID_CHALLENGE');

    const next = await passwordStep(user);
    expectProblem(await verify({ challenge: next, code: await codeAt(secret) }), 429, 'MFA.LOCKED');
    moveClock(61_000);
    await signedInTokens(await verify({ challenge: next, code: await codeAt(secret) }));
  });

  it('a challenge expires after five minutes', async () => {
    const { user, tokens } = await signedIn();
    const { secret } = await enrol(tokens.accessToken);
    const challenge = await passwordStep(user);
    moveClock(5 * 60_000 + 1_000);
    expectProblem(await verify({ challenge, code: await codeAt(secret) }), 401, 'AUTH.INVALID_CHALLENGE');
  });

  it("applies the tenant's policy: a role that must use MFA sets it up at sign-in and cannot remove it", async () => {
    const { tenant, tokens: admin } = await kit.tenantAdmin();
    const etag = (await kit.request('GET', '/api/v1/tenant', { token: admin.accessToken })).headers.etag as string;
    const patched = await kit.request('PATCH', '/api/v1/tenant', { token: admin.accessToken, headers: { 'if-match': etag }, body: { settings: { mfaRequiredRoles: ['instructor'] } } });
    expect(patched.statusCode, patched.body).toBe(200);
    const instructor = await kit.user(tenant, { roles: ['instructor'] });

    const challenge = await passwordStep(instructor, 'mfa_setup_required');
    const setup = await kit.request('POST', '/api/v1/auth/mfa/setup', { body: { challenge } });
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret, issuer } = setup.json<{ secret: string; issuer: string }>();
    expect(issuer).toBe('Test University');
    expectProblem(await kit.request('POST', '/api/v1/auth/mfa/setup/confirm', { body: { challenge, code: await wrongCode(secret) } }), 401, 'AUTH.INVALID_CODE');
    const done = await kit.request('POST', '/api/v1/auth/mfa/setup/confirm', { body: { challenge, code: await codeAt(secret) } });
    expect(done.statusCode, done.body).toBe(200);
    const body = done.json<{ status: string; tokens: TokenPair; recoveryCodes: string[] }>();
    expect(body.status).toBe('signed_in');
    expect(body.recoveryCodes).toHaveLength(10);
    expect(amrOf(body.tokens.accessToken)).toEqual(['pwd', 'otp', 'mfa']);
    expect(await mfaEnabled(body.tokens.accessToken)).toBe(true);
    expectProblem(await kit.request('POST', '/api/v1/auth/mfa/setup', { body: { challenge } }), 401, 'AUTH.INVALID_CHALLENGE');

    const enrolledChallenge = await passwordStep(instructor, 'mfa_required');
    expectProblem(await kit.request('POST', '/api/v1/auth/mfa/setup', { body: { challenge: enrolledChallenge } }), 409, 'MFA.ALREADY_ENROLLED');
    expectProblem(await kit.request('DELETE', '/api/v1/me/mfa', { token: body.tokens.accessToken, body: { password: instructor.password } }), 403, 'MFA.REQUIRED_BY_TENANT');
    moveClock(STEP_MS);
    await signedInTokens(await verify({ challenge: enrolledChallenge, code: await codeAt(secret) }));
  });

  it('removes the second factor with the password or a current code; sign-in then needs only the password', async () => {
    const { user, tokens } = await signedIn();
    const first = await kit.request('POST', '/api/v1/me/mfa/totp', { token: tokens.accessToken });
    const replaced = await kit.request('POST', '/api/v1/me/mfa/totp', { token: tokens.accessToken });
    const stale = first.json<{ secret: string }>().secret;
    const { secret } = replaced.json<{ secret: string }>();
    expect(secret).not.toBe(stale);
    expectProblem(await kit.request('POST', '/api/v1/me/mfa/totp/confirm', { token: tokens.accessToken, body: { code: await wrongCode(secret) } }), 401, 'AUTH.INVALID_CODE');
    expect((await kit.request('POST', '/api/v1/me/mfa/totp/confirm', { token: tokens.accessToken, body: { code: await codeAt(secret) } })).statusCode).toBe(200);

    const remove = (body: unknown) => kit.request('DELETE', '/api/v1/me/mfa', { token: tokens.accessToken, body });
    expectProblem(await remove({ password: 'not the password at all' }), 401, 'AUTH.INVALID_CREDENTIALS');
    expectProblem(await remove({ code: await wrongCode(secret) }), 401, 'AUTH.INVALID_CODE');
    expect((await remove({ password: user.password })).statusCode).toBe(204);
    expect(await mfaEnabled(tokens.accessToken)).toBe(false);
    expectProblem(await remove({ password: user.password }), 409, 'MFA.NOT_ENROLLED');
    await kit.signIn(user);

    const { secret: again } = await enrol(tokens.accessToken);
    moveClock(STEP_MS);
    expect((await remove({ code: await codeAt(again) })).statusCode).toBe(204);
    await kit.signIn(user);
  });

  it("a challenge names its tenant: under another tenant's or a made-up prefix it is refused", async () => {
    const { user, tokens } = await signedIn();
    const other = await kit.tenant();
    const { secret } = await enrol(tokens.accessToken);
    moveClock(STEP_MS);
    const challenge = await passwordStep(user);
    const secretPart = challenge.split('.')[1];
    const code = await codeAt(secret);
    for (const forged of [
      `${other.id.replaceAll('-', '')}.${secretPart}`,
      `${randomUUID().replaceAll('-', '')}.${secretPart}`,
      `${user.tenant.id.replaceAll('-', '')}.${'A'.repeat(43)}`,
      'not-a-challenge-at-all-but-long-enough',
    ]) {
      expectProblem(await verify({ challenge: forged, code }), 401, 'AUTH.INVALID_CHALLENGE');
      expectProblem(await kit.request('POST', '/api/v1/auth/mfa/setup', { body: { challenge: forged } }), 401, 'AUTH.INVALID_CHALLENGE');
    }
    await signedInTokens(await verify({ challenge, code }));
  });

  it('refuses malformed input with 400, never 500', async () => {
    const { user, tokens } = await signedIn();
    const valid = `${user.tenant.id.replaceAll('-', '')}.${'A'.repeat(43)}`;
    const huge = '1'.repeat(100_000);
    const bodies: unknown[] = [
      { challenge: valid, code: '12a456' }, { challenge: valid, code: '1234567' }, { challenge: valid, code: '12345' },
      { challenge: valid, code: 123456 }, { challenge: valid, code: huge }, { challenge: huge, code: '123456' },
      { challenge: valid, recoveryCode: huge }, { challenge: valid, recoveryCode: 'abcd-<script>-efgh-ijkl' },
      { challenge: valid, code: '123456', recoveryCode: 'abcd-efgh-ijkl-mnop' }, { challenge: valid }, { code: '123456' },
      { challenge: valid, code: '123456', extra: true }, [], 'text', null,
    ];
    for (const body of bodies) {
      expectProblem(await verify(body as Record<string, unknown>), 400);
      expectProblem(await kit.request('POST', '/api/v1/auth/mfa/setup/confirm', { body }), 400);
    }
    for (const body of [{ challenge: huge }, { challenge: 'short' }, {}, { challenge: valid, code: '123456' }]) {
      expectProblem(await kit.request('POST', '/api/v1/auth/mfa/setup', { body }), 400);
    }
    for (const body of [{ code: '12a456' }, { code: '1234567' }, { code: huge }, {}, { code: '123456', more: 1 }]) {
      expectProblem(await kit.request('POST', '/api/v1/me/mfa/totp/confirm', { token: tokens.accessToken, body }), 400);
      expectProblem(await kit.request('POST', '/api/v1/me/mfa/recovery-codes', { token: tokens.accessToken, body }), 400);
    }
    for (const body of [{}, { password: '' }, { password: huge }, { code: 'abcdef' }, { password: 'x', code: '123456' }]) {
      expectProblem(await kit.request('DELETE', '/api/v1/me/mfa', { token: tokens.accessToken, body }), 400);
    }
  });

  it('is for people: API keys get 403, anonymous callers 401', async () => {
    const { tokens: admin } = await kit.tenantAdmin();
    const created = await kit.request('POST', '/api/v1/api-keys', { token: admin.accessToken, body: { name: 'Robot', scopes: ['identity.users.read'] } });
    expect(created.statusCode, created.body).toBe(201);
    const key = created.json<{ key: string }>().key;
    expectProblem(await kit.request('POST', '/api/v1/me/mfa/totp', { token: key }), 403, 'IDENTITY.USER_ONLY');
    expectProblem(await kit.request('POST', '/api/v1/me/mfa/recovery-codes', { token: key, body: { code: '123456' } }), 403, 'IDENTITY.USER_ONLY');
    expectProblem(await kit.request('POST', '/api/v1/me/mfa/totp'), 401);
    expectProblem(await kit.request('DELETE', '/api/v1/me/mfa', { body: { password: 'whatever it is' } }), 401);
  });

  it('shows mfaEnabled in the user list once a user has enrolled, and keeps the secret sealed at rest', async () => {
    const { tenant, tokens: admin } = await kit.tenantAdmin();
    const { user, tokens } = await signedIn(tenant);
    const { secret } = await enrol(tokens.accessToken);
    const listed = await kit.request('GET', '/api/v1/users', { token: admin.accessToken });
    expect(listed.statusCode, listed.body).toBe(200);
    const items = listed.json<{ items: Array<{ id: string; mfaEnabled: boolean; roles: string[] }> }>().items;
    expect(items.find((item) => item.id === user.row.id)?.mfaEnabled).toBe(true);
    expect(items.find((item) => item.roles.includes('tenant_admin'))?.mfaEnabled).toBe(false);

    const stored = await kit.platform.db.withTenant<IdentityDatabase, { secret: string } | undefined>(tenant.id, (tx) =>
      tx.selectFrom('identity.mfa_totp').select('secret').where('user_id', '=', user.row.id).executeTakeFirst());
    expect(stored?.secret).toMatch(/^v1\./);
    expect(stored?.secret).not.toContain(secret);
  });
});
