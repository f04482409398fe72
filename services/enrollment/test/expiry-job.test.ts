import type { TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollmentService, expireDue, EXPIRY_EVERY_MS, type Enrollment } from '../src/index.js';
import { startEnrollmentKit, type EnrollmentKit } from './support/enrollment-kit.js';

let kit: EnrollmentKit;

beforeAll(async () => {
  kit = await startEnrollmentKit();
});

afterAll(async () => {
  await kit?.close();
});

const HOUR = 3_600_000;

async function enrolled(who: TestTenant, courseId: string): Promise<Enrollment> {
  const response = await kit.enroll(who, courseId);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Enrollment>();
}

async function statusOf(who: TestTenant, enrollment: Enrollment): Promise<string> {
  return (await kit.request(who, 'GET', `/enrollments/${enrollment.id}`)).json<Enrollment>().status;
}

describe('the expiry job', () => {
  it('is a job of the service that relay processes run periodically', () => {
    const jobs = enrollmentService.jobs!(kit.platform);
    expect(jobs.map((job) => [job.name, job.everyMs])).toEqual([['enrollment.expire-due', EXPIRY_EVERY_MS]]);
  });

  it('expires unpaid enrollments past due in every tenant, handing the seat to the waitlist, without anyone enrolling', async () => {
    const tenants = await Promise.all([kit.tenant(), kit.tenant()]);
    const unpaid: Array<{ student: TestTenant; enrollment: Enrollment; waiting: Enrollment; next: TestTenant }> = [];
    for (const tenant of tenants) {
      const admin = await kit.member(tenant, ['tenant_admin']);
      const course = await kit.published(tenant, { priceRef: 'price_5' });
      await kit.settings(admin, course.courseId, { capacity: 1, waitlistEnabled: true });
      const [student, next] = await Promise.all([kit.member(tenant), kit.member(tenant)]);
      const enrollment = await enrolled(student, course.courseId);
      const waiting = await enrolled(next, course.courseId);
      expect([enrollment.status, waiting.status]).toEqual(['pending_payment', 'waitlisted']);
      unpaid.push({ student, enrollment, waiting, next });
    }
    // Before the due time nothing is touched.
    await expireDue(kit.platform);
    for (const { student, enrollment } of unpaid) expect(await statusOf(student, enrollment)).toBe('pending_payment');

    const later = new Date(Date.parse(unpaid[0]!.enrollment.paymentDueAt!) + HOUR);
    expect(await expireDue(kit.platform, later)).toBeGreaterThanOrEqual(2);
    for (const { student, enrollment, next, waiting } of unpaid) {
      expect(await statusOf(student, enrollment)).toBe('expired');
      // The waitlisted student of a paid course is promoted to pending payment.
      expect(await statusOf(next, waiting)).toBe('pending_payment');
    }
    // A second run at the same time finds nothing left to do.
    expect(await expireDue(kit.platform, later)).toBe(0);
  });

  it('expires the waitlist of a course once its enrollment window has closed', async () => {
    const tenant = await kit.tenant();
    const admin = await kit.member(tenant, ['tenant_admin']);
    const course = await kit.published(tenant);
    const closesAt = new Date(Date.now() + HOUR);
    await kit.settings(admin, course.courseId, { capacity: 1, waitlistEnabled: true, opensAt: new Date(Date.now() - HOUR).toISOString(), closesAt: closesAt.toISOString() });
    const [holder, waiter] = await Promise.all([kit.member(tenant), kit.member(tenant)]);
    const seat = await enrolled(holder, course.courseId);
    const waiting = await enrolled(waiter, course.courseId);
    await expireDue(kit.platform, new Date(closesAt.getTime() - 1000));
    expect(await statusOf(waiter, waiting)).toBe('waitlisted');
    await expireDue(kit.platform, new Date(closesAt.getTime() + 1000));
    expect(await statusOf(waiter, waiting)).toBe('expired');
    expect(await statusOf(holder, seat)).toBe('active');
  });
});
