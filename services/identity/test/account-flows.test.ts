import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant, TokenPair } from '../src/contract/schemas.js';
import type { IdentityDatabase } from '../src/db/identity.table.js';
import { expectProblem, PASSWORD, startIdentityKit, type IdentityKit } from './support/identity-kit.js';
import { mailsTo, tokenMailedTo } from './support/mail-helpers.js';

let kit: IdentityKit;
let open: Tenant;

beforeAll(async () => {
  kit = await startIdentityKit();
  open = await kit.tenant({ settings: { selfRegistration: true } });
});

afterAll(async () => {
  await kit?.close();
});

const NEW_PASSWORD = 'a brand new passphrase 42';
const email = () => `person-${randomUUID().slice(0, 8)}@example.test`;
const post = (url: string, body: unknown, token?: string) => kit.request('POST', `/api/v1${url}`, { body, ...(token ? { token } : {}) });
const signIn = (tenant: Tenant, address: string, password: string) => post('/auth/sign-in', { tenant: tenant.slug, email: address, password });

async function storedUsers(tenantId: string) {
  return kit.platform.db.withTenant<IdentityDatabase, Array<{ id: string; email: string; name: string; status: string; roles: string[] }>>(tenantId, (tx) =>
    tx.selectFrom('identity.users').select(['id', 'email', 'name', 'status', 'roles']).where('tenant_id', '=', tenantId).execute());
}

describe(`self-registration and email verification (${testBackends.database}, ${testBackends.cache})`, () => {
  it('registers, mails a verification link, refuses sign-in until verified, then signs in', async () => {
    const address = email();
    const response = await post('/auth/register', { tenant: open.slug, email: address, password: PASSWORD, name: 'Ada Lovelace' });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toEqual({ status: 'accepted', detail: expect.any(String) });
    const [stored] = (await storedUsers(open.id)).filter((user) => user.email === address);
    expect(stored).toMatchObject({ name: 'Ada Lovelace', status: 'active', roles: ['student'] });
    const events = await kit.platform.db.withSystem((tx) =>
      sql<{ n: number }>`select count(*)::int as n from platform.outbox where event->>'type' = 'tessera.identity.user.registered' and event->>'subject' = ${stored!.id}`.execute(tx));
    expect(events.rows[0]?.n).toBe(1);

    expectProblem(await signIn(open, address, PASSWORD), 403, 'IDENTITY.EMAIL_NOT_VERIFIED');
    const token = await tokenMailedTo(kit, address, 'identity.verify-email');
    const verified = await post('/auth/verify-email', { token });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toEqual({ status: 'verified' });
    expectProblem(await post('/auth/verify-email', { token }), 422, 'IDENTITY.INVALID_LINK');

    const signedIn = await signIn(open, address, PASSWORD);
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json()).toMatchObject({ status: 'signed_in', tokens: { user: { tenantId: open.id, roles: ['student'], name: 'Ada Lovelace' } } });
  });

  it('answers an existing email with the identical 202, mails "already registered" and leaves the account alone', async () => {
    const existing = await kit.user(open);
    const fresh = await post('/auth/register', { tenant: open.slug, email: email(), password: PASSWORD, name: 'Someone New' });
    const again = await post('/auth/register', { tenant: open.slug, email: existing.email.toUpperCase(), password: NEW_PASSWORD, name: 'Impostor' });
    expect(again.statusCode).toBe(202);
    expect(again.body).toBe(fresh.body);
    expect(again.headers['content-type']).toBe(fresh.headers['content-type']);
    const mails = await mailsTo(kit, existing.email);
    expect(mails.map((mail) => mail.category)).toEqual(['identity.already-registered']);
    expect((await storedUsers(open.id)).filter((user) => user.email.toLowerCase() === existing.email.toLowerCase())).toHaveLength(1);
    expect((await signIn(open, existing.email, existing.password)).statusCode).toBe(200);
    expectProblem(await signIn(open, existing.email, NEW_PASSWORD), 401, 'AUTH.INVALID_CREDENTIALS');
  });

  it('refuses sign-up with 403 where the institution does not allow it or does not exist, storing nothing', async () => {
    const closed = await kit.tenant();
    const address = email();
    expectProblem(await post('/auth/register', { tenant: closed.slug, email: address, password: PASSWORD, name: 'Closed Out' }), 403, 'IDENTITY.REGISTRATION_CLOSED');
    expectProblem(await post('/auth/register', { tenant: 'no-such-place', email: address, password: PASSWORD, name: 'Closed Out' }), 403, 'IDENTITY.REGISTRATION_CLOSED');
    expect(await storedUsers(closed.id)).toEqual([]);
    expect(await mailsTo(kit, address)).toEqual([]);
  });

  it('refuses invalid emails, a 10,000-character name and a bidi override with 400 and stores nothing', async () => {
    const before = (await storedUsers(open.id)).length;
    const refused = [
      { email: 'not-an-email', name: 'Valid Name' },
      { email: 'two@@example.test', name: 'Valid Name' },
      { email: 'ünicode@exämple.test', name: 'Valid Name' },
      { email: `${'a'.repeat(250)}@example.test`, name: 'Valid Name' },
      { email: email(), name: 'x'.repeat(10_000) },
      { email: email(), name: 'Eve \u202Egnp.exe' },
      { email: email(), name: '' },
    ];
    for (const body of refused) {
      expectProblem(await post('/auth/register', { tenant: open.slug, password: PASSWORD, ...body }), 400);
    }
    expectProblem(await post('/auth/register', { tenant: open.slug, email: email(), password: 'short', name: 'Too Short' }), 400);
    expectProblem(await post('/auth/register', { tenant: open.slug, email: email(), password: PASSWORD, name: '   ' }), 400, 'IDENTITY.NAME_EMPTY');
    expectProblem(await post('/auth/register', { tenant: open.slug, email: email(), password: PASSWORD, name: 'Extra', roles: ['tenant_admin'] }), 400);
    expect((await storedUsers(open.id)).length).toBe(before);
  });

  it('stores an SQL-looking name verbatim, and the table is still there', async () => {
    const address = email();
    const name = "'; drop table identity.users; --";
    expect((await post('/auth/register', { tenant: open.slug, email: address, password: PASSWORD, name })).statusCode).toBe(202);
    const token = await tokenMailedTo(kit, address, 'identity.verify-email');
    expect((await post('/auth/verify-email', { token })).statusCode).toBe(200);
    const signedIn = (await signIn(open, address, PASSWORD)).json<{ tokens: TokenPair }>();
    expect(signedIn.tokens.user.name).toBe(name);
    const count = await kit.platform.db.withSystem((tx) => sql<{ n: number }>`select count(*)::int as n from identity.users`.execute(tx));
    expect(count.rows[0]?.n).toBeGreaterThan(0);
  });

  it('refuses forged and malformed verification links (422 and 400, never 500)', async () => {
    expectProblem(await post('/auth/verify-email', { token: `${'0'.repeat(32)}.${'A'.repeat(43)}` }), 422, 'IDENTITY.INVALID_LINK');
    expectProblem(await post('/auth/verify-email', { token: `${open.id.replaceAll('-', '')}.${'B'.repeat(43)}` }), 422, 'IDENTITY.INVALID_LINK');
    expectProblem(await post('/auth/verify-email', { token: 'short' }), 400);
    expectProblem(await post('/auth/verify-email', { token: 'a'.repeat(30) }), 422, 'IDENTITY.INVALID_LINK');
  });

  it('resends a verification link (the old one stops working) and answers unknown emails identically', async () => {
    const address = email();
    await post('/auth/register', { tenant: open.slug, email: address, password: PASSWORD, name: 'Slow Reader' });
    const first = await tokenMailedTo(kit, address, 'identity.verify-email');
    const resent = await post('/auth/verify-email/resend', { tenant: open.slug, email: address });
    const unknown = await post('/auth/verify-email/resend', { tenant: open.slug, email: email() });
    const nowhere = await post('/auth/verify-email/resend', { tenant: 'no-such-place', email: address });
    expect([resent.statusCode, unknown.statusCode, nowhere.statusCode]).toEqual([202, 202, 202]);
    expect(new Set([resent.body, unknown.body, nowhere.body]).size).toBe(1);
    const second = await tokenMailedTo(kit, address, 'identity.verify-email', 2);
    expect(second).not.toBe(first);
    expectProblem(await post('/auth/verify-email', { token: first }), 422, 'IDENTITY.INVALID_LINK');
    expect((await post('/auth/verify-email', { token: second })).statusCode).toBe(200);
  });

  it('limits sign-ups per IP address', async () => {
    // The budget is per clock minute: a run that crosses a minute's end (a loaded machine) tries again from another address.
    for (let run = 0; run < 3; run++) {
      const address = `203.0.113.${1 + Math.floor(Math.random() * 254)}`;
      const minute = Math.floor(Date.now() / 60_000);
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) {
        const response = await kit.app.inject({
          method: 'POST', url: '/api/v1/auth/register', remoteAddress: address,
          payload: { tenant: open.slug, email: email(), password: PASSWORD, name: `Bulk ${run}-${i}` },
        });
        statuses.push(response.statusCode);
      }
      if (Math.floor(Date.now() / 60_000) !== minute) continue;
      expect(statuses.slice(0, 20).every((status) => status === 202)).toBe(true);
      expect(statuses[20]).toBe(429);
      return;
    }
    throw new Error('every run crossed the end of a minute');
  });
});

describe('password reset', () => {
  it('sets a new password, ends every session and access token, and lifts the lockout', async () => {
    const user = await kit.user(open);
    const sessions = [await kit.signIn(user), await kit.signIn(user)];
    for (let i = 0; i < 6; i++) await signIn(open, user.email, 'not the password');
    expectProblem(await signIn(open, user.email, user.password), 429, 'SIGN_IN.LOCKED');

    const asked = await post('/auth/password-reset', { tenant: open.slug, email: user.email });
    expect(asked.statusCode, asked.body).toBe(202);
    const token = await tokenMailedTo(kit, user.email, 'identity.reset-password');
    const changed = await post('/auth/password-reset/confirm', { token, password: NEW_PASSWORD });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ status: 'password_changed' });

    expectProblem(await signIn(open, user.email, user.password), 401, 'AUTH.INVALID_CREDENTIALS');
    expect((await signIn(open, user.email, NEW_PASSWORD)).statusCode).toBe(200);
    for (const old of sessions) {
      expectProblem(await post('/auth/refresh', { refreshToken: old.refreshToken }), 401, 'AUTH.INVALID_REFRESH_TOKEN');
      expectProblem(await post('/auth/sign-out', {}, old.accessToken), 401, 'AUTH.SESSION_REVOKED');
    }
    expectProblem(await post('/auth/password-reset/confirm', { token, password: 'yet another passphrase' }), 422, 'IDENTITY.INVALID_LINK');
  });

  it('answers unknown emails, unknown tenants and deactivated accounts with the identical 202 and sends nothing', async () => {
    const known = await kit.user(open);
    const gone = await kit.user(open, { status: 'deactivated' });
    const elsewhere = await kit.tenant();
    const stranger = email();
    const answers = [
      await post('/auth/password-reset', { tenant: elsewhere.slug, email: known.email }),
      await post('/auth/password-reset', { tenant: open.slug, email: known.email }),
      await post('/auth/password-reset', { tenant: open.slug, email: stranger }),
      await post('/auth/password-reset', { tenant: 'no-such-place', email: stranger }),
      await post('/auth/password-reset', { tenant: open.slug, email: gone.email }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    await tokenMailedTo(kit, known.email, 'identity.reset-password');
    // Only the request naming the account's own tenant sent anything.
    expect((await mailsTo(kit, known.email)).map((mail) => mail.tenantId)).toEqual([open.id]);
    expect(await mailsTo(kit, stranger)).toEqual([]);
    expect(await mailsTo(kit, gone.email)).toEqual([]);
  });

  it('voids older reset links when a new one is sent, and refuses forged ones without hashing', async () => {
    const user = await kit.user(open);
    await post('/auth/password-reset', { tenant: open.slug, email: user.email });
    const first = await tokenMailedTo(kit, user.email, 'identity.reset-password');
    await post('/auth/password-reset', { tenant: open.slug, email: user.email });
    const second = await tokenMailedTo(kit, user.email, 'identity.reset-password', 2);
    expectProblem(await post('/auth/password-reset/confirm', { token: first, password: NEW_PASSWORD }), 422, 'IDENTITY.INVALID_LINK');
    expectProblem(await post('/auth/password-reset/confirm', { token: `${'0'.repeat(32)}.${'A'.repeat(43)}`, password: NEW_PASSWORD }), 422, 'IDENTITY.INVALID_LINK');
    expectProblem(await post('/auth/password-reset/confirm', { token: second, password: 'short' }), 400);
    expect((await post('/auth/password-reset/confirm', { token: second, password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('limits reset requests per email address', async () => {
    const address = email();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post('/auth/password-reset', { tenant: open.slug, email: address })).statusCode);
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});

describe('invitations', () => {
  it('accepts an invitation with a password, then signs in; the link works once', async () => {
    const admin = await kit.tenantAdmin();
    const address = email();
    const invited = await post('/users/invitations', { email: address, name: 'Grace Hopper', roles: ['instructor'] }, admin.tokens.accessToken);
    expect(invited.statusCode, invited.body).toBe(201);
    expectProblem(await signIn(admin.tenant, address, NEW_PASSWORD), 401);
    const token = await tokenMailedTo(kit, address, 'identity.invitation');
    expectProblem(await post('/auth/invitations/accept', { token, password: 'short' }), 400);
    const accepted = await post('/auth/invitations/accept', { token, password: NEW_PASSWORD, name: 'Grace B. Hopper' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ status: 'accepted' });
    const signedIn = await signIn(admin.tenant, address, NEW_PASSWORD);
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json()).toMatchObject({ tokens: { user: { name: 'Grace B. Hopper', roles: ['instructor'] } } });
    expectProblem(await post('/auth/invitations/accept', { token, password: NEW_PASSWORD }), 422, 'IDENTITY.INVALID_LINK');
    expectProblem(await post('/auth/invitations/accept', { token: `${'0'.repeat(32)}.${'A'.repeat(43)}`, password: NEW_PASSWORD }), 422, 'IDENTITY.INVALID_LINK');
  });
});
