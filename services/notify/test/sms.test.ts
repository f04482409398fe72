import { createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { loadConfig, silentLogger, toCloudEvent, type HttpApp } from '@tessera/platform';
import { createTestApp, createTestPlatform, testBackends, testTenant, type TestPlatform, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsProviderOf } from '../src/app/sms/select-provider.js';
import { TestSmsProvider } from '../src/app/sms/test-provider.js';
import type { NotifyDatabase } from '../src/db/notify.table.js';
import { SMS_MAX_CHARS, smsText } from '../src/domain/sms-text.js';
import { twilioSignature } from '../src/domain/twilio-signature.js';
import { DELIVERIES_CONSUMER, notifyService, RESULTS_CONSUMER, USERS_CONSUMER } from '../src/index.js';
import { TwilioStandIn } from './twilio-stand-in.js';

interface DeliveryBody { id: string; channel: string; status: string; attempts: number; lastError: string | null; userId: string }
interface Student { userId: string; who: TestTenant }

const POLL = { timeout: 20_000, interval: 25 };
const PUBLIC_URL = 'http://127.0.0.1:3999';
const STATUS_URL = `${PUBLIC_URL}/api/v1/notifications/sms/status`;
const twilio = new TwilioStandIn(`AC${randomBytes(16).toString('hex')}`, 'stand-in-auth-token', '+15005550006');

/** A notify service on its own platform, with the delivery queue running, and helpers acting in one tenant. */
async function startNotify(overrides: Record<string, string>) {
  const platform = await createTestPlatform([notifyService], { TESSERA_PUBLIC_URL: PUBLIC_URL, ...overrides });
  const app = await createTestApp(platform, [notifyService]);
  const handlers = notifyService.consumers!(platform);
  const queue = handlers.find((r) => r.spec.durable === DELIVERIES_CONSUMER)!;
  await platform.bus.subscribe(queue.spec, queue.handler);
  platform.relay.start();
  const tenant = await testTenant(platform, ['tenant_admin']);
  const deliver = async (durable: string, name: string, data: unknown, attempt = 1) =>
    handlers.find((r) => r.spec.durable === durable)!.handler(toCloudEvent({ name, data }, { tenantId: tenant.tenantId }), { attempt, subject: `tessera.${name}` });
  const call = (who: TestTenant, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method, url: `/api/v1${url}`, headers: { authorization: who.authorization, ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, ...(body ? { payload: JSON.stringify(body) } : {}) });
  const student = async (): Promise<Student> => {
    const userId = randomUUID();
    await deliver(USERS_CONSUMER, 'identity.user.registered', { userId, email: `s-${userId.slice(0, 8)}@school.test`, name: 'Sam Student', roles: ['student'], locale: 'en', timeZone: 'UTC' });
    const token = await platform.tokens.issue({ subject: userId, tenantId: tenant.tenantId, roles: ['student'] });
    return { userId, who: { ...tenant, subject: userId, authorization: `Bearer ${token}` } };
  };
  const smsLog = async (userId: string) => (await call(tenant, 'GET', '/admin/notifications/deliveries?limit=100')).json<{ items: DeliveryBody[] }>().items
    .filter((d) => d.userId === userId && d.channel === 'sms');
  const wantSmsForResults = async (who: TestTenant) =>
    expect((await call(who, 'PUT', '/notifications/preferences', { categories: { results: { sms: true } } }, { 'if-match': '"1"' })).statusCode).toBe(200);
  const providerRef = (id: string) => platform.db.withSystem<NotifyDatabase, string | null | undefined>(async (tx) =>
    (await tx.selectFrom('notify.deliveries').select('provider_ref').where('id', '=', id).executeTakeFirst())?.provider_ref);
  return { platform, app, tenant, deliver, call, student, smsLog, wantSmsForResults, providerRef };
}

let notify: Awaited<ReturnType<typeof startNotify>>;
let platform: TestPlatform;
let app: HttpApp;

const graded = (userId: string, examTitle: string) => ({
  submissionId: randomUUID(), attemptId: randomUUID(), examId: randomUUID(), examTitle, examVersion: 1, courseId: randomUUID(), userId,
  status: 'graded', score: 1, maxScore: 1, passed: true, gradedAt: new Date().toISOString(), items: [],
});
/** A fresh mobile number, so tests never share one (the per-number limit counts across users). */
const newNumber = () => `+3361${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
const codeIn = (body: string | null) => /^(\d{6}) is your Tessera verification code/.exec(body ?? '')?.[1];
/** The last code texted to `phone` through the stand-in. */
const lastCode = (phone: string) => codeIn(twilio.accepted(phone).at(-1)?.form.get('Body') ?? null);
/** The notifications (not the codes) texted to `phone`. */
const noticesTo = (phone: string) => twilio.accepted(phone).filter((request) => !codeIn(request.form.get('Body')));

/** Twilio's signature, as its documentation describes it (independently of the service's code). */
function sign(token: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params).sort().reduce((text, name) => text + name + params[name], url);
  return createHmac('sha1', token).update(data).digest('base64');
}
async function statusCallback(params: Record<string, string>, signature: string | undefined) {
  return app.inject({
    method: 'POST', url: '/api/v1/notifications/sms/status', payload: new URLSearchParams(params).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
  });
}
const receipt = (sid: string, status: string, extra: Record<string, string> = {}) => ({
  AccountSid: twilio.accountSid, ApiVersion: '2010-04-01', From: twilio.from, To: '+33612345678', MessageSid: sid, SmsSid: sid, MessageStatus: status, SmsStatus: status, ...extra,
});

/** A student with `phone` verified through the code flow, who wants their results by SMS. */
async function verifiedStudent(phone = newNumber()): Promise<Student & { phone: string }> {
  const pupil = await notify.student();
  expect((await notify.call(pupil.who, 'PUT', '/notifications/phone', { phone })).statusCode).toBe(202);
  const verified = await notify.call(pupil.who, 'POST', '/notifications/phone/verify', { code: lastCode(phone) });
  expect(verified.statusCode, verified.body).toBe(200);
  await notify.wantSmsForResults(pupil.who);
  return { ...pupil, phone };
}

beforeAll(async () => {
  await twilio.start();
  notify = await startNotify({ SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: twilio.accountSid, TWILIO_AUTH_TOKEN: twilio.authToken, TWILIO_FROM: twilio.from, TWILIO_API_URL: twilio.url });
  ({ platform, app } = notify);
});

afterAll(async () => {
  await app?.close();
  await platform?.cleanup();
  await twilio.stop();
});

describe(`SMS notifications through Twilio (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('texts a graded result once through Twilio\'s API, keeps its sid, and a signed "delivered" receipt confirms it', async () => {
    const { userId, phone } = await verifiedStudent();
    const event = graded(userId, 'Algebra final');
    await notify.deliver(RESULTS_CONSUMER, 'assessment.submission.graded', event);
    await notify.deliver(RESULTS_CONSUMER, 'assessment.submission.graded', event);
    await expect.poll(() => noticesTo(phone).length, POLL).toBe(1);
    await expect.poll(async () => (await notify.smsLog(userId))[0]?.status, POLL).toBe('sent');
    const [delivery] = await notify.smsLog(userId);
    const sent = noticesTo(phone)[0]!;
    expect(sent.path).toBe(`/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`);
    expect(sent.authorization).toBe(`Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`);
    expect(sent.idempotencyToken).toBe(delivery!.id);
    expect(Object.fromEntries(sent.form)).toMatchObject({ To: phone, From: twilio.from, StatusCallback: STATUS_URL });
    expect(sent.form.get('Body')).toMatch(/Algebra final/);
    expect(sent.form.get('Body')).toContain(`${PUBLIC_URL}/attempts/`);
    expect(sent.form.get('Body')!.length).toBeLessThanOrEqual(SMS_MAX_CHARS);
    expect(delivery).toMatchObject({ attempts: 1, lastError: null });
    expect(await notify.providerRef(delivery!.id)).toBe(sent.sid);

    // Forged, missing or stale signatures change nothing.
    const params = receipt(sent.sid!, 'delivered');
    for (const signature of [undefined, sign('someone-elses-token', STATUS_URL, params), sign(twilio.authToken, STATUS_URL, { ...params, MessageStatus: 'sent' }), sign(twilio.authToken, `${STATUS_URL}?x=1`, params)]) {
      const forged = await statusCallback(params, signature);
      expect(forged.statusCode, forged.body).toBe(403);
      expect(forged.headers['content-type']).toContain('application/problem+json');
    }
    expect((await notify.smsLog(userId))[0]!.status).toBe('sent');

    const signed = await statusCallback(params, sign(twilio.authToken, STATUS_URL, params));
    expect(signed.statusCode, signed.body).toBe(204);
    expect((await notify.smsLog(userId))[0]).toMatchObject({ status: 'delivered', lastError: null });
    // Twilio may repeat a receipt, or send "sent" after "delivered": neither changes it.
    expect((await statusCallback(params, sign(twilio.authToken, STATUS_URL, params))).statusCode).toBe(204);
    const late = receipt(sent.sid!, 'undelivered', { ErrorCode: '30003' });
    expect((await statusCallback(late, sign(twilio.authToken, STATUS_URL, late))).statusCode).toBe(204);
    expect((await notify.smsLog(userId))[0]!.status).toBe('delivered');
  });

  it('bounces a sent SMS with Twilio\'s error code when its receipt says undelivered; ignores receipts for unknown sids', async () => {
    const { userId, phone } = await verifiedStudent();
    await notify.deliver(RESULTS_CONSUMER, 'assessment.submission.graded', graded(userId, 'Physics'));
    await expect.poll(async () => (await notify.smsLog(userId))[0]?.status, POLL).toBe('sent');
    const params = receipt(noticesTo(phone)[0]!.sid!, 'undelivered', { ErrorCode: '30003' });
    expect((await statusCallback(params, sign(twilio.authToken, STATUS_URL, params))).statusCode).toBe(204);
    expect((await notify.smsLog(userId))[0]).toMatchObject({ status: 'bounced', lastError: expect.stringContaining('30003') });
    const unknown = receipt(`SM${randomBytes(16).toString('hex')}`, 'delivered');
    expect((await statusCallback(unknown, sign(twilio.authToken, STATUS_URL, unknown))).statusCode).toBe(204);
  });

  it('marks an SMS Twilio refuses for good (21211, invalid number) bounced at once, and tries no more', async () => {
    const { userId, phone } = await verifiedStudent();
    twilio.failures.set(phone, { status: 400, code: 21211, message: `The 'To' number ${phone} is not a valid phone number.` });
    try {
      await notify.deliver(RESULTS_CONSUMER, 'assessment.submission.graded', graded(userId, 'Chemistry'));
      await expect.poll(async () => (await notify.smsLog(userId))[0]?.status, POLL).toBe('bounced');
      const delivery = (await notify.smsLog(userId))[0]!;
      expect(delivery).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/21211/) });
      await notify.deliver(DELIVERIES_CONSUMER, 'notify.delivery.queued', { deliveryId: delivery.id }, 2);
      expect((await notify.smsLog(userId))[0]).toMatchObject({ status: 'bounced', attempts: 1 });
    } finally {
      twilio.failures.delete(phone);
    }
  });

  it('keeps an SMS queued, its try counted, when Twilio answers 503 (to be retried)', async () => {
    const { userId, phone } = await verifiedStudent();
    twilio.failures.set(phone, { status: 503, code: 20503, message: 'Service unavailable' });
    try {
      await notify.deliver(RESULTS_CONSUMER, 'assessment.submission.graded', graded(userId, 'Biology'));
      await expect.poll(async () => (await notify.smsLog(userId))[0]?.attempts ?? 0, POLL).toBeGreaterThanOrEqual(1);
      expect((await notify.smsLog(userId))[0]).toMatchObject({ status: 'queued', lastError: expect.stringMatching(/503/) });
      expect(noticesTo(phone)).toHaveLength(0);
    } finally {
      twilio.failures.delete(phone);
    }
  });

  it('texts no one whose number is unverified', async () => {
    const pupil = await notify.student();
    const phone = newNumber();
    expect((await notify.call(pupil.who, 'PUT', '/notifications/phone', { phone })).statusCode).toBe(202);
    await notify.wantSmsForResults(pupil.who);
    await notify.deliver(RESULTS_CONSUMER, 'assessment.submission.graded', graded(pupil.userId, 'History'));
    expect(await notify.smsLog(pupil.userId)).toEqual([]);
    expect(noticesTo(phone)).toHaveLength(0);
  });
});

describe('the phone number routes', () => {
  it('refuse numbers that are not E.164 and codes that are not 6 digits (400)', async () => {
    const { who } = await notify.student();
    for (const phone of ['0612345678', '+33 6 12 34 56 78', '+0612345678', '+12345', `+1${'2'.repeat(15)}`]) {
      const response = await notify.call(who, 'PUT', '/notifications/phone', { phone });
      expect(response.statusCode, phone).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await notify.call(who, 'PUT', '/notifications/phone', { phone: newNumber(), extra: 1 })).statusCode).toBe(400);
    for (const code of ['12345', '1234567', '12a456']) expect((await notify.call(who, 'POST', '/notifications/phone/verify', { code })).statusCode).toBe(400);
  });

  it('verify a number with the texted code: wrong codes count, the fifth voids it, an expired one is refused', async () => {
    const { who, userId } = await notify.student();
    expect((await notify.call(who, 'GET', '/notifications/phone')).statusCode).toBe(404);
    expect((await notify.call(who, 'POST', '/notifications/phone/verify', { code: '123456' })).statusCode).toBe(404);
    const phone = newNumber();
    const put = await notify.call(who, 'PUT', '/notifications/phone', { phone });
    expect(put.statusCode, put.body).toBe(202);
    expect(put.json()).toEqual({ phone, verified: false });
    expect((await notify.call(who, 'GET', '/notifications/phone')).json()).toEqual({ phone, verified: false });
    const code = lastCode(phone)!;
    const wrong = code === '000000' ? '000001' : '000000';
    const first = await notify.call(who, 'POST', '/notifications/phone/verify', { code: wrong });
    expect(first.statusCode).toBe(422);
    expect(first.json()).toMatchObject({ code: 'NOTIFY.PHONE_CODE_WRONG', triesLeft: 4 });
    const right = await notify.call(who, 'POST', '/notifications/phone/verify', { code });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json()).toEqual({ phone, verified: true });
    expect((await notify.call(who, 'GET', '/notifications/phone')).json()).toEqual({ phone, verified: true });
    expect((await notify.call(who, 'POST', '/notifications/phone/verify', { code })).json()).toMatchObject({ code: 'NOTIFY.PHONE_NO_CODE' });

    // A new number is unverified until its own code is entered; five wrong tries void that code.
    const next = newNumber();
    expect((await notify.call(who, 'PUT', '/notifications/phone', { phone: next })).json()).toEqual({ phone: next, verified: false });
    const nextCode = lastCode(next)!;
    const nextWrong = nextCode === '000000' ? '000001' : '000000';
    for (let tries = 4; tries >= 0; tries -= 1) {
      expect((await notify.call(who, 'POST', '/notifications/phone/verify', { code: nextWrong })).json()).toMatchObject({ status: 422, triesLeft: tries });
    }
    expect((await notify.call(who, 'POST', '/notifications/phone/verify', { code: nextCode })).json()).toMatchObject({ status: 422, code: 'NOTIFY.PHONE_NO_CODE' });

    // An expired code is refused (the clock is moved by ageing the stored code).
    expect((await notify.call(who, 'PUT', '/notifications/phone', { phone: next })).statusCode).toBe(202);
    await platform.db.withTenant<NotifyDatabase, void>(notify.tenant.tenantId, async (tx) => {
      await tx.updateTable('notify.phone_numbers').set({ code_expires_at: new Date(Date.now() - 1_000) }).where('tenant_id', '=', notify.tenant.tenantId).where('user_id', '=', userId).execute();
    });
    expect((await notify.call(who, 'POST', '/notifications/phone/verify', { code: lastCode(next)! })).json()).toMatchObject({ status: 422, code: 'NOTIFY.PHONE_CODE_EXPIRED' });
    expect((await notify.call(who, 'GET', '/notifications/phone')).json()).toEqual({ phone: next, verified: false });

    expect((await notify.call(who, 'DELETE', '/notifications/phone')).statusCode).toBe(204);
    expect((await notify.call(who, 'GET', '/notifications/phone')).statusCode).toBe(404);
    expect((await notify.call(who, 'DELETE', '/notifications/phone')).statusCode).toBe(204);
  });

  it('send at most 5 codes an hour to a user, and to a number whoever asks (429 with Retry-After)', async () => {
    const { who } = await notify.student();
    for (let sent = 0; sent < 5; sent += 1) expect((await notify.call(who, 'PUT', '/notifications/phone', { phone: newNumber() })).statusCode).toBe(202);
    const limited = await notify.call(who, 'PUT', '/notifications/phone', { phone: newNumber() });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'NOTIFY.PHONE_TOO_MANY_CODES' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    const target = newNumber();
    for (let asker = 0; asker < 5; asker += 1) {
      expect((await notify.call((await notify.student()).who, 'PUT', '/notifications/phone', { phone: target })).statusCode).toBe(202);
    }
    expect((await notify.call((await notify.student()).who, 'PUT', '/notifications/phone', { phone: target })).statusCode).toBe(429);
    expect(twilio.accepted(target)).toHaveLength(5);
  });

  it('are each user\'s own: another user, here or in another tenant, never sees, verifies or removes it', async () => {
    const owner = await notify.student();
    const phone = newNumber();
    expect((await notify.call(owner.who, 'PUT', '/notifications/phone', { phone })).statusCode).toBe(202);
    const code = lastCode(phone)!;
    const classmate = await notify.student();
    const elsewhere = await testTenant(platform, ['student']);
    const sameIdElsewhere: TestTenant = { ...elsewhere, subject: owner.userId, authorization: `Bearer ${await platform.tokens.issue({ subject: owner.userId, tenantId: elsewhere.tenantId, roles: ['student'] })}` };
    for (const other of [classmate.who, elsewhere, sameIdElsewhere]) {
      const read = await notify.call(other, 'GET', '/notifications/phone');
      expect(read.statusCode).toBe(404);
      expect(read.body).not.toContain(phone);
      expect((await notify.call(other, 'POST', '/notifications/phone/verify', { code })).statusCode).toBe(404);
      expect((await notify.call(other, 'DELETE', '/notifications/phone')).statusCode).toBe(204);
    }
    expect((await notify.call(owner.who, 'GET', '/notifications/phone')).json()).toEqual({ phone, verified: false });
    expect((await notify.call(owner.who, 'POST', '/notifications/phone/verify', { code })).json()).toEqual({ phone, verified: true });
    // Another tenant's admins see none of its SMS in their delivery log.
    const otherAdmin = await testTenant(platform, ['tenant_admin']);
    expect((await notify.call(otherAdmin, 'GET', '/admin/notifications/deliveries')).json().items).toEqual([]);
  });
});

describe('SMS providers', () => {
  it('the test provider keeps (never sends) the codes and the notifications, one per delivery', async () => {
    const local = await startNotify({ SMS_PROVIDER: 'test' });
    try {
      const provider = smsProviderOf(local.platform);
      expect(provider).toBeInstanceOf(TestSmsProvider);
      const kept = provider as TestSmsProvider;
      const pupil = await local.student();
      const phone = newNumber();
      expect((await local.call(pupil.who, 'PUT', '/notifications/phone', { phone })).statusCode).toBe(202);
      const code = codeIn(kept.sent(phone)[0]?.body ?? null);
      expect(code).toMatch(/^\d{6}$/);
      expect((await local.call(pupil.who, 'POST', '/notifications/phone/verify', { code })).statusCode).toBe(200);
      await local.wantSmsForResults(pupil.who);
      await local.deliver(RESULTS_CONSUMER, 'assessment.submission.graded', graded(pupil.userId, 'Geometry'));
      await expect.poll(async () => (await local.smsLog(pupil.userId))[0]?.status, POLL).toBe('sent');
      const [delivery] = await local.smsLog(pupil.userId);
      const notice = kept.sent(phone).find((sms) => sms.reference === delivery!.id)!;
      expect(notice.body).toContain('Geometry');
      expect(await local.providerRef(delivery!.id)).toBe(notice.providerRef);
      // A resend of the same delivery (after a crash) is recognised, as a real provider's idempotency token would be.
      expect(await kept.send({ to: phone, body: notice.body, reference: delivery!.id })).toEqual({ providerRef: notice.providerRef });
      expect(kept.sent(phone)).toHaveLength(2);
      expect(twilio.accepted(phone)).toHaveLength(0);
    } finally {
      await local.app.close();
      await local.platform.cleanup();
    }
  });

  it('none by default: no provider, so no one is reachable by SMS; Twilio without its account fails naming the variable', () => {
    const logger = silentLogger();
    expect(smsProviderOf({ db: {} as never, config: loadConfig({}), logger })).toBeUndefined();
    expect(() => smsProviderOf({ db: {} as never, config: loadConfig({ SMS_PROVIDER: 'twilio', TWILIO_AUTH_TOKEN: 'x', TWILIO_FROM: '+15005550006' }), logger })).toThrow(/TWILIO_ACCOUNT_SID/);
    expect(() => loadConfig({ SMS_PROVIDER: 'carrier-pigeon' })).toThrow(/SMS_PROVIDER/);
  });

  it('signs as Twilio documents it (its published example), and fits a notification into one short SMS with its link', () => {
    const params: Array<[string, string]> = [['CallSid', 'CA1234567890ABCDE'], ['Caller', '+14158675309'], ['Digits', '1234'], ['From', '+14158675309'], ['To', '+18005551212']];
    expect(twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params.reverse())).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    const text = smsText({ title: 'Graded: Algebra', body: 'x'.repeat(1_000), link: '/attempts/123' }, PUBLIC_URL);
    expect(text.length).toBeLessThanOrEqual(SMS_MAX_CHARS);
    expect(text.startsWith('Graded: Algebra\nxxx')).toBe(true);
    expect(text.endsWith(`…\n${PUBLIC_URL}/attempts/123`)).toBe(true);
    expect(smsText({ title: 'Short', body: 'Body', link: null }, PUBLIC_URL)).toBe('Short\nBody');
  });
});
