import { randomUUID } from 'node:crypto';
import type { TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enrollment } from '../src/index.js';
import { expectProblem, startEnrollmentKit, type EnrollmentKit } from './support/enrollment-kit.js';

interface ImportResult {
  enrolled: Enrollment[];
  errors: Array<{ line: number; userId: string | null; detail: string }>;
}

let kit: EnrollmentKit;
let tenant: TestTenant;
let instructor: TestTenant;

beforeAll(async () => {
  kit = await startEnrollmentKit();
  tenant = await kit.tenant();
  instructor = await kit.member(tenant, ['instructor']);
});

afterAll(async () => {
  await kit?.close();
});

describe('roster import', () => {
  it('enrolls the valid rows of a text/csv roster and reports the others with line and reason', async () => {
    const course = await kit.published(tenant, { priceRef: 'price_3' });
    const [a, b, c] = await Promise.all([kit.user(tenant), kit.user(tenant), kit.user(tenant)]);
    const already = await kit.member(tenant);
    await kit.enroll(already, course.courseId);
    const csv = [
      'name,userId', // other columns are ignored
      `Ann,${a}`,
      'Bob,not-a-uuid',
      `Cid,${b}`,
      '',
      `"Ann, again",${a}`,
      `Dee,${already.subject}`,
      'Eve,',
      `"Fay\nwith a line break",${c}`,
    ].join('\r\n');
    const response = await kit.request(instructor, 'POST', `/courses/${course.courseId}/roster/import`, csv);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<ImportResult>();
    expect(result.enrolled.map((e) => e.userId)).toEqual([a, b, c]);
    expect(result.enrolled.every((e) => e.status === 'active' && e.priceRef === null && e.enrolledBy === instructor.subject)).toBe(true);
    expect(result.errors.map((e) => [e.line, e.detail])).toEqual([
      [3, 'userId is not a user id (a UUID)'],
      [6, 'the same user is already on line 2'],
      [7, expect.stringContaining('already has an enrollment')],
      [8, 'no userId on this row'],
    ]);
  });

  it('accepts JSON {csv}, fills the seats, waitlists or refuses the rest', async () => {
    const course = await kit.published(tenant);
    await kit.settings(instructor, course.courseId, { capacity: 2 });
    const users = await Promise.all(Array.from({ length: 3 }, () => kit.user(tenant)));
    const result = (await kit.request(instructor, 'POST', `/courses/${course.courseId}/roster/import`, { csv: `userId\n${users.join('\n')}\n` })).json<ImportResult>();
    expect(result.enrolled).toHaveLength(2);
    expect(result.errors).toEqual([{ line: 4, userId: users[2], detail: expect.stringContaining('seat') }]);

    await kit.settings(instructor, course.courseId, { capacity: 2, waitlistEnabled: true });
    const more = (await kit.request(instructor, 'POST', `/courses/${course.courseId}/roster/import`, { csv: `userId\n${users[2]}` })).json<ImportResult>();
    expect(more.enrolled.map((e) => [e.status, e.waitlistPosition])).toEqual([['waitlisted', 1]]);
  });

  it('names users by userId or email (looked up case-insensitively) and reports unknown, deactivated and repeated users', async () => {
    const course = await kit.published(tenant);
    const [byId, byEmail, both, gone] = await Promise.all(['id', 'mail', 'both', 'gone'].map((name) => kit.user(tenant, { email: `${name}-${course.courseId.slice(0, 8)}@example.test` })));
    await kit.user(tenant, { userId: gone, event: 'deactivated', email: `gone-${course.courseId.slice(0, 8)}@example.test` });
    const tag = course.courseId.slice(0, 8);
    const csv = [
      'email,userId',
      `,${byId}`,
      ` MAIL-${tag}@Example.TEST ,`,
      `both-${tag}@example.test,${both}`,
      `nobody-${tag}@example.test,`,
      `gone-${tag}@example.test,`,
      `mail-${tag}@example.test,`,
      `,${randomUUID()}`,
      'not an email,',
      `id-${tag}@example.test,`,
    ].join('\n');
    const response = await kit.request(instructor, 'POST', `/courses/${course.courseId}/roster/import`, csv);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<ImportResult & { errors: Array<{ email?: string }> }>();
    expect(result.enrolled.map((e) => e.userId)).toEqual([byId, byEmail, both]);
    expect(result.errors.map((e) => [e.line, e.userId, e.detail])).toEqual([
      [5, null, 'no user with this email in the tenant'],
      [6, gone, expect.stringContaining('deactivated')],
      [7, byEmail, 'the same user is already on line 3'],
      [8, expect.any(String), expect.stringContaining('No user')],
      [9, null, 'email is not an email address'],
      [10, byId, 'the same user is already on line 2'],
    ]);
    expect(result.errors[0]?.email).toBe(`nobody-${tag}@example.test`);

    const onlyEmail = await kit.request(instructor, 'POST', `/courses/${course.courseId}/roster/import`, 'Email\n\nx@');
    expect(onlyEmail.json<ImportResult>().errors).toEqual([{ line: 3, userId: null, email: 'x@', detail: 'email is not an email address' }]);
    const blank = await kit.request(instructor, 'POST', `/courses/${course.courseId}/roster/import`, 'email,userId,name\n,,Ann');
    expect(blank.json<ImportResult>().errors).toEqual([{ line: 2, userId: null, detail: 'no userId or email on this row' }]);
  });

  it('refuses a whole file that is not a usable CSV with 400, students with 403, unknown courses with 404', async () => {
    const course = await kit.published(tenant);
    const url = `/courses/${course.courseId}/roster/import`;
    expectProblem(await kit.request(instructor, 'POST', url, 'name\nAnn'), 400, 'ENROLLMENT.CSV_INVALID');
    expectProblem(await kit.request(instructor, 'POST', url, `userId\n"${randomUUID()}`), 400, 'ENROLLMENT.CSV_INVALID');
    expectProblem(await kit.request(instructor, 'POST', url, { csv: `userId\n${Array.from({ length: 1001 }, () => randomUUID()).join('\n')}` }), 400, 'ENROLLMENT.CSV_TOO_MANY_ROWS');
    expectProblem(await kit.request(instructor, 'POST', url, { csv: '' }), 400);
    expectProblem(await kit.request(instructor, 'POST', url, { csv: 'userId', extra: 1 }), 400);
    expectProblem(await kit.request(instructor, 'POST', url, 'userId', { 'content-type': 'text/plain' }), 415);
    const student = await kit.member(tenant);
    expectProblem(await kit.request(student, 'POST', url, `userId\n${randomUUID()}`), 403);
    expectProblem(await kit.request(instructor, 'POST', `/courses/${randomUUID()}/roster/import`, `userId\n${randomUUID()}`), 404, 'ENROLLMENT.COURSE_NOT_FOUND');
  });
});
