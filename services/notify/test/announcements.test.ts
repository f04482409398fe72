import { randomUUID } from 'node:crypto';
import { toCloudEvent, type HttpApp } from '@tessera/platform';
import { createTestApp, createTestPlatform, testBackends, testTenant, type TestPlatform, type TestTenant } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COURSES_CONSUMER, ENROLLMENTS_CONSUMER, EXAMS_CONSUMER, notifyService, REMIND_BEFORE_MS, RESULTS_CONSUMER, ROLES_CONSUMER, sendDueAnnouncements, sendDueReminders, USERS_CONSUMER,
} from '../src/index.js';

let platform: TestPlatform;
let app: HttpApp;
let tenant: TestTenant;
let handlers: Map<string, (event: ReturnType<typeof toCloudEvent>) => Promise<void>>;

const HOUR = 3_600_000;

async function member(of: TestTenant, roles = ['student']): Promise<TestTenant> {
  const subject = randomUUID();
  return { ...of, subject, authorization: `Bearer ${await platform.tokens.issue({ subject, tenantId: of.tenantId, roles })}` };
}

function request(who: TestTenant, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse> {
  return app.inject({
    method: method as 'GET', url: `/api/v1${url}`,
    headers: { authorization: who.authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

async function deliver(who: TestTenant, durable: string, name: string, data: unknown, time = new Date()): Promise<void> {
  const event = toCloudEvent({ name, data }, { tenantId: who.tenantId });
  event.time = time.toISOString();
  await handlers.get(durable)!(event);
}

/** A course catalog published (notify learns of it from the event). */
async function course(): Promise<string> {
  const courseId = randomUUID();
  await deliver(tenant, COURSES_CONSUMER, 'catalog.course.published', { courseId, title: `Course ${courseId.slice(0, 4)}`, version: 1 });
  return courseId;
}

async function enrolled(courseId: string, roles = ['student']): Promise<TestTenant> {
  const who = await member(tenant, roles);
  await deliver(tenant, ENROLLMENTS_CONSUMER, 'enrollment.enrollment.activated', { enrollmentId: randomUUID(), courseId, userId: who.subject });
  return who;
}

const kinds = async (who: TestTenant) => (await request(who, 'GET', '/notifications')).json<{ items: Array<{ kind: string; title: string }> }>().items;
const announcementsOf = async (who: TestTenant, kind = 'announcement') => (await kinds(who)).filter((n) => n.kind === kind);

beforeAll(async () => {
  platform = await createTestPlatform([notifyService]);
  app = await createTestApp(platform, [notifyService]);
  const registrations = notifyService.consumers!(platform);
  handlers = new Map(registrations.map((r) => [r.spec.durable, (event) => r.handler(event, { attempt: 1, subject: 'test' })]));
  tenant = await testTenant(platform, ['tenant_admin']);
});

afterAll(async () => {
  await app?.close();
  await platform?.cleanup();
});

describe(`announcements and reminders (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('previews, then sends an instructor\'s announcement once to the course\'s students only', async () => {
    const courseId = await course();
    const [ana, ben] = [await enrolled(courseId), await enrolled(courseId)];
    const leaver = await enrolled(courseId);
    await deliver(tenant, ENROLLMENTS_CONSUMER, 'enrollment.enrollment.cancelled', { enrollmentId: randomUUID(), courseId, userId: leaver.subject });
    const outsider = await enrolled(randomUUID());
    const teacher = await member(tenant, ['instructor']);
    const input = { audience: { courseId }, title: 'Room change', body: 'Thursday\'s class moves to room 12.' };

    const preview = await request(teacher, 'POST', '/announcements/preview', input);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ recipients: 2, email: { subject: 'Room change' } });
    expect(preview.json().email.html).toContain('room 12');
    expect(await announcementsOf(ana)).toEqual([]);

    const created = await request(teacher, 'POST', '/announcements', input);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'scheduled', audience: { courseId }, authorId: teacher.subject });
    await sendDueAnnouncements(platform, new Date(Date.now() + 1_000));
    await sendDueAnnouncements(platform, new Date(Date.now() + 2_000));
    for (const who of [ana, ben]) expect((await announcementsOf(who)).map((n) => n.title)).toEqual(['Room change']);
    for (const who of [leaver, outsider]) expect(await announcementsOf(who)).toEqual([]);
    expect((await request(teacher, 'GET', `/announcements/${created.json().id}`)).json()).toMatchObject({ status: 'sent', recipients: 2 });
    expect((await request(teacher, 'POST', `/announcements/${created.json().id}/cancel`)).statusCode).toBe(409);
  });

  it('holds a scheduled announcement until its time, and a cancelled one never goes out', async () => {
    const courseId = await course();
    const student = await enrolled(courseId);
    const teacher = await member(tenant, ['instructor']);
    const now = Date.now();
    const later = await request(teacher, 'POST', '/announcements', { audience: { courseId }, title: 'Tomorrow', body: 'See you.', sendAt: new Date(now + 2 * HOUR).toISOString() });
    const dropped = await request(teacher, 'POST', '/announcements', { audience: { courseId }, title: 'Dropped', body: 'Never mind.', sendAt: new Date(now + HOUR).toISOString() });
    await sendDueAnnouncements(platform, new Date(now + 1_000));
    expect(await announcementsOf(student)).toEqual([]);
    expect((await request(teacher, 'POST', `/announcements/${dropped.json().id}/cancel`)).json()).toMatchObject({ status: 'cancelled' });
    await sendDueAnnouncements(platform, new Date(now + 3 * HOUR));
    expect((await announcementsOf(student)).map((n) => n.title)).toEqual(['Tomorrow']);
    expect((await request(teacher, 'GET', `/announcements/${later.json().id}`)).json().status).toBe('sent');
  });

  it('lets only tenant admins announce to a role, reaching every active user holding it', async () => {
    const admin = await member(tenant, ['tenant_admin']);
    const teacher = await member(tenant, ['instructor']);
    const tutor = await member(tenant, ['student']);
    for (const who of [teacher, tutor]) {
      await deliver(tenant, USERS_CONSUMER, 'identity.user.registered', { userId: who.subject, email: `${who.subject}@example.test`, name: 'X', locale: 'en', timeZone: 'UTC', roles: ['student'] });
    }
    await deliver(tenant, ROLES_CONSUMER, 'identity.role.granted', { userId: tutor.subject, roles: ['student', 'tutor'], granted: ['tutor'] });
    const input = { audience: { role: 'tutor' }, title: 'Tutor meeting', body: 'Friday at noon.' };
    expect((await request(teacher, 'POST', '/announcements', input)).statusCode).toBe(403);
    expect((await request(admin, 'POST', '/announcements/preview', input)).json().recipients).toBe(1);
    expect((await request(admin, 'POST', '/announcements', input)).statusCode).toBe(201);
    await sendDueAnnouncements(platform, new Date(Date.now() + 1_000));
    expect((await announcementsOf(tutor)).map((n) => n.title)).toEqual(['Tutor meeting']);
    expect(await announcementsOf(teacher)).toEqual([]);
  });

  it('shows instructors their own announcements only, admins all, and nothing across tenants; refuses bad input', async () => {
    const courseId = await course();
    const [mine, theirs] = [await member(tenant, ['instructor']), await member(tenant, ['instructor'])];
    const created = (await request(mine, 'POST', '/announcements', { audience: { courseId }, title: 'Mine', body: 'x' })).json();
    expect((await request(theirs, 'GET', `/announcements/${created.id}`)).statusCode).toBe(404);
    expect((await request(theirs, 'POST', `/announcements/${created.id}/cancel`)).statusCode).toBe(404);
    expect((await request(theirs, 'GET', '/announcements')).json().items).toEqual([]);
    expect((await request(await member(tenant, ['tenant_admin']), 'GET', '/announcements?limit=100')).json().items.map((a: { id: string }) => a.id)).toContain(created.id);
    const stranger = await member(await testTenant(platform, ['tenant_admin']), ['tenant_admin']);
    expect((await request(stranger, 'GET', `/announcements/${created.id}`)).statusCode).toBe(404);
    expect((await request(stranger, 'GET', '/announcements')).json().items).toEqual([]);
    // A course of another tenant (or none, or archived) cannot be announced to.
    for (const path of ['/announcements', '/announcements/preview']) {
      const foreign = await request(stranger, 'POST', path, { audience: { courseId }, title: 'x', body: 'x' });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().code).toBe('NOTIFY.COURSE_NOT_FOUND');
    }
    await deliver(tenant, COURSES_CONSUMER, 'catalog.course.archived', { courseId, version: 1, archivedAt: new Date().toISOString() });
    expect((await request(mine, 'POST', '/announcements', { audience: { courseId }, title: 'x', body: 'x' })).statusCode).toBe(404);
    expect((await request(await member(tenant), 'GET', '/announcements')).statusCode).toBe(403);
    for (const body of [
      { audience: {}, title: 'x', body: 'x' }, { audience: { courseId }, title: '', body: 'x' }, { audience: { courseId, role: 'tutor' }, title: 'x', body: 'x' },
      { audience: { courseId }, title: 'x', body: 'x', sendAt: new Date(Date.now() - 10 * HOUR).toISOString() },
    ]) {
      const refused = await request(mine, 'POST', '/announcements', body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('reminds a course\'s students a day before an exam opens, except who took it, and follows moves and archiving', async () => {
    const courseId = randomUUID();
    const examId = randomUUID();
    const [ana, ben] = [await enrolled(courseId), await enrolled(courseId)];
    const now = Date.now();
    const opensAt = new Date(now + 30 * HOUR);
    const published = (version: number, opens: Date | null) => ({ examId, courseId, version, title: 'Algebra final', opensAt: opens?.toISOString() ?? null, closesAt: null, category: 'exam', adaptive: false, itemIds: [], publishedAt: new Date(now).toISOString() });
    await deliver(tenant, EXAMS_CONSUMER, 'assessment.exam.published', published(1, opensAt), new Date(now));
    await deliver(tenant, RESULTS_CONSUMER, 'assessment.submission.graded', {
      submissionId: randomUUID(), attemptId: randomUUID(), examId, examTitle: 'Algebra final', examVersion: 1, courseId, userId: ben.subject,
      status: 'graded', score: 1, maxScore: 1, passed: true, gradedAt: new Date(now).toISOString(), items: [],
    });
    expect(await sendDueReminders(platform, new Date(now + HOUR))).toBe(0);
    const dueAt = new Date(opensAt.getTime() - REMIND_BEFORE_MS + 60_000);
    await sendDueReminders(platform, dueAt);
    expect((await announcementsOf(ana, 'exam.soon')).map((n) => n.title)).toEqual(['Algebra final opens in 24 hours']);
    expect(await announcementsOf(ben, 'exam.soon')).toEqual([]);

    // Moved a week later: a new reminder then; archived: none.
    const moved = new Date(opensAt.getTime() + 7 * 24 * HOUR);
    await deliver(tenant, EXAMS_CONSUMER, 'assessment.exam.published', published(2, moved), dueAt);
    await deliver(tenant, EXAMS_CONSUMER, 'assessment.exam.published', published(1, opensAt), dueAt);
    await sendDueReminders(platform, new Date(moved.getTime() - REMIND_BEFORE_MS + 60_000));
    expect(await announcementsOf(ana, 'exam.soon')).toHaveLength(2);
    await deliver(tenant, EXAMS_CONSUMER, 'assessment.exam.published', published(3, new Date(moved.getTime() + 7 * 24 * HOUR)), dueAt);
    await deliver(tenant, EXAMS_CONSUMER, 'assessment.exam.archived', { examId, courseId, archivedAt: dueAt.toISOString() });
    expect(await sendDueReminders(platform, new Date(moved.getTime() + 7 * 24 * HOUR - 60_000))).toBe(0);
  });

  it('tells whoever published an exam that essays await grading, once per submission', async () => {
    const courseId = randomUUID();
    const examId = randomUUID();
    const teacher = await member(tenant, ['instructor']);
    const student = await enrolled(courseId);
    await deliver(tenant, EXAMS_CONSUMER, 'assessment.exam.published', { examId, courseId, version: 1, title: 'Essay test', opensAt: null, closesAt: null, category: 'exam', adaptive: false, itemIds: [], publishedAt: new Date().toISOString(), publishedBy: teacher.subject });
    const pending = {
      submissionId: randomUUID(), attemptId: randomUUID(), examId, examTitle: 'Essay test', examVersion: 1, courseId, userId: student.subject,
      status: 'pending_manual', score: 0, maxScore: 4, passed: null, gradedAt: new Date().toISOString(), items: [],
    };
    await deliver(tenant, RESULTS_CONSUMER, 'assessment.submission.graded', pending);
    await deliver(tenant, RESULTS_CONSUMER, 'assessment.submission.graded', pending);
    const notices = await announcementsOf(teacher, 'grading.waiting');
    expect(notices.map((n) => n.title)).toEqual(['Essays to grade: Essay test']);
  });
});
