import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant, TokenPair, User } from '../src/contract/schemas.js';
import type { IdentityDatabase } from '../src/db/identity.table.js';
import { expectProblem, startIdentityKit, type IdentityKit, type KitUser } from './support/identity-kit.js';
import { mailsTo, tokenMailedTo } from './support/mail-helpers.js';

let kit: IdentityKit;
let tenant: Tenant;
let admin: { user: KitUser; tokens: TokenPair };
let other: { tenant: Tenant; user: KitUser; tokens: TokenPair };
let student: { user: KitUser; tokens: TokenPair };

beforeAll(async () => {
  kit = await startIdentityKit();
  ({ tenant, ...admin } = await kit.tenantAdmin());
  other = await kit.tenantAdmin();
  const studentUser = await kit.user(tenant, { roles: ['student'] });
  student = { user: studentUser, tokens: await kit.signIn(studentUser) };
});

afterAll(async () => {
  await kit?.close();
});

const email = (prefix = 'u') => `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
const call = (method: string, url: string, token: string | undefined, body?: unknown, headers?: Record<string, string>) =>
  kit.request(method, `/api/v1${url}`, { ...(token ? { token } : {}), ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) });
const asAdmin = (method: string, url: string, body?: unknown, headers?: Record<string, string>) => call(method, url, admin.tokens.accessToken, body, headers);

async function invite(body: { email: string; name: string; roles: string[] }): Promise<User> {
  const response = await asAdmin('POST', '/users/invitations', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<User>();
}

async function allUsers(token: string, query = ''): Promise<User[]> {
  const users: User[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const response = await call('GET', `/users?limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`, token);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ items: User[]; nextCursor: string | null }>();
    users.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return users;
}

async function eventsOf(type: string, subject: string): Promise<Array<Record<string, unknown>>> {
  const rows = await kit.platform.db.withSystem((tx) =>
    sql<{ event: Record<string, unknown> }>`select event from platform.outbox where event->>'type' = ${`tessera.${type}`} and event->>'subject' = ${subject}`.execute(tx));
  return rows.rows.map((row) => row.event);
}

describe(`user administration (${testBackends.database}, ${testBackends.cache})`, () => {
  it('invites a user (201, status invited, mail sent), refuses an existing email with 409, replays an idempotent retry', async () => {
    const address = email('invitee');
    const headers = { 'idempotency-key': `invite-${address}` };
    const first = await asAdmin('POST', '/users/invitations', { email: address, name: 'New Colleague', roles: ['instructor', 'tutor'] }, headers);
    expect(first.statusCode, first.body).toBe(201);
    const user = first.json<User>();
    expect(user).toMatchObject({ email: address, name: 'New Colleague', status: 'invited', roles: ['instructor', 'tutor'], emailVerified: false, mfaEnabled: false, tenantId: tenant.id });
    expect(first.headers.location).toBe(`/api/v1/users/${user.id}`);
    expect((await mailsTo(kit, address)).map((mail) => mail.category)).toEqual(['identity.invitation']);
    expect((await eventsOf('identity.user.invited', user.id)).map((event) => (event.data as { email: string }).email)).toEqual([address]);
    const replay = await asAdmin('POST', '/users/invitations', { email: address, name: 'New Colleague', roles: ['instructor', 'tutor'] }, headers);
    expect(replay.statusCode).toBe(201);
    expect(replay.json<User>().id).toBe(user.id);
    expectProblem(await asAdmin('POST', '/users/invitations', { email: address.toUpperCase(), name: 'Again', roles: ['student'] }), 409, 'IDENTITY.USER_EXISTS');
  });

  it('refuses invalid emails, huge or bidi names and platform_admin with 400 and stores nothing; stores an SQL-looking name verbatim', async () => {
    const refused = [
      { email: 'nope', name: 'Fine Name', roles: ['student'] },
      { email: 'a b@example.test', name: 'Fine Name', roles: ['student'] },
      { email: email(), name: 'n'.repeat(10_000), roles: ['student'] },
      { email: email(), name: 'Mallory \u202Etxt.exe', roles: ['student'] },
      { email: email(), name: 'Zero\u200BWidth', roles: ['student'] },
      { email: email(), name: 'Fine Name', roles: ['platform_admin'] },
      { email: email(), name: 'Fine Name', roles: [] },
      { email: email(), name: 'Fine Name', roles: ['student'], status: 'active' },
    ];
    for (const body of refused) expectProblem(await asAdmin('POST', '/users/invitations', body), 400);
    const stored = await allUsers(admin.tokens.accessToken);
    for (const body of refused) expect(stored.some((user) => user.email === body.email)).toBe(false);

    const name = "'; drop table identity.users; --";
    const created = await invite({ email: email('sql'), name, roles: ['student'] });
    const fetched = await asAdmin('GET', `/users/${created.id}`);
    expect(fetched.json<User>().name).toBe(name);
    const count = await kit.platform.db.withSystem((tx) => sql<{ n: number }>`select count(*)::int as n from identity.users`.execute(tx));
    expect(count.rows[0]?.n).toBeGreaterThan(0);
  });

  it('lists users by email with role, status and search filters and cursor pages; mfaEnabled per user', async () => {
    const mark = randomUUID().slice(0, 6);
    const invited: User[] = [];
    for (const [i, roles] of [['tutor'], ['student'], ['student', 'tutor'], ['instructor'], ['student']].entries()) {
      invited.push(await invite({ email: `list-${mark}-${i}@example.test`, name: `Lister ${i}`, roles }));
    }
    await kit.platform.db.withTenant<IdentityDatabase, void>(tenant.id, async (tx) => {
      await tx.insertInto('identity.mfa_totp').values({ user_id: invited[1]!.id, tenant_id: tenant.id, secret: 'x', confirmed_at: new Date() }).execute();
    });
    const pages = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const response = await asAdmin('GET', `/users?limit=2&q=list-${mark}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<{ items: User[]; nextCursor: string | null }>();
      pages.push(page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    const listed = pages.flat();
    expect(listed.map((user) => user.email)).toEqual(invited.map((user) => user.email));
    expect(listed.map((user) => user.mfaEnabled)).toEqual([false, true, false, false, false]);
    expect((await asAdmin('GET', `/users/${invited[1]!.id}`)).json<User>().mfaEnabled).toBe(true);

    const tutors = await allUsers(admin.tokens.accessToken, `&q=list-${mark}&role=tutor`);
    expect(tutors.map((user) => user.id)).toEqual([invited[0]!.id, invited[2]!.id]);
    expect((await allUsers(admin.tokens.accessToken, '&status=active')).every((user) => user.status === 'active')).toBe(true);
    expect(await allUsers(admin.tokens.accessToken, `&q=list-${mark}&status=active`)).toEqual([]);
    expect((await allUsers(admin.tokens.accessToken, '&q=Lister%203')).map((user) => user.id)).toEqual([invited[3]!.id]);
    expect(await allUsers(admin.tokens.accessToken, '&q=%25')).toEqual([]);
    expectProblem(await asAdmin('GET', '/users?cursor=not-a-cursor'), 400, 'PAGINATION.INVALID_CURSOR');
    expectProblem(await asAdmin('GET', '/users?role=wizard'), 400);
  });

  it('gets a user with an ETag, patches with If-Match, refuses a stale one with 412, emits identity.role.granted', async () => {
    const user = await invite({ email: email('patch'), name: 'Before', roles: ['student'] });
    const got = await asAdmin('GET', `/users/${user.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe(`"${user.version}"`);
    expectProblem(await asAdmin('GET', `/users/${randomUUID()}`), 404, 'IDENTITY.USER_NOT_FOUND');
    expectProblem(await asAdmin('GET', '/users/not-a-uuid'), 400);

    const renamed = await asAdmin('PATCH', `/users/${user.id}`, { name: 'After' }, { 'if-match': got.headers.etag as string });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<User>()).toMatchObject({ name: 'After', version: user.version + 1 });
    expect(renamed.headers.etag).toBe(`"${user.version + 1}"`);
    expect(await eventsOf('identity.role.granted', user.id)).toEqual([]);
    expectProblem(await asAdmin('PATCH', `/users/${user.id}`, { name: 'Stale' }, { 'if-match': got.headers.etag as string }), 412, 'IDENTITY.USER_VERSION_MISMATCH');
    expectProblem(await asAdmin('PATCH', `/users/${user.id}`, { name: 'No header' }), 412);
    expectProblem(await asAdmin('PATCH', `/users/${user.id}`, {}, { 'if-match': renamed.headers.etag as string }), 400);
    expectProblem(await asAdmin('PATCH', `/users/${user.id}`, { roles: ['platform_admin'] }, { 'if-match': renamed.headers.etag as string }), 400);
    expectProblem(await asAdmin('PATCH', `/users/${user.id}`, { name: 'Bidi \u202E' }, { 'if-match': renamed.headers.etag as string }), 400);
    expect((await asAdmin('GET', `/users/${user.id}`)).json<User>().name).toBe('After');

    const promoted = await asAdmin('PATCH', `/users/${user.id}`, { roles: ['student', 'instructor'] }, { 'if-match': renamed.headers.etag as string });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json<User>().roles).toEqual(['student', 'instructor']);
    const events = await eventsOf('identity.role.granted', user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ tenantid: tenant.id, data: { userId: user.id, roles: ['student', 'instructor'], granted: ['instructor'] } });
  });

  it('keeps the last active tenant admin: they cannot drop their own role (409), but can once another admin exists', async () => {
    const solo = await kit.tenantAdmin();
    const self = (await call('GET', `/users/${solo.user.row.id}`, solo.tokens.accessToken));
    const demote = (etag: string) => call('PATCH', `/users/${solo.user.row.id}`, solo.tokens.accessToken, { roles: ['student'] }, { 'if-match': etag });
    expectProblem(await demote(self.headers.etag as string), 409, 'IDENTITY.LAST_ADMIN');
    const second = await kit.user(solo.tenant, { roles: ['tenant_admin'] });
    const demoted = await demote(self.headers.etag as string);
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect(demoted.json<User>().roles).toEqual(['student']);
    const secondTokens = await kit.signIn(second);
    expect((await call('GET', `/users/${solo.user.row.id}`, secondTokens.accessToken)).json<User>().roles).toEqual(['student']);
  });

  it('deactivates a user: their live access token and refresh token die at once, sign-in fails; reactivation lets them back', async () => {
    const colleague = await kit.user(tenant, { roles: ['tenant_admin'] });
    const tokens = await kit.signIn(colleague);
    expect((await call('GET', '/users?limit=1', tokens.accessToken)).statusCode).toBe(200);

    const deactivated = await asAdmin('POST', `/users/${colleague.row.id}/deactivate`);
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect(deactivated.json<User>().status).toBe('deactivated');
    expectProblem(await call('GET', '/users?limit=1', tokens.accessToken), 401, 'AUTH.SESSION_REVOKED');
    expectProblem(await call('POST', '/auth/refresh', undefined, { refreshToken: tokens.refreshToken }), 401);
    expectProblem(await call('POST', '/auth/sign-in', undefined, { tenant: tenant.slug, email: colleague.email, password: colleague.password }), 401);
    expect(await eventsOf('identity.user.deactivated', colleague.row.id)).toHaveLength(1);
    expect((await asAdmin('POST', `/users/${colleague.row.id}/deactivate`)).json<User>().status).toBe('deactivated');
    expect(await eventsOf('identity.user.deactivated', colleague.row.id)).toHaveLength(1);

    expectProblem(await asAdmin('POST', `/users/${admin.user.row.id}/deactivate`), 409, 'IDENTITY.CANNOT_DEACTIVATE_SELF');
    const reactivated = await asAdmin('POST', `/users/${colleague.row.id}/reactivate`);
    expect(reactivated.statusCode, reactivated.body).toBe(200);
    expect(reactivated.json<User>().status).toBe('active');
    expect(await eventsOf('identity.user.reactivated', colleague.row.id)).toHaveLength(1);
    await kit.signIn(colleague);
  });

  it('voids a pending invitation on deactivation; reactivation makes the user invited again, ready for a resend', async () => {
    const user = await invite({ email: email('pending'), name: 'Pending', roles: ['student'] });
    const link = await tokenMailedTo(kit, user.email, 'identity.invitation');
    await asAdmin('POST', `/users/${user.id}/deactivate`);
    expectProblem(await call('POST', '/auth/invitations/accept', undefined, { token: link, password: 'a fine long password' }), 422, 'IDENTITY.INVALID_LINK');
    expect((await asAdmin('POST', `/users/${user.id}/reactivate`)).json<User>().status).toBe('invited');
    expect((await asAdmin('POST', `/users/${user.id}/invitation/resend`)).statusCode).toBe(204);
  });

  it('resends an invitation (204; the old link stops working) and refuses it for an active user', async () => {
    const user = await invite({ email: email('resend'), name: 'Resend Me', roles: ['student'] });
    const first = await tokenMailedTo(kit, user.email, 'identity.invitation');
    const resent = await asAdmin('POST', `/users/${user.id}/invitation/resend`);
    expect(resent.statusCode, resent.body).toBe(204);
    const second = await tokenMailedTo(kit, user.email, 'identity.invitation', 2);
    expectProblem(await call('POST', '/auth/invitations/accept', undefined, { token: first, password: 'a fine long password' }), 422);
    expect((await call('POST', '/auth/invitations/accept', undefined, { token: second, password: 'a fine long password' })).statusCode).toBe(200);
    expectProblem(await asAdmin('POST', `/users/${user.id}/invitation/resend`), 409, 'IDENTITY.ALREADY_ACCEPTED');
    expectProblem(await asAdmin('POST', `/users/${randomUUID()}/invitation/resend`), 404);
  });
});

describe('bulk invitations from CSV', () => {
  it('invites exactly the valid rows and lists the others with line and reason', async () => {
    const mark = randomUUID().slice(0, 6);
    const existing = await kit.user(tenant);
    const at = (name: string) => `${name}-${mark}@example.test`;
    const csv = [
      'email,name,roles',
      `${at('jane')},"Doe, Jane",student`,
      `${at('zoe')},Zoë Ångström-Łukasiewicz,instructor;tutor`,
      `${at('taro')},山田 太郎,student|tutor`,
      'not-an-email,Bad Email,student',
      `${at('wizard')},Wizard,student;wizard`,
      `${at('jane').toUpperCase()},"Jane Again",student`,
      `${existing.email},Already Here,student`,
      `${at('root')},Root,platform_admin`,
      `${at('bidi')},"Evil \u202Ename",student`,
      `${at('short')},Too,Many,Fields`,
      `"${at('quoted')}", "O""Brien, Pat" , tenant_admin `,
      '',
    ].join('\r\n');
    const response = await asAdmin('POST', '/users/invitations/bulk', { csv });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<{ invited: User[]; errors: Array<{ line: number; email: string; detail: string }> }>();
    expect(result.invited.map((user) => [user.email, user.name, user.roles, user.status])).toEqual([
      [at('jane'), 'Doe, Jane', ['student'], 'invited'],
      [at('zoe'), 'Zoë Ångström-Łukasiewicz', ['instructor', 'tutor'], 'invited'],
      [at('taro'), '山田 太郎', ['student', 'tutor'], 'invited'],
      [at('quoted'), 'O"Brien, Pat', ['tenant_admin'], 'invited'],
    ]);
    expect(result.errors.map((error) => [error.line, error.email])).toEqual([
      [5, 'not-an-email'], [6, at('wizard')], [7, at('jane').toUpperCase()], [8, existing.email], [9, at('root')], [10, at('bidi')], [11, at('short')],
    ]);
    expect(result.errors[0]!.detail).toMatch(/email/);
    expect(result.errors[1]!.detail).toMatch(/unknown role "wizard"/);
    expect(result.errors[2]!.detail).toMatch(/line 2/);
    expect(result.errors[3]!.detail).toMatch(/already exists/);
    expect(result.errors[4]!.detail).toMatch(/unknown role "platform_admin"/);

    const listed = await allUsers(admin.tokens.accessToken, `&q=${mark}`);
    expect(listed.map((user) => user.email).sort()).toEqual([at('jane'), at('quoted'), at('taro'), at('zoe')].sort());
    for (const user of result.invited) expect((await mailsTo(kit, user.email)).map((mail) => mail.category)).toEqual(['identity.invitation']);
    expect(await mailsTo(kit, at('wizard'))).toEqual([]);
  });

  it('refuses whole files that are not CSV, lack the header, or are too long or too big (400), inviting nobody', async () => {
    const mark = randomUUID().slice(0, 6);
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `bulk-${mark}-${i}@example.test,Row ${i},student`);
    const cases: Array<[string, string]> = [
      [['email,name', ...rows(1)].join('\n'), 'IDENTITY.CSV_INVALID'],
      [[...rows(2)].join('\n'), 'IDENTITY.CSV_INVALID'],
      [['email,name,roles', `bulk-${mark}-q@example.test,"never closed,student`].join('\n'), 'IDENTITY.CSV_INVALID'],
      [['email,name,roles', ...rows(1001)].join('\n'), 'IDENTITY.CSV_TOO_MANY_ROWS'],
      [['email,name,roles', `bulk-${mark}-big@example.test,"${'é'.repeat(110_000)}",student`].join('\n'), 'IDENTITY.CSV_TOO_LARGE'],
    ];
    for (const [csv, code] of cases) expectProblem(await asAdmin('POST', '/users/invitations/bulk', { csv }), 400, code);
    expectProblem(await asAdmin('POST', '/users/invitations/bulk', { csv: 'x'.repeat(210_000) }), 400);
    expect(await allUsers(admin.tokens.accessToken, `&q=bulk-${mark}`)).toEqual([]);
    const empty = await asAdmin('POST', '/users/invitations/bulk', { csv: 'email,name,roles\r\n' });
    expect(empty.json()).toEqual({ invited: [], errors: [] });
  });
});

describe('who may administer users', () => {
  const target = () => student.user.row.id;
  const routes = (): Array<[string, string, unknown?]> => [
    ['GET', '/users'],
    ['GET', `/users/${target()}`],
    ['POST', '/users/invitations', { email: email('x'), name: 'X', roles: ['student'] }],
    ['POST', '/users/invitations/bulk', { csv: `email,name,roles\n${email('x')},X,student` }],
    ['POST', `/users/${target()}/invitation/resend`],
    ['PATCH', `/users/${target()}`, { name: 'Hacked' }],
    ['POST', `/users/${target()}/deactivate`],
    ['POST', `/users/${target()}/reactivate`],
  ];

  it('answers 401 without credentials and 403 to a student, changing nothing', async () => {
    for (const [method, url, body] of routes()) {
      expectProblem(await call(method, url, undefined, body, { 'if-match': '"1"' }), 401);
      expectProblem(await call(method, url, student.tokens.accessToken, body, { 'if-match': '"1"' }), 403, 'AUTH.PERMISSION_REQUIRED');
    }
    const self = await asAdmin('GET', `/users/${target()}`);
    expect(self.json<User>()).toMatchObject({ name: 'Test Person', status: 'active' });
  });

  it('answers 404 to another tenant\'s admin for this tenant\'s users, and their list never holds them', async () => {
    for (const [method, url, body] of routes().filter(([, url]) => url.includes(target()))) {
      expectProblem(await call(method, url, other.tokens.accessToken, body, { 'if-match': '"1"' }), 404, 'IDENTITY.USER_NOT_FOUND');
    }
    const theirs = await allUsers(other.tokens.accessToken);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((user) => user.tenantId === other.tenant.id)).toBe(true);
    expect(theirs.some((user) => user.id === target() || user.id === admin.user.row.id)).toBe(false);
    expect(await allUsers(other.tokens.accessToken, `&q=${encodeURIComponent(student.user.email)}`)).toEqual([]);
    expect((await asAdmin('GET', `/users/${target()}`)).json<User>()).toMatchObject({ name: 'Test Person', status: 'active' });
  });
});
