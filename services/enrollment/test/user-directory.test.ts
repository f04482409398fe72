import { randomUUID } from 'node:crypto';
import type { TestTenant } from '@tessera/platform/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enrollment, Progress } from '../src/index.js';
import { expectProblem, POLL, startEnrollmentKit, type EnrollmentKit } from './support/enrollment-kit.js';

let kit: EnrollmentKit;
let tenant: TestTenant;
let admin: TestTenant;

beforeAll(async () => {
  kit = await startEnrollmentKit();
  tenant = await kit.tenant();
  admin = await kit.member(tenant, ['tenant_admin']);
});

afterAll(async () => {
  await kit?.close();
});

const statusOf = (who: TestTenant, userId: string) => kit.platform.db.withTenant(who.tenantId, async (tx) =>
  (await sql<{ status: string }>`select status from enrollment.users where user_id = ${userId}`.execute(tx)).rows[0]?.status);

function enrollmentOf(response: Awaited<ReturnType<EnrollmentKit['request']>>): Enrollment {
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json<Enrollment>();
}

describe('read model of the tenant\'s users', () => {
  it('learns users from identity.user.registered over the bus, so staff can enroll them', async () => {
    const course = await kit.published(tenant);
    const userId = randomUUID();
    const data = { userId, email: 'Bus.User@Example.test', name: 'Bus User', roles: ['student'], locale: 'en', timeZone: 'UTC' };
    await kit.platform.db.withTenant(tenant.tenantId, (tx) =>
      kit.platform.outbox.emit(tx, tenant.tenantId, [{ name: 'identity.user.registered', subject: userId, data }]));
    await expect.poll(() => statusOf(tenant, userId), POLL).toBe('active');
    expect(enrollmentOf(await kit.enroll(admin, course.courseId, userId))).toMatchObject({ userId, status: 'active', enrolledBy: admin.subject });
  });

  it('refuses staff enrolling an unknown or deactivated user with 422, and another tenant\'s user as unknown', async () => {
    const course = await kit.published(tenant);
    const unknown = expectProblem(await kit.enroll(admin, course.courseId, randomUUID()), 422, 'ENROLLMENT.USER_NOT_FOUND');
    expect(unknown.userId).toEqual(expect.any(String));
    const gone = await kit.user(tenant);
    await kit.user(tenant, { userId: gone, event: 'deactivated' });
    expectProblem(await kit.enroll(admin, course.courseId, gone), 422, 'ENROLLMENT.USER_DEACTIVATED');

    const other = await kit.tenant();
    const stranger = await kit.user(other);
    expectProblem(await kit.enroll(admin, course.courseId, stranger), 422, 'ENROLLMENT.USER_NOT_FOUND');
  });

  it('lets a signed-in student enroll before identity\'s event arrives, but not once they are known deactivated', async () => {
    const course = await kit.published(tenant);
    const early = await kit.member(tenant, ['student'], { announce: false });
    expect((await kit.enroll(early, course.courseId)).statusCode).toBe(201);
    const leaving = await kit.member(tenant);
    await kit.user(tenant, { userId: leaving.subject, event: 'deactivated' });
    expectProblem(await kit.enroll(leaving, course.courseId), 403, 'ENROLLMENT.USER_DEACTIVATED');
  });

  it('applies the newest event whatever order they arrive in', async () => {
    const userId = randomUUID();
    await kit.user(tenant, { userId, event: 'deactivated', time: '2030-01-02T00:00:00.000Z' });
    await kit.user(tenant, { userId, event: 'registered', time: '2030-01-01T00:00:00.000Z' });
    expect(await statusOf(tenant, userId)).toBe('deactivated');
    // The same event delivered again changes nothing either (inbox).
    const again = await kit.deliver(tenant, 'identity.user.reactivated',
      { userId, email: 'x@example.test', name: 'X', roles: [], locale: 'en', timeZone: 'UTC' }, '2030-01-03T00:00:00.000Z');
    expect(await statusOf(tenant, userId)).toBe('active');
    await kit.user(tenant, { userId, event: 'deactivated', time: '2030-01-04T00:00:00.000Z' });
    const registration = (await import('../src/index.js')).enrollmentService.consumers!(kit.platform)[1]!;
    await registration.handler(again, { attempt: 2, subject: 'x' });
    expect(await statusOf(tenant, userId)).toBe('deactivated');
  });

  it('knows invited users, so a roster can be enrolled before they accept; reactivation lets a user back', async () => {
    const course = await kit.published(tenant);
    const invited = await kit.user(tenant, { event: 'invited' });
    expect(enrollmentOf(await kit.enroll(admin, course.courseId, invited))).toMatchObject({ userId: invited, status: 'active' });

    const returning = await kit.user(tenant, { event: 'registered', time: '2030-02-01T00:00:00.000Z' });
    await kit.user(tenant, { userId: returning, event: 'deactivated', time: '2030-02-02T00:00:00.000Z' });
    expectProblem(await kit.enroll(admin, course.courseId, returning), 422, 'ENROLLMENT.USER_DEACTIVATED');
    await kit.user(tenant, { userId: returning, event: 'reactivated', time: '2030-02-03T00:00:00.000Z' });
    expect(enrollmentOf(await kit.enroll(admin, course.courseId, returning)).status).toBe('active');
  });

  it('dead-letters a payload it cannot read instead of guessing', async () => {
    await expect(kit.deliver(tenant, 'identity.user.registered', { userId: 'not-a-uuid', email: 'x@example.test', name: 'X' })).rejects.toThrow(/unexpected payload/);
  });
});

describe('deactivated users', () => {
  it('give up waitlist places and unpaid seats to others, keep their active enrollments as records, and record no progress', async () => {
    const full = await kit.published(tenant);
    await kit.settings(admin, full.courseId, { capacity: 1, waitlistEnabled: true });
    const paid = await kit.published(tenant, { priceRef: 'price_9' });
    const learning = await kit.published(tenant);
    const [holder, leaving, next] = await Promise.all([kit.member(tenant), kit.member(tenant), kit.member(tenant)]);
    enrollmentOf(await kit.enroll(holder, full.courseId));
    const waiting = enrollmentOf(await kit.enroll(leaving, full.courseId));
    const waitingNext = enrollmentOf(await kit.enroll(next, full.courseId));
    const unpaid = enrollmentOf(await kit.enroll(leaving, paid.courseId));
    const active = enrollmentOf(await kit.enroll(leaving, learning.courseId));
    expect([waiting.status, unpaid.status, active.status]).toEqual(['waitlisted', 'pending_payment', 'active']);

    await kit.user(tenant, { userId: leaving.subject, event: 'deactivated' });
    const read = async (id: string) => enrollmentOf(await kit.request(admin, 'GET', `/enrollments/${id}`));
    expect((await read(waiting.id)).status).toBe('cancelled');
    expect((await read(unpaid.id)).status).toBe('cancelled');
    expect(await read(waitingNext.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await read(active.id)).status).toBe('active');
    expectProblem(await kit.request(leaving, 'POST', `/enrollments/${active.id}/lessons/${learning.lessonIds[0]}/complete`, {}), 403, 'ENROLLMENT.USER_DEACTIVATED');
    expect((await kit.request(admin, 'GET', `/enrollments/${active.id}/progress`)).json<Progress>().completedLessons).toBe(0);
  });
});
