import { randomUUID } from 'node:crypto';
import { isAppError, toCloudEvent, type HttpApp } from '@tessera/platform';
import { createTestApp, createTestPlatform, testBackends, testTenant, type TestPlatform, type TestTenant } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedSubscription } from '../src/app/push-subscriptions.js';
import { vapidKeys } from '../src/app/vapid.js';
import { pushEndpointProblem } from '../src/domain/push-endpoint.js';
import { DELIVERIES_CONSUMER, notifyService, RESULTS_CONSUMER } from '../src/index.js';
import { LocalPushService, type BrowserSubscription } from './support/push-service.js';

interface DeliveryBody { id: string; channel: string; status: string; attempts: number; lastError: string | null; userId: string }
interface SubscriptionBody { id: string; endpoint: string; userAgent: string | null; createdAt: string; lastSuccessAt: string | null }

const POLL = { timeout: 20_000, interval: 25 };
const PUBLIC_URL = 'http://127.0.0.1:3999';
let pushService: LocalPushService;
let platform: TestPlatform;
let app: HttpApp;
let tenant: TestTenant;
let handlers: ReturnType<NonNullable<typeof notifyService.consumers>>;

async function member(of: TestTenant, roles = ['student']): Promise<TestTenant> {
  const subject = randomUUID();
  return { ...of, subject, authorization: `Bearer ${await platform.tokens.issue({ subject, tenantId: of.tenantId, roles })}` };
}

function request(who: TestTenant, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method: method as 'GET', url: `/api/v1${url}`,
    headers: { authorization: who.authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

async function deliver(who: TestTenant, durable: string, name: string, data: unknown, attempt = 1): Promise<void> {
  const event = toCloudEvent({ name, data }, { tenantId: who.tenantId });
  await handlers.find((r) => r.spec.durable === durable)!.handler(event, { attempt, subject: `tessera.${name}` });
}

const graded = (userId: string, examTitle: string) => ({
  submissionId: randomUUID(), attemptId: randomUUID(), examId: randomUUID(), examTitle, examVersion: 1, courseId: randomUUID(), userId,
  status: 'graded', score: 1, maxScore: 1, passed: true, gradedAt: new Date().toISOString(), items: [],
});

const pushLog = async (userId: string) => (await request(tenant, 'GET', '/admin/notifications/deliveries')).json<{ items: DeliveryBody[] }>().items
  .filter((delivery) => delivery.userId === userId && delivery.channel === 'push');
const subscriptionsOf = async (who: TestTenant) => (await request(who, 'GET', '/notifications/push/subscriptions')).json<{ items: SubscriptionBody[] }>().items;

async function subscribe(who: TestTenant, subscription: BrowserSubscription, expected = 201): Promise<SubscriptionBody> {
  const response = await request(who, 'POST', '/notifications/push/subscriptions', subscription, { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' });
  expect(response.statusCode, response.body).toBe(expected);
  return response.json<SubscriptionBody>();
}

/** A student who wants results pushed (not emailed), with one browser subscribed per endpoint given. */
async function pushedStudent(browsers: BrowserSubscription[]): Promise<TestTenant> {
  const who = await member(tenant);
  const preferences = await request(who, 'PUT', '/notifications/preferences', { categories: { results: { push: true, email: false } } }, { 'if-match': '"1"' });
  expect(preferences.statusCode, preferences.body).toBe(200);
  for (const browser of browsers) await subscribe(who, browser);
  return who;
}

beforeAll(async () => {
  pushService = await LocalPushService.start();
  platform = await createTestPlatform([notifyService], { TESSERA_PUBLIC_URL: PUBLIC_URL, PUSH_ALLOW_INSECURE_ENDPOINTS: 'true' });
  app = await createTestApp(platform, [notifyService]);
  handlers = notifyService.consumers!(platform);
  const queue = handlers.find((r) => r.spec.durable === DELIVERIES_CONSUMER)!;
  await platform.bus.subscribe(queue.spec, queue.handler);
  platform.relay.start();
  tenant = await testTenant(platform, ['tenant_admin']);
});

afterAll(async () => {
  await app?.close();
  await platform?.cleanup();
  await pushService?.close();
});

describe(`web push (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('pushes a result once, signed with the server\'s VAPID key and encrypted for the browser, and logs it sent', async () => {
    const browser = pushService.subscribe();
    const who = await pushedStudent([browser]);
    const event = graded(who.subject, 'Algebra final');
    await deliver(tenant, RESULTS_CONSUMER, 'assessment.submission.graded', event);
    await deliver(tenant, RESULTS_CONSUMER, 'assessment.submission.graded', event);
    await expect.poll(() => pushService.pushesTo(browser.endpoint).length, POLL).toBe(1);
    expect(pushService.problems).toEqual([]);
    const push = pushService.pushesTo(browser.endpoint)[0]!;
    await expect.poll(async () => (await pushLog(who.subject))[0]?.status, POLL).toBe('sent');
    const [delivery] = await pushLog(who.subject);
    expect(delivery).toMatchObject({ attempts: 1, lastError: null });
    expect(push.payload).toEqual({ title: 'Graded: Algebra final', body: expect.any(String), url: `${PUBLIC_URL}/attempts/${event.attemptId}`, tag: delivery!.id });
    expect(push).toMatchObject({ ttl: 86_400, urgency: 'normal', topic: delivery!.id.replaceAll('-', ''), subject: 'mailto:admin@tessera.localhost' });
    const key = (await request(who, 'GET', '/notifications/push/key')).json<{ publicKey: string }>().publicKey;
    expect(push.vapidKey).toBe(key);
    expect((await subscriptionsOf(who))[0]!.lastSuccessAt).not.toBeNull();
  });

  it('deletes a subscription its push service says expired (410), and bounces the delivery when none is left', async () => {
    const browser = pushService.subscribe();
    pushService.answer(browser.endpoint, 410);
    const who = await pushedStudent([browser]);
    await deliver(tenant, RESULTS_CONSUMER, 'assessment.submission.graded', graded(who.subject, 'Chemistry'));
    await expect.poll(async () => (await pushLog(who.subject))[0]?.status, POLL).toBe('bounced');
    expect((await pushLog(who.subject))[0]).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/expired/) });
    expect(pushService.problems).toEqual([]);
    expect(await subscriptionsOf(who)).toEqual([]);
  });

  it('still pushes to the user\'s other browsers when one expired (404), and forgets only that one', async () => {
    const gone = pushService.subscribe();
    const kept = pushService.subscribe();
    pushService.answer(gone.endpoint, 404);
    const who = await pushedStudent([gone, kept]);
    await deliver(tenant, RESULTS_CONSUMER, 'assessment.submission.graded', graded(who.subject, 'Biology'));
    await expect.poll(() => pushService.pushesTo(kept.endpoint).length, POLL).toBe(1);
    await expect.poll(async () => (await pushLog(who.subject))[0]?.status, POLL).toBe('sent');
    expect(pushService.postsTo(gone.endpoint)).toBe(1);
    expect((await subscriptionsOf(who)).map((s) => s.endpoint)).toEqual([kept.endpoint]);
  });

  it('keeps a push its service failed (500) queued for a retry, with the try counted, and sends it on a later try', async () => {
    const browser = pushService.subscribe();
    pushService.answer(browser.endpoint, 500);
    const who = await pushedStudent([browser]);
    await deliver(tenant, RESULTS_CONSUMER, 'assessment.submission.graded', graded(who.subject, 'Physics'));
    await expect.poll(async () => (await pushLog(who.subject))[0]?.attempts ?? 0, POLL).toBeGreaterThanOrEqual(1);
    const delivery = (await pushLog(who.subject))[0]!;
    expect(delivery).toMatchObject({ status: 'queued', lastError: expect.stringMatching(/answered 500/) });
    expect(await subscriptionsOf(who)).toHaveLength(1);
    // The bus's next try (simulated here; its own may come first) finds the push service well again.
    pushService.answer(browser.endpoint, 201);
    await deliver(tenant, DELIVERIES_CONSUMER, 'notify.delivery.queued', { deliveryId: delivery.id }, 2);
    await expect.poll(async () => (await pushLog(who.subject))[0]?.status, POLL).toBe('sent');
    expect(pushService.pushesTo(browser.endpoint)).toHaveLength(1);
    expect(pushService.problems).toEqual([]);
  });

  it('subscribes a browser once, re-binds a known endpoint to whoever sends it, lists and deletes only one\'s own', async () => {
    const owner = await member(tenant);
    const classmate = await member(tenant);
    const browser = pushService.subscribe();
    const created = await subscribe(owner, browser);
    expect(created).toMatchObject({ endpoint: browser.endpoint, userAgent: expect.stringContaining('Firefox'), lastSuccessAt: null });
    expect((await subscribe(owner, browser, 200)).id).toBe(created.id);
    expect((await subscriptionsOf(owner)).map((s) => s.id)).toEqual([created.id]);
    expect(await subscriptionsOf(classmate)).toEqual([]);
    expect((await request(classmate, 'DELETE', `/notifications/push/subscriptions/${created.id}`)).statusCode).toBe(404);

    // Another tenant's user: the same endpoint is another row there; this tenant's subscription stays unreachable.
    const stranger = await member(await testTenant(platform, ['student']));
    expect((await request(stranger, 'DELETE', `/notifications/push/subscriptions/${created.id}`)).statusCode).toBe(404);
    expect(await subscriptionsOf(stranger)).toEqual([]);
    const theirs = await subscribe(stranger, browser);
    expect(theirs.id).not.toBe(created.id);
    expect((await subscriptionsOf(owner)).map((s) => s.id)).toEqual([created.id]);

    // The classmate signs in on the owner's browser: its pushes are the classmate's now.
    expect((await subscribe(classmate, browser, 200)).id).toBe(created.id);
    expect(await subscriptionsOf(owner)).toEqual([]);
    expect((await request(owner, 'DELETE', `/notifications/push/subscriptions/${created.id}`)).statusCode).toBe(404);
    expect((await request(classmate, 'DELETE', `/notifications/push/subscriptions/${created.id}`)).statusCode).toBe(204);
    expect((await request(classmate, 'DELETE', `/notifications/push/subscriptions/${created.id}`)).statusCode).toBe(404);
    expect(await subscriptionsOf(classmate)).toEqual([]);
    expect(await subscriptionsOf(stranger)).toHaveLength(1);
    expect((await request(classmate, 'DELETE', '/notifications/push/subscriptions/not-a-uuid')).statusCode).toBe(400);
  });

  it('refuses malformed subscriptions with problem+json naming each bad field', async () => {
    const who = await member(tenant);
    const good = pushService.subscribe();
    const shortKey = Buffer.from(good.keys.p256dh, 'base64url').subarray(0, 64).toString('base64url');
    const compressed = Buffer.concat([Buffer.from([0x02]), Buffer.from(good.keys.p256dh, 'base64url').subarray(1)]).toString('base64url');
    const cases: Array<[unknown, string[]]> = [
      [{ ...good, keys: { ...good.keys, p256dh: shortKey } }, ['/body/keys/p256dh']],
      [{ ...good, keys: { ...good.keys, p256dh: compressed } }, ['/body/keys/p256dh']],
      [{ ...good, keys: { ...good.keys, auth: Buffer.alloc(15, 1).toString('base64url') } }, ['/body/keys/auth']],
      [{ ...good, endpoint: 'not a url', keys: { ...good.keys, auth: 'AAAA' } }, ['/body/endpoint', '/body/keys/auth']],
      [{ ...good, endpoint: 'http://push.example.com/send/1' }, ['/body/endpoint']],
      [{ endpoint: good.endpoint }, ['/body/keys']],
      [{ ...good, keys: { ...good.keys, p256dh: 'not base64url!' } }, ['/body/keys/p256dh']],
    ];
    for (const [body, pointers] of cases) {
      const response = await request(who, 'POST', '/notifications/push/subscriptions', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const errors = response.json<{ errors: Array<{ pointer: string }> }>().errors.map((error) => error.pointer);
      for (const pointer of pointers) expect(errors, response.body).toContain(pointer);
    }
    expect(await subscriptionsOf(who)).toEqual([]);
  });

  it('accepts only https push services on public hosts unless insecure endpoints are allowed (127.0.0.1 over http only)', () => {
    expect(pushEndpointProblem('https://fcm.googleapis.com/fcm/send/abc', false)).toBeUndefined();
    expect(pushEndpointProblem('https://updates.push.services.mozilla.com/wpush/v2/abc', false)).toBeUndefined();
    for (const refused of ['http://127.0.0.1:8080/push/1', 'https://127.0.0.1/push', 'https://localhost/push', 'https://10.0.0.8/push', 'https://169.254.169.254/latest',
      'https://[::1]/push', 'https://0x7f000001/push', 'http://push.example.com/1', 'ftp://push.example.com/1', 'https://user:pw@push.example.com/1', 'not a url']) {
      expect(pushEndpointProblem(refused, false), refused).toBeDefined();
    }
    expect(pushEndpointProblem('http://127.0.0.1:8080/push/1', true)).toBeUndefined();
    expect(pushEndpointProblem('http://localhost:8080/push/1', true)).toBeDefined();
    expect(pushEndpointProblem('http://push.example.com/1', true)).toBeDefined();
    const subscription = pushService.subscribe();
    try {
      checkedSubscription(subscription, false);
      expect.unreachable('an http endpoint passed with the insecure flag off');
    } catch (error) {
      expect(isAppError(error) && error.kind === 'invalid' && error.details).toMatchObject({ errors: [{ pointer: '/body/endpoint' }] });
    }
  });

  it('signs with the configured VAPID keys when set, else with one stored pair every process shares', async () => {
    const stored = await vapidKeys(platform);
    expect(stored.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(await vapidKeys({ db: platform.db, config: platform.config })).toEqual(stored);
    const configured = { VAPID_PUBLIC_KEY: `B${'A'.repeat(86)}`, VAPID_PRIVATE_KEY: 'A'.repeat(43), VAPID_SUBJECT: 'mailto:ops@school.test' };
    const fromConfig = await vapidKeys({ db: {} as TestPlatform['db'], config: { ...platform.config, ...configured } });
    expect(fromConfig).toEqual({ publicKey: configured.VAPID_PUBLIC_KEY, privateKey: configured.VAPID_PRIVATE_KEY, subject: 'mailto:ops@school.test' });
  });
});
