import { randomUUID } from 'node:crypto';
import type { TestTenant } from '@tessera/platform/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enrollment, Progress } from '../src/index.js';
import { expectProblem, latestVersion, startEnrollmentKit, type EnrollmentKit } from './support/enrollment-kit.js';

let kit: EnrollmentKit;
let tenant: TestTenant;

beforeAll(async () => {
  kit = await startEnrollmentKit();
  tenant = await kit.tenant();
});

afterAll(async () => {
  await kit?.close();
});

const versionsOf = (courseId: string) => kit.platform.db.withTenant(tenant.tenantId, async (tx) =>
  (await sql<{ version: number }>`select version from enrollment.course_versions where course_id = ${courseId} order by version`.execute(tx)).rows.map((r) => r.version));

describe('read model of published courses', () => {
  it('learns courses from catalog.course.published over the bus; students keep the version they started', async () => {
    const v1 = kit.course({ lessonsPerModule: [2] });
    await kit.publishViaBus(tenant, v1);
    const early = await kit.member(tenant);
    const first = (await kit.enroll(early, v1.courseId)).json<Enrollment>();
    expect(first.courseVersion).toBe(1);

    const v2 = kit.course({ courseId: v1.courseId, version: 2, lessonsPerModule: [1, 1, 1] });
    await kit.publishViaBus(tenant, v2);
    const late = await kit.member(tenant);
    const second = (await kit.enroll(late, v1.courseId)).json<Enrollment>();
    expect(second.courseVersion).toBe(2);

    // The early student still learns version 1: its lessons count, version 2's are not theirs.
    const progress = (await kit.request(early, 'GET', `/enrollments/${first.id}/progress`)).json<Progress>();
    expect(progress).toMatchObject({ courseVersion: 1, totalLessons: 2 });
    expect(progress.lessons.map((l) => l.lessonId)).toEqual(v1.lessonIds);
    expectProblem(await kit.request(early, 'POST', `/enrollments/${first.id}/lessons/${v2.lessonIds[0]}/start`, {}), 404, 'ENROLLMENT.LESSON_NOT_FOUND');
    expect((await kit.request(late, 'GET', `/enrollments/${second.id}/progress`)).json<Progress>().totalLessons).toBe(3);
  });

  it('takes each event once however often it is delivered, and versions in any order', async () => {
    const v3 = kit.course({ version: 3 });
    const courseId = v3.courseId;
    const event = await kit.deliver(tenant, 'catalog.course.published', v3.payload);
    const registration = (await import('../src/index.js')).enrollmentService.consumers!(kit.platform)[0]!;
    await Promise.all([registration.handler(event, { attempt: 2, subject: 'x' }), registration.handler(event, { attempt: 3, subject: 'x' })]);
    // The same version again under a new event id (catalog re-emitting) changes nothing either.
    await kit.deliver(tenant, 'catalog.course.published', { ...v3.payload, title: 'changed?' });
    // An older version arriving late is kept (someone may be on it) but does not become the latest.
    await kit.deliver(tenant, 'catalog.course.published', kit.course({ courseId, version: 2 }).payload);
    expect(await versionsOf(courseId)).toEqual([2, 3]);
    expect(await latestVersion(kit.platform, tenant, courseId)).toBe(3);
    const student = await kit.member(tenant);
    expect((await kit.enroll(student, courseId)).json<Enrollment>().courseVersion).toBe(3);
    const title = await kit.platform.db.withTenant(tenant.tenantId, async (tx) =>
      (await sql<{ title: string }>`select title from enrollment.course_versions where course_id = ${courseId} and version = 3`.execute(tx)).rows[0]?.title);
    expect(title).toBe(v3.payload.title);
  });

  it('closes an archived course to new enrollments until a newer version is published, even out of order', async () => {
    const courseId = randomUUID();
    // Archive arrives before the publication it follows.
    await kit.deliver(tenant, 'catalog.course.archived', { courseId, version: 1, archivedAt: new Date().toISOString() });
    await kit.deliver(tenant, 'catalog.course.published', kit.course({ courseId, version: 1 }).payload);
    const student = await kit.member(tenant);
    expectProblem(await kit.enroll(student, courseId), 422, 'ENROLLMENT.COURSE_ARCHIVED');
    await kit.deliver(tenant, 'catalog.course.published', kit.course({ courseId, version: 2 }).payload);
    expect((await kit.enroll(student, courseId)).statusCode).toBe(201);
  });

  it('refuses a malformed payload (so it is retried, then dead-lettered) and writes nothing', async () => {
    const course = kit.course();
    await expect(kit.deliver(tenant, 'catalog.course.published', { ...course.payload, modules: 'nope' })).rejects.toThrow(/unexpected payload/);
    expect(await latestVersion(kit.platform, tenant, course.courseId)).toBe(0);
  });
});
