import { randomUUID } from 'node:crypto';
import { validate } from '@readme/openapi-parser';
import type { TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enrollment, RosterEntry } from '../src/index.js';
import { expectProblem, startEnrollmentKit, type CourseFixture, type EnrollmentKit } from './support/enrollment-kit.js';

let kit: EnrollmentKit;
let tenantA: TestTenant;
let studentA: TestTenant;
let course: CourseFixture;
let enrollment: Enrollment;

beforeAll(async () => {
  kit = await startEnrollmentKit();
  tenantA = await kit.tenant();
  studentA = await kit.member(tenantA);
  course = await kit.published(tenantA);
  enrollment = (await kit.enroll(studentA, course.courseId)).json<Enrollment>();
});

afterAll(async () => {
  await kit?.close();
});

/** Every enrollment route that names an object of tenant A, as tenant B would call it. */
function routesNaming(courseId: string, enrollmentId: string, lessonId: string): Array<[method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown]> {
  return [
    ['POST', `/courses/${courseId}/enroll`, {}],
    ['GET', `/enrollments/${enrollmentId}`],
    ['POST', `/enrollments/${enrollmentId}/cancel`],
    ['GET', `/enrollments/${enrollmentId}/progress`],
    ['POST', `/enrollments/${enrollmentId}/lessons/${lessonId}/start`, {}],
    ['POST', `/enrollments/${enrollmentId}/lessons/${lessonId}/complete`, {}],
    ['GET', `/courses/${courseId}/enrollment-settings`],
    ['GET', `/courses/${courseId}/roster`],
    ['POST', `/courses/${courseId}/roster/import`, `userId\n${randomUUID()}`],
  ];
}

describe('tenant isolation', () => {
  it('answers 404 to another tenant\'s admin for every route naming tenant A\'s course or enrollment', async () => {
    const tenantB = await kit.tenant(['tenant_admin']);
    for (const [method, url, body] of routesNaming(course.courseId, enrollment.id, course.lessonIds[0]!)) {
      const response = await kit.request(tenantB, method, url, body);
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(404);
    }
    const put = await kit.request(tenantB, 'PUT', `/courses/${course.courseId}/enrollment-settings`,
      { capacity: 0, opensAt: null, closesAt: null, waitlistEnabled: false }, { 'if-match': '"1"' });
    expectProblem(put, 404, 'ENROLLMENT.COURSE_NOT_FOUND');
    // Nothing changed in A.
    expect((await kit.request(studentA, 'GET', `/enrollments/${enrollment.id}`)).json<Enrollment>()).toMatchObject({ status: 'active', version: 1 });
  });

  it('shows another tenant none of A\'s enrollments in lists, even for a course with the same id', async () => {
    const tenantB = await kit.tenant(['tenant_admin']);
    expect((await kit.request(tenantB, 'GET', '/enrollments')).json()).toEqual({ items: [], nextCursor: null });
    expect((await kit.request(tenantB, 'GET', '/me/courses')).json()).toEqual({ items: [], nextCursor: null });
    // Tenant B publishes a course under the very same id: it is B's own course, with B's own roster.
    await kit.deliver(tenantB, 'catalog.course.published', kit.course({ courseId: course.courseId }).payload);
    const roster = (await kit.request(tenantB, 'GET', `/courses/${course.courseId}/roster`)).json<{ items: RosterEntry[] }>();
    expect(roster.items).toEqual([]);
    const own = await kit.enroll(tenantB, course.courseId);
    expect(own.statusCode).toBe(201);
    const rosterA = (await kit.request(await kit.member(tenantA, ['instructor']), 'GET', `/courses/${course.courseId}/roster`)).json<{ items: RosterEntry[] }>();
    expect(rosterA.items.map((r) => r.userId)).toEqual([studentA.subject]);
  });

  it('requires a token on every route', async () => {
    for (const [method, url, body] of [...routesNaming(course.courseId, enrollment.id, course.lessonIds[0]!), ['GET', '/enrollments'], ['GET', '/me/courses']] as const) {
      expectProblem(await kit.request(undefined, method, url, body), 401);
    }
  });
});

describe('API description', () => {
  it('documents the enrollment routes in a valid OpenAPI 3.1 document', async () => {
    const response = await kit.app.inject({ method: 'GET', url: '/openapi.json' });
    const doc = response.json<{ paths: Record<string, Record<string, { security?: unknown }>> }>();
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, JSON.stringify(result)).toBe(true);
    for (const path of ['/api/v1/courses/{courseId}/enroll', '/api/v1/enrollments/{enrollmentId}/cancel', '/api/v1/courses/{courseId}/roster/import',
      '/api/v1/enrollments/{enrollmentId}/lessons/{lessonId}/complete', '/api/v1/me/courses', '/api/v1/courses/{courseId}/enrollment-settings']) {
      expect(doc.paths[path], path).toBeDefined();
      for (const operation of Object.values(doc.paths[path] ?? {})) expect(operation.security, path).toEqual([{ bearer: [] }]);
    }
  });
});
