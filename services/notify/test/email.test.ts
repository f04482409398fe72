import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { toCloudEvent, type HttpApp } from '@tessera/platform';
import { createTestApp, createTestPlatform, testBackends, testTenant, type TestPlatform, type TestTenant } from '@tessera/platform/testing';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELIVERIES_CONSUMER, notifyService, RESULTS_CONSUMER, sendHeldDeliveries, USERS_CONSUMER } from '../src/index.js';

interface Received { raw: string; to: string[] }
interface DeliveryBody { id: string; status: string; attempts: number; lastError: string | null; notBefore: string | null; userId: string }

const POLL = { timeout: 20_000, interval: 25 };
let smtp: SMTPServer;
const received: Received[] = [];
/** Addresses the SMTP server refuses, with its reply code (4xx: try later; 5xx: never). */
let refuse = new Map<string, number>();
let platform: TestPlatform;
let app: HttpApp;
let tenant: TestTenant;
let admin: TestTenant;
let handlers: ReturnType<NonNullable<typeof notifyService.consumers>>;

async function deliver(durable: string, name: string, data: unknown, attempt = 1): Promise<void> {
  const event = toCloudEvent({ name, data }, { tenantId: tenant.tenantId });
  await handlers.find((r) => r.spec.durable === durable)!.handler(event, { attempt, subject: `tessera.${name}` });
}

/** A student identity announced, with an address at the test SMTP server's domain. */
async function student(locale = 'en'): Promise<{ userId: string; email: string; who: TestTenant }> {
  const userId = randomUUID();
  const email = `s-${userId.slice(0, 8)}@school.test`;
  await deliver(USERS_CONSUMER, 'identity.user.registered', { userId, email, name: 'Sam Student', roles: ['student'], locale, timeZone: 'Europe/Paris' });
  const token = await platform.tokens.issue({ subject: userId, tenantId: tenant.tenantId, roles: ['student'] });
  return { userId, email, who: { ...tenant, subject: userId, authorization: `Bearer ${token}` } };
}

const graded = (userId: string, examTitle: string) => ({
  submissionId: randomUUID(), attemptId: randomUUID(), examId: randomUUID(), examTitle, examVersion: 1, courseId: randomUUID(), userId,
  status: 'graded', score: 1, maxScore: 1, passed: true, gradedAt: new Date().toISOString(), items: [],
});
const mailsTo = (email: string) => received.filter((mail) => mail.to.includes(email));
const log = async () => (await app.inject({ method: 'GET', url: '/api/v1/admin/notifications/deliveries', headers: { authorization: admin.authorization } })).json<{ items: DeliveryBody[] }>().items;
/** The unsubscribe URL in a raw message's List-Unsubscribe header. */
const unsubscribeUrlOf = (raw: string) => /List-Unsubscribe:\s*<([^>]+)>/.exec(raw.replace(/\r\n\s+/g, " "))![1]!;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address);
      callback(code ? Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Mailbox busy, try later'), { responseCode: code }) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ raw: Buffer.concat(chunks).toString('utf8'), to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  platform = await createTestPlatform([notifyService], { SMTP_URL: `smtp://127.0.0.1:${port}`, TESSERA_PUBLIC_URL: 'http://127.0.0.1:3999' });
  app = await createTestApp(platform, [notifyService]);
  handlers = notifyService.consumers!(platform);
  const queue = handlers.find((r) => r.spec.durable === DELIVERIES_CONSUMER)!;
  await platform.bus.subscribe(queue.spec, queue.handler);
  platform.relay.start();
  tenant = await testTenant(platform, ['tenant_admin']);
  admin = tenant;
});

afterAll(async () => {
  await app?.close();
  await platform?.cleanup();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

describe(`email notifications (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('emails a result through SMTP once, with text and HTML, the Message-ID of its delivery and a one-click unsubscribe link', async () => {
    const { userId, email } = await student();
    const event = graded(userId, 'Algebra final');
    await deliver(RESULTS_CONSUMER, 'assessment.submission.graded', event);
    await deliver(RESULTS_CONSUMER, 'assessment.submission.graded', event);
    await expect.poll(() => mailsTo(email).length, POLL).toBe(1);
    const raw = mailsTo(email)[0]!.raw;
    expect(raw).toMatch(/Subject: Graded: Algebra final/);
    expect(raw).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
    expect(raw).toMatch(/Content-Type: text\/plain/);
    expect(raw).toMatch(/Content-Type: text\/html/);
    expect(raw).toContain('http://127.0.0.1:3999/attempts/');
    const delivery = (await log()).find((d) => d.userId === userId)!;
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(raw).toMatch(new RegExp(`Message-ID: <${delivery.id}@notify.tessera>`));

    // One click (RFC 8058 POST, form-encoded, no sign-in) stops this category's email; the next result is not mailed.
    const url = new URL(unsubscribeUrlOf(raw));
    const click = await app.inject({ method: 'POST', url: `${url.pathname}${url.search}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(click.statusCode, click.body).toBe(200);
    expect(click.json()).toEqual({ category: 'results', email: false });
    expect((await app.inject({ method: 'POST', url: `${url.pathname}${url.search}` })).statusCode).toBe(200);
    await deliver(RESULTS_CONSUMER, 'assessment.submission.graded', graded(userId, 'Geometry final'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(email)).toHaveLength(1);
  });

  it('refuses forged or altered unsubscribe links, and one for a user unsubscribes no one else', async () => {
    const { userId, email } = await student();
    const other = await student();
    await deliver(RESULTS_CONSUMER, 'assessment.submission.graded', graded(userId, 'Chemistry'));
    await expect.poll(() => mailsTo(email).length, POLL).toBe(1);
    const url = new URL(unsubscribeUrlOf(mailsTo(email)[0]!.raw));
    const token = url.searchParams.get('token')!;
    const [payload, signature] = token.split('.');
    const forgedPayload = Buffer.from(`${tenant.tenantId}.${other.userId}.results`).toString('base64url');
    for (const bad of [`${forgedPayload}.${signature}`, `${payload}.${signature!.slice(0, -2)}xx`, 'not-a-token-at-all', `${payload}.${signature}.extra`]) {
      const response = await app.inject({ method: 'POST', url: `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(bad)}` });
      expect([400, 404], `${bad}: ${response.body}`).toContain(response.statusCode);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const prefs = await app.inject({ method: 'GET', url: '/api/v1/notifications/preferences', headers: { authorization: other.who.authorization } });
    expect(prefs.json().categories.results.email).toBe(true);
  });

  it('holds email during quiet hours and sends what waited as one digest when they end', async () => {
    const { userId, email, who } = await student('fr');
    const quiet = await app.inject({
      method: 'PUT', url: '/api/v1/notifications/preferences', headers: { authorization: who.authorization, 'if-match': '"1"', 'content-type': 'application/json' },
      payload: JSON.stringify({ quietHours: { start: '00:00', end: '23:59' }, timeZone: 'Europe/Paris' }),
    });
    expect(quiet.statusCode, quiet.body).toBe(200);
    await deliver(RESULTS_CONSUMER, 'assessment.submission.graded', graded(userId, 'Histoire'));
    await deliver(RESULTS_CONSUMER, 'assessment.submission.graded', graded(userId, 'Géographie'));
    const held = (await log()).filter((d) => d.userId === userId);
    expect(held.map((d) => d.status)).toEqual(['held', 'held']);
    expect(mailsTo(email)).toHaveLength(0);
    // Still quiet now: nothing goes; once the window is over (the job's clock moved on), both go in one email.
    expect(await sendHeldDeliveries(platform)).toBe(0);
    const after = new Date(Date.parse(held[0]!.notBefore!) + 60_000);
    expect(await sendHeldDeliveries(platform, after)).toBe(2);
    await expect.poll(() => mailsTo(email).length, POLL).toBe(1);
    const raw = mailsTo(email)[0]!.raw;
    expect(raw).toMatch(/Subject: Tessera: 2 nouvelles/);
    expect(raw).toContain('Histoire');
    expect(raw).toMatch(/G=C3=A9ographie|Géographie/);
    expect(await sendHeldDeliveries(platform, after)).toBe(0);
    expect((await log()).filter((d) => d.userId === userId).map((d) => d.status)).toEqual(['sent', 'sent']);
  });

  it('retries a send the server defers, with the reason in the log, and marks it failed after the last try', async () => {
    const { userId, email } = await student();
    refuse = new Map([[email, 451]]);
    try {
      await deliver(RESULTS_CONSUMER, 'assessment.submission.graded', graded(userId, 'Physics'));
      await expect.poll(async () => (await log()).find((d) => d.userId === userId)?.attempts ?? 0, POLL).toBeGreaterThanOrEqual(1);
      const delivery = (await log()).find((d) => d.userId === userId)!;
      expect(delivery.status).toBe('queued');
      expect(delivery.lastError).toMatch(/try later|451/);
      // The bus's later tries are simulated here: the last one gives up and says why.
      await expect(deliver(DELIVERIES_CONSUMER, 'notify.delivery.queued', { deliveryId: delivery.id }, 4)).rejects.toThrow();
      await deliver(DELIVERIES_CONSUMER, 'notify.delivery.queued', { deliveryId: delivery.id }, 5);
      expect((await log()).find((d) => d.id === delivery.id)).toMatchObject({ status: 'failed' });
    } finally {
      refuse = new Map();
    }
  });

  it('marks a send the server refuses for good as bounced at once, with its reason, and tries no more', async () => {
    const { userId, email } = await student();
    refuse = new Map([[email, 550]]);
    try {
      await deliver(RESULTS_CONSUMER, 'assessment.submission.graded', graded(userId, 'Chemistry'));
      await expect.poll(async () => (await log()).find((d) => d.userId === userId)?.status, POLL).toBe('bounced');
      const delivery = (await log()).find((d) => d.userId === userId)!;
      expect(delivery).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/Mailbox unavailable|550/) });
      // A redelivered event finds nothing left to send.
      await deliver(DELIVERIES_CONSUMER, 'notify.delivery.queued', { deliveryId: delivery.id }, 2);
      expect((await log()).find((d) => d.id === delivery.id)).toMatchObject({ status: 'bounced', attempts: 1 });
    } finally {
      refuse = new Map();
    }
  });

  it('shows the delivery log to tenant admins only, never across tenants', async () => {
    const pupil = await student();
    const own = await app.inject({ method: 'GET', url: '/api/v1/admin/notifications/deliveries', headers: { authorization: pupil.who.authorization } });
    expect(own.statusCode).toBe(403);
    const otherAdmin = await testTenant(platform, ['tenant_admin']);
    const other = await app.inject({ method: 'GET', url: '/api/v1/admin/notifications/deliveries', headers: { authorization: otherAdmin.authorization } });
    expect(other.json().items).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/notifications/deliveries?status=lost', headers: { authorization: admin.authorization } })).statusCode).toBe(400);
  });
});
