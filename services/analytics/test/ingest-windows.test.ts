import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { testBackends, testTenant, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeIdleWindows } from '../src/index.js';
import { analyticsKit, eventually, type AnalyticsKit } from './support/analytics-kit.js';

let kit: AnalyticsKit;
let instructor: TestTenant;

// Event times sit a few minutes back, on a minute boundary, so windows and lateness are easy to reason about.
const BASE = Math.floor((Date.now() - 30 * 60_000) / 300_000) * 300_000;
const at = (offsetMs: number) => new Date(BASE + offsetMs).toISOString();

function attempt(courseId: string, offsetMs: number, correct: boolean, latencyMs = 1_500) {
  return { id: randomUUID(), type: 'item_attempt', time: at(offsetMs), courseId, itemId: randomUUID(), correct, latencyMs };
}

interface Bucket { start: string; events: number; activeUsers: number; attempts: number; correctRate: number | null; timeOnTaskMs: number; final: boolean }

async function activity(courseId: string, fromOffset = 0, toOffset = 10 * 60_000, granularity = 'minute'): Promise<Bucket[]> {
  const response = await kit.request(instructor, 'GET', `/analytics/courses/${courseId}/activity?from=${at(fromOffset)}&to=${at(toOffset)}&granularity=${granularity}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ buckets: Bucket[] }>().buckets;
}

/** Waits until the course's minute windows hold `events` events in all. */
async function settled(courseId: string, events: number): Promise<Bucket[]> {
  return eventually(`${events} events counted`, async () => {
    const buckets = await activity(courseId);
    return buckets.reduce((sum, bucket) => sum + bucket.events, 0) === events ? buckets : undefined;
  });
}

beforeAll(async () => {
  kit = await analyticsKit();
  instructor = await kit.member(kit.admin, ['instructor']);
  await kit.startProcessing();
});

afterAll(async () => {
  await kit?.close();
});

describe(`learning events into one-minute windows (${testBackends.database}, ${testBackends.bus})`, () => {
  it('stores a batch before answering 202, sums it into its windows, and counts a resent event once', async () => {
    const courseId = await kit.course(kit.admin);
    const [ann, bob] = [await kit.member(kit.admin), await kit.member(kit.admin)];
    const annEvents = [attempt(courseId, 5_000, true), attempt(courseId, 20_000, false), attempt(courseId, 65_000, true, 4_000)];
    const sent = await kit.request(ann, 'POST', '/events', { events: annEvents });
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json()).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    expect((await kit.request(bob, 'POST', '/events', { events: [attempt(courseId, 30_000, true), { id: randomUUID(), type: 'page_view', time: at(40_000), courseId, durationMs: 9_000 }] })).statusCode).toBe(202);
    // The same events again (a client's retry) and once more inside a new batch: nothing more is counted.
    expect((await kit.request(ann, 'POST', '/events', { events: annEvents })).statusCode).toBe(202);
    expect((await kit.request(ann, 'POST', '/events', { events: [annEvents[0], attempt(courseId, 70_000, false)] })).statusCode).toBe(202);

    const buckets = await settled(courseId, 6);
    expect(buckets[0]).toMatchObject({ events: 4, activeUsers: 2, attempts: 3, correctRate: 2 / 3, timeOnTaskMs: 3 * 1_500 + 9_000 });
    expect(buckets[1]).toMatchObject({ events: 2, activeUsers: 1, attempts: 2, correctRate: 0.5 });
    const rollup = await activity(courseId, 0, 10 * 60_000, 'five_minutes');
    expect(rollup[0]).toMatchObject({ events: 6, activeUsers: 2, attempts: 5 });
  });

  it('accepts the valid items of a mixed batch and lists the others with their errors', async () => {
    const courseId = await kit.course(kit.admin);
    const student = await kit.member(kit.admin);
    const elsewhere = await testTenant(kit.platform, ['tenant_admin']);
    const foreignCourse = await kit.course(elsewhere);
    const response = await kit.request(student, 'POST', '/events', {
      events: [
        attempt(courseId, 1_000, true),
        { id: randomUUID(), type: 'item_attempt', time: at(2_000), courseId },
        { id: randomUUID(), type: 'page_view', time: new Date(Date.now() + 3_600_000).toISOString(), courseId },
        attempt(foreignCourse, 3_000, true),
        { id: randomUUID(), type: 'page_view', time: '2001-01-01T00:00:00Z' },
      ],
    });
    expect(response.statusCode, response.body).toBe(202);
    const body = response.json<{ accepted: number; rejected: Array<{ index: number; errors: Array<{ pointer: string }> }> }>();
    expect(body.accepted).toBe(1);
    expect(body.rejected.map((item) => item.index)).toEqual([1, 2, 3, 4]);
    expect(body.rejected.every((item) => item.errors.length > 0 && item.errors[0]!.pointer.startsWith(`/events/${item.index}`))).toBe(true);
  });

  it('refuses a batch with nothing valid (422 with each item\'s errors), a body that is no batch (400), and too many items (413)', async () => {
    const student = await kit.member(kit.admin);
    const rejected = await kit.request(student, 'POST', '/events', { events: [{ id: 'x', type: 'teleported', time: at(0) }] });
    expect(rejected.statusCode).toBe(422);
    expect(rejected.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(rejected.json()).toMatchObject({ code: 'ANALYTICS.BATCH_REJECTED', items: [{ index: 0 }] });
    expect((await kit.request(student, 'POST', '/events', { nope: true })).statusCode).toBe(400);
    expect((await kit.request(student, 'POST', '/events', 'text')).statusCode).toBe(400);
    const many = Array.from({ length: 1_001 }, (_, i) => ({ id: `e${i}`, type: 'search', time: at(0), query: 'x' }));
    expect((await kit.request(student, 'POST', '/events', { events: many })).statusCode).toBe(413);
  });

  it('takes xAPI statements whose actor is the caller, and refuses another user\'s', async () => {
    const courseId = await kit.course(kit.admin);
    const student = await kit.member(kit.admin);
    const statement = (name: string) => ({
      id: randomUUID(), timestamp: at(90_000),
      actor: { objectType: 'Agent', account: { homePage: 'https://tessera.example', name } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
      object: { objectType: 'Activity', id: `https://tessera.example/courses/${courseId}/items/${randomUUID()}` },
      result: { success: true, duration: 'PT2S' },
    });
    const response = await kit.request(student, 'POST', '/events', { statements: [statement(student.subject), statement(randomUUID())] });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toMatchObject({ accepted: 1, rejected: [{ index: 1, errors: [{ pointer: '/statements/1/actor' }] }] });
    const buckets = await settled(courseId, 1);
    expect(buckets[1]).toMatchObject({ attempts: 1, correctRate: 1, timeOnTaskMs: 2_000 });
  });

  it('counts a late event into its open window, drops one whose window is final, and closes windows once the watermark passes', async () => {
    const tenant = await testTenant(kit.platform, ['tenant_admin']);
    const teacher = await kit.member(tenant, ['instructor']);
    const courseId = await kit.course(tenant);
    const student = await kit.member(tenant);
    const total = async () => (await kit.request(teacher, 'GET', `/analytics/courses/${courseId}/activity?from=${at(0)}&to=${at(10 * 60_000)}`)).json<{ buckets: Bucket[] }>().buckets;
    const dropped = async () => Number(await kit.platform.db.withSystem(async (tx) => (await sql<{ late: string }>`
      select late_dropped::text as late from analytics.watermarks where tenant_id = ${tenant.tenantId}`.execute(tx)).rows[0]?.late ?? 0));
    // Lateness depends on what arrived before: each batch is sent once the one before it is aggregated.
    let sent = 0;
    const send = async (offset: number) => {
      expect((await kit.request(student, 'POST', '/events', { events: [attempt(courseId, offset, true)] })).statusCode).toBe(202);
      sent += 1;
      await eventually(`batch ${sent} aggregated`, async () => ((await total()).reduce((sum, bucket) => sum + bucket.events, 0) + await dropped() === sent ? true : undefined));
    };
    await send(10_000);
    await send(3 * 60_000 + 10_000);
    // One minute of lateness is allowed: minute 2 is still open while the latest event is in minute 3.
    await send(2 * 60_000 + 30_000);
    // Minute 0 ended before the watermark (3:10 less a minute): too late, dropped.
    await send(20_000);
    const buckets = await total();
    expect(buckets.slice(0, 4).map((bucket) => bucket.events)).toEqual([1, 0, 1, 1]);
    expect(await dropped()).toBe(1);
    expect(buckets[0]!.final).toBe(true);
    expect(buckets[3]!.final).toBe(false);
    const closed = await eventually('window closed announced', async () => {
      const ofTenant = kit.closedWindows.filter((event) => event.tenantId === tenant.tenantId).map((event) => event.data);
      return ofTenant.length > 0 ? ofTenant : undefined;
    });
    expect(closed).toEqual([expect.objectContaining({ courseId, windowStart: at(0), events: 1, activeUsers: 1 })]);

    // Nothing more arrives: the idle job moves the watermark on by the wall clock and closes the rest.
    expect(await closeIdleWindows({ ...kit.platform, bus: kit.platform.bus })).toBeGreaterThanOrEqual(2);
    expect((await total()).filter((bucket) => bucket.events > 0).every((bucket) => bucket.final)).toBe(true);
  });

  it('keeps each tenant\'s courses to itself: another tenant\'s instructor gets 404, a student 403', async () => {
    const courseId = await kit.course(kit.admin);
    const outsider = await testTenant(kit.platform, ['tenant_admin']);
    expect((await kit.request(outsider, 'GET', `/analytics/courses/${courseId}/activity?from=${at(0)}&to=${at(60_000)}`)).statusCode).toBe(404);
    expect((await kit.request(await kit.member(kit.admin), 'GET', `/analytics/courses/${courseId}/activity?from=${at(0)}&to=${at(60_000)}`)).statusCode).toBe(403);
    expect((await kit.request(instructor, 'GET', `/analytics/courses/${courseId}/activity?from=${at(60_000)}&to=${at(0)}`)).statusCode).toBe(400);
  });
});
