import { randomUUID } from 'node:crypto';
import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentMail } from '../src/contract/users.js';
import type { Tenant, TokenPair } from '../src/contract/schemas.js';
import { expectProblem, startIdentityKit, type IdentityKit } from './support/identity-kit.js';

let kit: IdentityKit;
let a: { tenant: Tenant; tokens: TokenPair };
let b: { tenant: Tenant; tokens: TokenPair };
const mailOfA = `mail-a-${randomUUID().slice(0, 6)}@example.test`;
const mailOfB = `mail-b-${randomUUID().slice(0, 6)}@example.test`;

beforeAll(async () => {
  kit = await startIdentityKit();
  a = await kit.tenantAdmin();
  b = await kit.tenantAdmin();
  for (const [admin, to] of [[a, mailOfA], [b, mailOfB]] as const) {
    for (let i = 0; i < 3; i++) {
      const response = await kit.request('POST', '/api/v1/users/invitations', { token: admin.tokens.accessToken, body: { email: `${i}-${to}`, name: 'Mail Reader', roles: ['student'] } });
      expect(response.statusCode, response.body).toBe(201);
    }
  }
});

afterAll(async () => {
  await kit?.close();
});

type MailPage = { items: SentMail[]; nextCursor: string | null };
const get = (url: string, token?: string) => kit.request('GET', `/api/v1${url}`, token ? { token } : {});

async function everything(token: string): Promise<SentMail[]> {
  const found: SentMail[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    const response = await get(`/admin/mail?limit=2${cursor ? `&cursor=${cursor}` : ''}`, token);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<MailPage>();
    expect(body.items.length).toBeLessThanOrEqual(2);
    found.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return found;
}

describe(`mail admin (${testBackends.database}, ${testBackends.cache})`, () => {
  it('lists only the own tenant\'s messages to a tenant admin, newest first, page by page', async () => {
    const mails = await everything(a.tokens.accessToken);
    expect(mails.map((mail) => mail.to).sort()).toEqual([0, 1, 2].map((i) => `${i}-${mailOfA}`));
    // Ids start with the time sent, so newest first is descending id order.
    expect(mails.map((mail) => mail.id)).toEqual(mails.map((mail) => mail.id).sort().reverse());
    expect(mails.every((mail) => mail.tenantId === a.tenant.id && mail.category === 'identity.invitation')).toBe(true);
  });

  it('lists every tenant\'s messages to a platform admin', async () => {
    const platform = await kit.platformAdmin();
    const recipients = (await everything(platform.tokens.accessToken)).map((mail) => mail.to);
    expect(recipients).toEqual(expect.arrayContaining([`0-${mailOfA}`, `0-${mailOfB}`]));
    const [ofB] = (await everything(b.tokens.accessToken));
    const raw = await get(`/admin/mail/${ofB!.id}`, platform.tokens.accessToken);
    expect(raw.statusCode).toBe(200);
  });

  it('serves a message as message/rfc822 to its tenant\'s admin and 404 to another tenant\'s', async () => {
    const [latest] = await everything(a.tokens.accessToken);
    const raw = await get(`/admin/mail/${latest!.id}`, a.tokens.accessToken);
    expect(raw.statusCode, raw.body).toBe(200);
    expect(raw.headers['content-type']).toMatch(/^message\/rfc822/);
    expect(raw.headers['cache-control']).toBe('no-store');
    expect(raw.body).toContain(`To: ${latest!.to}`);
    expect(raw.body).toMatch(/^Subject: You are invited to /m);
    expectProblem(await get(`/admin/mail/${latest!.id}`, b.tokens.accessToken), 404, 'MAIL.NOT_FOUND');
    expectProblem(await get(`/admin/mail/20200101T000000.000Z-${randomUUID()}`, a.tokens.accessToken), 404, 'MAIL.NOT_FOUND');
    expectProblem(await get('/admin/mail/..%2F..%2Fetc%2Fpasswd', a.tokens.accessToken), 404);
    expectProblem(await get('/admin/mail?cursor=garbage', a.tokens.accessToken), 400, 'PAGINATION.INVALID_CURSOR');
  });

  it('answers 401 without credentials and 403 to a student', async () => {
    const [latest] = await everything(a.tokens.accessToken);
    const student = await kit.user(a.tenant);
    const tokens = await kit.signIn(student);
    for (const url of ['/admin/mail', `/admin/mail/${latest!.id}`]) {
      expectProblem(await get(url), 401);
      expectProblem(await get(url, tokens.accessToken), 403, 'AUTH.PERMISSION_REQUIRED');
    }
  });
});

describe('mail admin over SMTP', () => {
  it('answers 404 MAIL.NOT_KEPT: an SMTP relay gives nothing back', async () => {
    const smtp = await startIdentityKit({ SMTP_URL: 'smtp://127.0.0.1:1' });
    try {
      const admin = await smtp.tenantAdmin();
      expectProblem(await smtp.request('GET', '/api/v1/admin/mail', { token: admin.tokens.accessToken }), 404, 'MAIL.NOT_KEPT');
      expectProblem(await smtp.request('GET', `/api/v1/admin/mail/20200101T000000.000Z-${randomUUID()}`, { token: admin.tokens.accessToken }), 404, 'MAIL.NOT_KEPT');
    } finally {
      await smtp.close();
    }
  });
});
