import { randomUUID } from 'node:crypto';
import { DEMO_COURSE_ID } from '@tessera/catalog';
import { DEMO_TENANT_ID } from '@tessera/identity';
import type { TestTenant } from '@tessera/platform/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fulfilPlans, planEnrollment } from '../src/app/planned-enrollments.js';
import { enrollmentService, type MyCourse } from '../src/index.js';
import { POLL, startEnrollmentKit, type EnrollmentKit } from './support/enrollment-kit.js';

let kit: EnrollmentKit;
let demo: TestTenant;

beforeAll(async () => {
  kit = await startEnrollmentKit();
  await kit.platform.tenants.save({ id: DEMO_TENANT_ID, slug: 'demo', tier: 'standard', status: 'active', databaseName: null });
  demo = { tenantId: DEMO_TENANT_ID, subject: randomUUID(), authorization: '' };
});

afterAll(async () => {
  await kit?.close();
});

async function signedIn(tenantId: string, subject: string): Promise<TestTenant> {
  const token = await kit.platform.tokens.issue({ subject, tenantId, roles: ['student'] });
  return { tenantId, subject, authorization: `Bearer ${token}` };
}

async function myCourses(who: TestTenant): Promise<MyCourse[]> {
  const response = await kit.request(who, 'GET', '/me/courses');
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: MyCourse[] }>().items;
}

const plansOf = (tenantId: string) => kit.platform.db.withTenant(tenantId, async (tx) =>
  (await sql<{ n: number }>`select count(*)::int as n from enrollment.planned_enrollments`.execute(tx)).rows[0]?.n ?? 0);

describe('demo seed', () => {
  it('enrolls the demo student in the demo course with a lesson done once identity\'s and catalog\'s events arrive, whatever runs first', async () => {
    // Seeding runs before the relay and the consumers start: nothing is known yet, so the enrollment waits.
    await enrollmentService.seedDemo!(kit.platform);
    // The tour course and the practice course.
    expect(await plansOf(DEMO_TENANT_ID)).toBe(2);

    const studentId = await kit.user(demo, { email: 'Student@Demo.Tessera.localhost' });
    expect(await plansOf(DEMO_TENANT_ID)).toBe(2);
    const course = kit.course({ courseId: DEMO_COURSE_ID, lessonsPerModule: [2] });
    await kit.publishViaBus(demo, course);
    const student = await signedIn(DEMO_TENANT_ID, studentId);
    await expect.poll(async () => (await myCourses(student)).length, POLL).toBe(1);
    const [mine] = await myCourses(student);
    expect(mine).toMatchObject({ courseId: DEMO_COURSE_ID, title: course.payload.title, status: 'active', completedLessons: 1, totalLessons: 2, percent: 50,
      modules: [{ moduleId: course.modules[0]!.moduleId, title: 'Module 1' }] });
    // The practice course is not published in this test: its plan waits for it.
    expect(await plansOf(DEMO_TENANT_ID)).toBe(1);

    // Seeding again (every `npm start`) changes nothing, even after the student left the course.
    await kit.request(student, 'POST', `/enrollments/${mine!.enrollmentId}/cancel`);
    await enrollmentService.seedDemo!(kit.platform);
    expect((await myCourses(student)).map((c) => c.status)).toEqual(['cancelled']);
    expect(await plansOf(DEMO_TENANT_ID)).toBe(1);
  });

  it('carries a plan out at once when the user and the course are already known', async () => {
    const tenant = await kit.tenant();
    const course = await kit.published(tenant, { lessonsPerModule: [1, 2] });
    const userId = await kit.user(tenant, { email: 'early@example.test' });
    await planEnrollment(kit.platform, tenant.tenantId, { courseId: course.courseId, email: 'early@example.test', enrolledBy: randomUUID(), completedLessons: 2 });
    expect(await fulfilPlans(kit.platform, tenant.tenantId)).toBe(1);
    const [mine] = await myCourses(await signedIn(tenant.tenantId, userId));
    expect(mine).toMatchObject({ status: 'active', completedLessons: 2, totalLessons: 3, resumeLessonId: course.lessonIds[1] });
  });

  it('drops a plan the enrollment rules refuse instead of retrying it forever', async () => {
    const tenant = await kit.tenant();
    const admin = await kit.member(tenant, ['tenant_admin']);
    const course = await kit.published(tenant);
    await kit.settings(admin, course.courseId, { capacity: 0 });
    await kit.user(tenant, { email: 'late@example.test' });
    await planEnrollment(kit.platform, tenant.tenantId, { courseId: course.courseId, email: 'late@example.test', enrolledBy: randomUUID(), completedLessons: 0 });
    expect(await fulfilPlans(kit.platform, tenant.tenantId)).toBe(1);
    expect(await plansOf(tenant.tenantId)).toBe(0);
  });
});
