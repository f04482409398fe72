import { randomUUID } from 'node:crypto';
import { toCloudEvent, type HttpApp } from '@tessera/platform';
import { createTestApp, createTestPlatform, testBackends, testTenant, type TestPlatform, type TestTenant } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ENROLLMENTS_CONSUMER, notifyService, RESULTS_CONSUMER, REVIEWS_CONSUMER } from '../src/index.js';

interface NotificationBody { id: string; category: string; kind: string; title: string; body: string; link: string | null; readAt: string | null }
interface PageBody { items: NotificationBody[]; nextCursor: string | null }

let platform: TestPlatform;
let app: HttpApp;
let tenant: TestTenant;
let deliver: (who: TestTenant, name: string, data: unknown, id?: string) => Promise<void>;

async function member(of: TestTenant, roles = ['student']): Promise<TestTenant> {
  const subject = randomUUID();
  return { ...of, subject, authorization: `Bearer ${await platform.tokens.issue({ subject, tenantId: of.tenantId, roles })}` };
}

function request(who: TestTenant | null, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method: method as 'GET', url: `/api/v1${url}`,
    headers: { ...(who ? { authorization: who.authorization } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

const list = async (who: TestTenant, query = '') => (await request(who, 'GET', `/notifications${query}`)).json<PageBody>();
const unread = async (who: TestTenant) => (await request(who, 'GET', '/notifications/unread-count')).json<{ unread: number }>().unread;
const graded = (userId: string, extra: Record<string, unknown> = {}) => ({
  submissionId: randomUUID(), attemptId: randomUUID(), examId: randomUUID(), examTitle: 'Midterm', examVersion: 1, courseId: randomUUID(), userId,
  status: 'graded', score: 3, maxScore: 4, passed: true, gradedAt: new Date().toISOString(), items: [], ...extra,
});

beforeAll(async () => {
  platform = await createTestPlatform([notifyService]);
  app = await createTestApp(platform, [notifyService]);
  const registrations = notifyService.consumers!(platform);
  const handlers: Record<string, string> = { assessment: RESULTS_CONSUMER, adaptive: REVIEWS_CONSUMER, enrollment: ENROLLMENTS_CONSUMER };
  deliver = async (who, name, data, id) => {
    const event = toCloudEvent({ name, data }, { tenantId: who.tenantId });
    if (id) event.id = id;
    const durable = handlers[name.split('.')[0]!]!;
    await registrations.find((r) => r.spec.durable === durable)!.handler(event, { attempt: 1, subject: `tessera.${name}` });
  };
  tenant = await testTenant(platform, ['tenant_admin']);
});

afterAll(async () => {
  await app?.close();
  await platform?.cleanup();
});

describe(`in-app notifications (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('tells a student their submission was graded, once however often the event arrives, and again when essays are graded', async () => {
    const who = await member(tenant);
    const pending = graded(who.subject, { status: 'pending_manual' });
    const eventId = randomUUID();
    await deliver(tenant, 'assessment.submission.graded', pending, eventId);
    await deliver(tenant, 'assessment.submission.graded', pending, eventId);
    await deliver(tenant, 'assessment.submission.graded', pending);
    expect((await list(who)).items.map((n) => n.kind)).toEqual(['result.partial']);
    await deliver(tenant, 'assessment.submission.graded', { ...pending, status: 'graded', gradingRound: 2 });
    await deliver(tenant, 'assessment.submission.regraded', { ...pending, status: 'graded', gradingRound: 3 });
    const page = await list(who);
    expect(page.items.map((n) => n.kind)).toEqual(['result.updated', 'result.ready', 'result.partial']);
    expect(page.items[1]).toMatchObject({ category: 'results', title: 'Graded: Midterm', link: `/attempts/${pending.attemptId}`, readAt: null });
    // The notice never carries the score: the result page applies the exam's release rules.
    expect(JSON.stringify(page)).not.toMatch(/"score"|3 of 4|75 ?%/);
    expect(await unread(who)).toBe(3);
  });

  it('reminds of due reviews and welcomes an enrollment', async () => {
    const who = await member(tenant);
    const due = { userId: who.subject, skillId: randomUUID(), skillName: 'Fractions', dueAt: '2026-12-01T09:00:00.000Z', scheduler: 'fsrs' };
    await deliver(tenant, 'adaptive.review.due', due);
    await deliver(tenant, 'adaptive.review.due', due);
    const courseId = randomUUID();
    await deliver(tenant, 'enrollment.enrollment.activated', { enrollmentId: randomUUID(), courseId, userId: who.subject, courseVersion: 1, status: 'active', priceRef: null });
    await deliver(tenant, 'enrollment.enrollment.cancelled', { enrollmentId: randomUUID(), courseId, userId: who.subject, courseVersion: 1, status: 'cancelled', priceRef: null });
    const kinds = (await list(who)).items.map((n) => `${n.category}:${n.kind}:${n.title}`);
    expect(kinds).toEqual(['course_updates:enrollment.active:You are enrolled', 'reminders:review.due:Review due: Fractions']);
  });

  it('pages newest first, filters unread, marks one or all read, and refuses tampered cursors', async () => {
    const who = await member(tenant);
    for (let i = 0; i < 5; i++) await deliver(tenant, 'assessment.submission.graded', graded(who.subject, { examTitle: `Quiz ${i}` }));
    const first = await list(who, '?limit=2');
    expect(first.items.map((n) => n.title)).toEqual(['Graded: Quiz 4', 'Graded: Quiz 3']);
    const second = await list(who, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((n) => n.title)).toEqual(['Graded: Quiz 2', 'Graded: Quiz 1']);
    expect((await request(who, 'GET', '/notifications?cursor=bm9wZQ')).statusCode).toBe(400);
    expect((await request(who, 'GET', '/notifications?limit=500')).statusCode).toBe(400);

    const marked = await request(who, 'POST', `/notifications/${first.items[0]!.id}/read`);
    expect(marked.json()).toEqual({ marked: 1, unread: 4 });
    expect((await request(who, 'POST', `/notifications/${first.items[0]!.id}/read`)).json()).toEqual({ marked: 1, unread: 4 });
    expect((await list(who, '?unread=true')).items).toHaveLength(4);
    expect((await request(who, 'POST', '/notifications/read-all')).json()).toEqual({ marked: 4, unread: 0 });
    expect(await unread(who)).toBe(0);
  });

  it('never shows or changes another user\'s or another tenant\'s notifications', async () => {
    const owner = await member(tenant);
    await deliver(tenant, 'assessment.submission.graded', graded(owner.subject));
    const id = (await list(owner)).items[0]!.id;
    const classmate = await member(tenant);
    const otherTenant = await member(await testTenant(platform, ['tenant_admin']));
    for (const stranger of [classmate, otherTenant]) {
      expect((await list(stranger)).items).toEqual([]);
      expect(await unread(stranger)).toBe(0);
      const refused = await request(stranger, 'POST', `/notifications/${id}/read`);
      expect(refused.statusCode).toBe(404);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      await request(stranger, 'POST', '/notifications/read-all');
    }
    expect(await unread(owner)).toBe(1);
    // The same event delivered in another tenant reaches only that tenant's user of that id.
    await deliver({ ...otherTenant }, 'assessment.submission.graded', graded(owner.subject));
    expect(await unread(owner)).toBe(1);
    expect((await request(null, 'GET', '/notifications')).statusCode).toBe(401);
    expect((await request(owner, 'POST', '/notifications/not-a-uuid/read')).statusCode).toBe(400);
  });

  it('keeps preferences per category and channel with If-Match, and stores nothing in-app for a category turned off', async () => {
    const who = await member(tenant);
    const defaults = await request(who, 'GET', '/notifications/preferences');
    expect(defaults.headers.etag).toBe('"1"');
    expect(defaults.json()).toMatchObject({ digest: 'immediate', timeZone: 'UTC', quietHours: null, categories: { results: { inApp: true, email: true }, marketing: { inApp: false } } });
    const change = { categories: { results: { inApp: false } }, quietHours: { start: '22:00', end: '07:00' }, timeZone: 'Europe/Paris', digest: 'daily' };
    expect((await request(who, 'PUT', '/notifications/preferences', change)).statusCode).toBe(412);
    const changed = await request(who, 'PUT', '/notifications/preferences', change, { 'if-match': '"1"' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, digest: 'daily', categories: { results: { inApp: false, email: true }, reminders: { inApp: true } } });
    expect((await request(who, 'PUT', '/notifications/preferences', { digest: 'weekly' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    const badZone = await request(who, 'PUT', '/notifications/preferences', { timeZone: 'Mars/Olympus' }, { 'if-match': '"2"' });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json()).toMatchObject({ code: 'NOTIFY.TIME_ZONE_UNKNOWN' });
    expect((await request(who, 'PUT', '/notifications/preferences', { categories: { gossip: { inApp: true } } }, { 'if-match': '"2"' })).statusCode).toBe(400);
    expect((await request(who, 'PUT', '/notifications/preferences', { quietHours: { start: '25:00', end: '07:00' } }, { 'if-match': '"2"' })).statusCode).toBe(400);
    expect((await request(who, 'PUT', '/notifications/preferences', '{', { 'if-match': '"2"' })).statusCode).toBe(400);

    await deliver(tenant, 'assessment.submission.graded', graded(who.subject));
    await deliver(tenant, 'adaptive.review.due', { userId: who.subject, skillId: randomUUID(), skillName: 'Decimals', dueAt: new Date().toISOString(), scheduler: 'fsrs' });
    expect((await list(who)).items.map((n) => n.kind)).toEqual(['review.due']);
    // Another user's preferences are their own.
    expect((await request(await member(tenant), 'GET', '/notifications/preferences')).json().version).toBe(1);
  });

  it('tells every open tab of the user at once over Server-Sent Events, and no one else', async () => {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const aborts: AbortController[] = [];
    const open = async (who: TestTenant) => {
      const abort = new AbortController();
      aborts.push(abort);
      const response = await fetch(`${url}/api/v1/notifications/stream`, { headers: { authorization: who.authorization }, signal: abort.signal });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      const state = { text: '' };
      const readUntil = async (needle: string) => {
        for (let i = 0; i < 200 && !state.text.includes(needle); i++) state.text += decoder.decode((await reader.read()).value);
        return state.text;
      };
      return { state, readUntil };
    };
    try {
      const who = await member(tenant);
      const tabs = [await open(who), await open(who)];
      const other = await open(await member(tenant));
      for (const tab of [...tabs, other]) await tab.readUntil('event: ready');
      await deliver(tenant, 'assessment.submission.graded', graded(who.subject, { examTitle: 'Live quiz' }));
      for (const tab of tabs) expect(await tab.readUntil('Live quiz')).toContain('event: notification');
      await request(who, 'POST', '/notifications/read-all');
      for (const tab of tabs) expect(await tab.readUntil('event: unread')).toMatch(/"unread":0/);
      expect(other.state.text).not.toContain('Live quiz');
    } finally {
      for (const abort of aborts) abort.abort();
    }
  });

  it('tells every open WebSocket of the user too, authenticated by header or by the browser\'s subprotocol, and no one else', async () => {
    const url = (await app.listen({ host: '127.0.0.1', port: 0 }).catch(() => `http://127.0.0.1:${(app.server.address() as { port: number }).port}`)).replace('http', 'ws');
    const sockets: WebSocket[] = [];
    const open = async (options: { header?: TestTenant; protocolOf?: TestTenant }) => {
      const token = (options.protocolOf?.authorization ?? '').replace('Bearer ', '');
      const socket = new WebSocket(`${url}/api/v1/notifications/socket`, options.protocolOf ? ['tessera.notify.v1', `tessera.bearer.${token}`] : [], {
        headers: options.header ? { authorization: options.header.authorization } : {},
      });
      sockets.push(socket);
      const messages: Array<{ type: string; unread: number; notification?: { title: string } }> = [];
      socket.on('message', (data) => messages.push(JSON.parse(String(data))));
      await new Promise<void>((resolve, reject) => { socket.once('open', () => resolve()); socket.once('error', reject); });
      await expect.poll(() => messages.some((m) => m.type === 'ready'), { timeout: 10_000 }).toBe(true);
      return { socket, messages };
    };
    try {
      const who = await member(tenant);
      const byHeader = await open({ header: who });
      const byProtocol = await open({ protocolOf: who });
      // The token never comes back in the answer: the server picks its own protocol.
      expect(byProtocol.socket.protocol).toBe('tessera.notify.v1');
      const other = await open({ header: await member(tenant) });
      await deliver(tenant, 'assessment.submission.graded', graded(who.subject, { examTitle: 'Socket quiz' }));
      for (const tab of [byHeader, byProtocol]) {
        await expect.poll(() => tab.messages.find((m) => m.type === 'notification')?.notification?.title ?? '', { timeout: 10_000 }).toContain('Socket quiz');
      }
      await request(who, 'POST', '/notifications/read-all');
      for (const tab of [byHeader, byProtocol]) await expect.poll(() => tab.messages.at(-1), { timeout: 10_000 }).toMatchObject({ type: 'unread', unread: 0 });
      expect(other.messages.map((m) => m.type)).toEqual(['ready']);
      // Without a token the upgrade is refused; the subprotocol counts only on an upgrade.
      await expect(open({})).rejects.toThrow(/401/);
      const plain = await fetch(`${url.replace('ws', 'http')}/api/v1/notifications/unread-count`, { headers: { 'sec-websocket-protocol': `tessera.bearer.${who.authorization.replace('Bearer ', '')}` } });
      expect(plain.status).toBe(401);
    } finally {
      for (const socket of sockets) socket.terminate();
    }
  });
});
