import { randomUUID } from 'node:crypto';
import { testBackends, testTenant, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streakDays } from '../src/domain/streak.js';
import { analyticsKit, eventually, type AnalyticsKit } from './support/analytics-kit.js';

let kit: AnalyticsKit;
let instructor: TestTenant;
const BASE = Math.floor((Date.now() - 20 * 60_000) / 300_000) * 300_000;
const at = (offsetMs: number) => new Date(BASE + offsetMs).toISOString();

async function answer(student: TestTenant, courseId: string, itemId: string, correct: boolean, offsetMs: number): Promise<void> {
  const response = await kit.request(student, 'POST', '/events', { events: [{ id: randomUUID(), type: 'item_attempt', time: at(offsetMs), courseId, itemId, correct, latencyMs: 2_000 }] });
  expect(response.statusCode, response.body).toBe(202);
}

beforeAll(async () => {
  kit = await analyticsKit();
  instructor = await kit.member(kit.admin, ['instructor']);
  await kit.startProcessing();
});

afterAll(async () => {
  await kit?.close();
});

describe(`dashboards (${testBackends.database}, ${testBackends.bus})`, () => {
  it('ranks struggling learners and the hardest items of a course, and gives a learner their own figures', async () => {
    const courseId = await kit.course(kit.admin);
    const [easy, hard] = [randomUUID(), randomUUID()];
    const [strong, weak, newcomer] = [await kit.member(kit.admin), await kit.member(kit.admin), await kit.member(kit.admin)];
    for (let i = 0; i < 4; i++) {
      await answer(strong, courseId, easy, true, i * 1_000);
      await answer(strong, courseId, hard, i === 0, 10_000 + i * 1_000);
      await answer(weak, courseId, easy, i < 2, 20_000 + i * 1_000);
      await answer(weak, courseId, hard, false, 30_000 + i * 1_000);
    }
    await answer(newcomer, courseId, hard, false, 40_000);

    const struggling = await eventually('all answers counted', async () => {
      const response = await kit.request(instructor, 'GET', `/analytics/courses/${courseId}/struggling`);
      const items = response.json<{ items: Array<{ userId: string; attempts: number; correctRate: number }> }>().items;
      return items.reduce((sum, item) => sum + item.attempts, 0) === 16 ? items : undefined;
    });
    // The newcomer answered once: too little to rank.
    expect(struggling.map((item) => [item.userId, item.attempts, item.correctRate])).toEqual([[weak.subject, 8, 0.25], [strong.subject, 8, 0.625]]);
    // Batches are aggregated in any order: the newcomer's answer may come last.
    const hardest = await eventually('every answer counted per item', async () => {
      const items = (await kit.request(instructor, 'GET', `/analytics/courses/${courseId}/hardest-items?limit=5`)).json<{ items: Array<{ itemId: string; attempts: number; correctRate: number; meanLatencyMs: number }> }>().items;
      return items.reduce((sum, item) => sum + item.attempts, 0) === 17 ? items : undefined;
    });
    expect(hardest.map((item) => [item.itemId, item.correctRate])).toEqual([[hard, 1 / 9], [easy, 0.75]]);
    expect(hardest[0]!.meanLatencyMs).toBe(2_000);

    const mine = await kit.request(weak, 'GET', '/analytics/me');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ totalTimeOnTaskMs: 16_000, courses: [{ courseId, attempts: 8, correctRate: 0.25, timeOnTaskMs: 16_000 }] });
    expect(mine.json().streakDays).toBeGreaterThanOrEqual(1);
    expect(mine.json().days.at(-1)).toMatchObject({ events: 8, timeOnTaskMs: 16_000 });

    const csv = await kit.request(instructor, 'GET', `/analytics/courses/${courseId}/activity.csv?from=${at(0)}&to=${at(120_000)}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^start,events,active_users,/);
    expect(lines).toHaveLength(3);
    expect(lines[1]!.split(',')[1]).toBe('17');
  });

  it('keeps a tenant\'s dashboards to itself, and a learner\'s figures to the learner', async () => {
    const courseId = await kit.course(kit.admin);
    const outsider = await testTenant(kit.platform, ['tenant_admin']);
    for (const path of ['struggling', 'hardest-items', `activity.csv?from=${at(0)}&to=${at(60_000)}`]) {
      expect((await kit.request(outsider, 'GET', `/analytics/courses/${courseId}/${path}`)).statusCode).toBe(404);
      expect((await kit.request(await kit.member(kit.admin), 'GET', `/analytics/courses/${courseId}/${path}`)).statusCode).toBe(403);
    }
    const stranger = await kit.member(outsider);
    expect((await kit.request(stranger, 'GET', '/analytics/me')).json()).toMatchObject({ courses: [], days: [], streakDays: 0 });
  });
});

describe('streaks', () => {
  const today = new Date('2026-05-10T15:00:00Z');
  it('counts days in a row ending today, or yesterday while today is young', () => {
    expect(streakDays(new Set(['2026-05-10', '2026-05-09', '2026-05-08', '2026-05-06']), today)).toBe(3);
    expect(streakDays(new Set(['2026-05-09', '2026-05-08']), today)).toBe(2);
    expect(streakDays(new Set(['2026-05-08']), today)).toBe(0);
    expect(streakDays(new Set(), today)).toBe(0);
  });
});
