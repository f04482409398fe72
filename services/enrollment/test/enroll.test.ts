import { randomUUID } from 'node:crypto';
import type { TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activatePaid, expireOverduePayments, type Enrollment, type EnrollmentSettings } from '../src/index.js';
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

const enrollmentOf = (response: { json: <T>() => T }) => response.json<Enrollment>();
const eventsOf = (enrollmentId: string) => kit.observed.filter((event) => event.subject === enrollmentId).map((event) => event.type.replace(/^tessera\./, ''));

describe('enrolling', () => {
  it('activates a free course at once, in the latest version, and announces it', async () => {
    const course = await kit.published(tenant);
    const student = await kit.member(tenant);
    const response = await kit.enroll(student, course.courseId);
    expect(response.statusCode, response.body).toBe(201);
    const enrollment = enrollmentOf(response);
    expect(enrollment).toMatchObject({ courseId: course.courseId, userId: student.subject, courseVersion: 1, status: 'active', priceRef: null, enrolledBy: null });
    expect(response.headers.location).toBe(`/api/v1/enrollments/${enrollment.id}`);
    const read = await kit.request(student, 'GET', `/enrollments/${enrollment.id}`);
    expect(read.json<Enrollment>()).toEqual(enrollment);
    await expect.poll(() => eventsOf(enrollment.id), POLL).toEqual(['enrollment.enrollment.requested', 'enrollment.enrollment.activated']);
    const activated = kit.observed.find((event) => event.subject === enrollment.id && event.type.endsWith('activated'));
    expect(activated?.data).toEqual({ enrollmentId: enrollment.id, courseId: course.courseId, userId: student.subject, courseVersion: 1, status: 'active', priceRef: null });
  });

  it('enrolls without a body too', async () => {
    const course = await kit.published(tenant);
    const student = await kit.member(tenant);
    const response = await kit.app.inject({ method: 'POST', url: `/api/v1/courses/${course.courseId}/enroll`, headers: { authorization: student.authorization } });
    expect(response.statusCode, response.body).toBe(201);
  });

  it('keeps a paid enrollment pending payment until billing activates it (no payment is faked)', async () => {
    const course = await kit.published(tenant, { priceRef: 'price_42' });
    const student = await kit.member(tenant);
    const enrollment = enrollmentOf(await kit.enroll(student, course.courseId));
    expect(enrollment).toMatchObject({ status: 'pending_payment', priceRef: 'price_42' });
    expect(Date.parse(enrollment.paymentDueAt ?? '')).toBeGreaterThan(Date.now());
    await expect.poll(() => eventsOf(enrollment.id), POLL).toEqual(['enrollment.enrollment.requested']);
    expect(kit.observed.find((event) => event.subject === enrollment.id)?.data).toMatchObject({ status: 'pending_payment', priceRef: 'price_42' });

    const active = await activatePaid(kit.platform, tenant.tenantId, enrollment.id);
    expect(active).toMatchObject({ status: 'active', paymentDueAt: null });
    await expect(activatePaid(kit.platform, tenant.tenantId, enrollment.id)).rejects.toMatchObject({ code: 'ENROLLMENT.ILLEGAL_TRANSITION', details: { currentStatus: 'active' } });
  });

  it('expires an unpaid enrollment after its due time, freeing the seat; paying then is refused', async () => {
    const course = await kit.published(tenant, { priceRef: 'price_7' });
    const student = await kit.member(tenant);
    const enrollment = enrollmentOf(await kit.enroll(student, course.courseId));
    const later = new Date(Date.parse(enrollment.paymentDueAt ?? '') + 1000);
    expect(await expireOverduePayments(kit.platform, tenant.tenantId, later)).toBeGreaterThanOrEqual(1);
    expect(enrollmentOf(await kit.request(student, 'GET', `/enrollments/${enrollment.id}`)).status).toBe('expired');
    await expect(activatePaid(kit.platform, tenant.tenantId, enrollment.id)).rejects.toMatchObject({ code: 'ENROLLMENT.ILLEGAL_TRANSITION', details: { currentStatus: 'expired' } });
    // Expired frees the student to try again.
    expect(enrollmentOf(await kit.enroll(student, course.courseId)).status).toBe('pending_payment');
  });

  it('refuses a second enrollment of the same student with 409 naming the existing one', async () => {
    const course = await kit.published(tenant);
    const student = await kit.member(tenant);
    const first = enrollmentOf(await kit.enroll(student, course.courseId));
    const again = expectProblem(await kit.enroll(student, course.courseId), 409, 'ENROLLMENT.ALREADY_ENROLLED');
    expect(again).toMatchObject({ enrollmentId: first.id, currentStatus: 'active' });
    // Concurrent duplicates: exactly one enrollment.
    const other = await kit.member(tenant);
    const racing = await Promise.all(Array.from({ length: 5 }, () => kit.enroll(other, course.courseId)));
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  it('refuses a course nobody published, and an archived one', async () => {
    const student = await kit.member(tenant);
    expectProblem(await kit.enroll(student, randomUUID()), 404, 'ENROLLMENT.COURSE_NOT_FOUND');
    const course = await kit.published(tenant);
    await kit.deliver(tenant, 'catalog.course.archived', { courseId: course.courseId, version: 1, archivedAt: new Date().toISOString() });
    expectProblem(await kit.enroll(student, course.courseId), 422, 'ENROLLMENT.COURSE_ARCHIVED');
    expectProblem(await kit.enroll(student, 'not-a-uuid'), 400);
  });

  it('lets staff enroll another user (complimentary, outside the window) and refuses students doing so', async () => {
    const course = await kit.published(tenant, { priceRef: 'price_1' });
    expect((await kit.settings(admin, course.courseId, { closesAt: new Date(Date.now() - 60_000).toISOString(), opensAt: new Date(Date.now() - 120_000).toISOString() })).statusCode).toBe(200);
    const student = await kit.member(tenant);
    const someone = await kit.user(tenant);
    expectProblem(await kit.enroll(student, course.courseId, someone), 403, 'AUTH.PERMISSION_REQUIRED');
    const instructor = await kit.member(tenant, ['instructor']);
    const granted = await kit.enroll(instructor, course.courseId, someone);
    expect(granted.statusCode, granted.body).toBe(201);
    expect(enrollmentOf(granted)).toMatchObject({ userId: someone, status: 'active', priceRef: null, enrolledBy: instructor.subject });
  });
});

describe('enrollment window', () => {
  it('refuses with 422 before the window opens and after it closes', async () => {
    const course = await kit.published(tenant);
    const student = await kit.member(tenant);
    const hour = 3_600_000;
    await kit.settings(admin, course.courseId, { opensAt: new Date(Date.now() + hour).toISOString(), closesAt: new Date(Date.now() + 2 * hour).toISOString() });
    const early = expectProblem(await kit.enroll(student, course.courseId), 422, 'ENROLLMENT.WINDOW_NOT_OPEN');
    expect(early.opensAt).toEqual(expect.any(String));
    await kit.settings(admin, course.courseId, { opensAt: new Date(Date.now() - 2 * hour).toISOString(), closesAt: new Date(Date.now() - hour).toISOString() });
    expectProblem(await kit.enroll(student, course.courseId), 422, 'ENROLLMENT.WINDOW_CLOSED');
    await kit.settings(admin, course.courseId, { opensAt: new Date(Date.now() - hour).toISOString(), closesAt: new Date(Date.now() + hour).toISOString() });
    expect((await kit.enroll(student, course.courseId)).statusCode).toBe(201);
  });

  it('validates settings: window order 422, stale If-Match 412, negative capacity 400, students 403', async () => {
    const course = await kit.published(tenant);
    expectProblem(await kit.settings(admin, course.courseId, { opensAt: '2030-01-02T00:00:00Z', closesAt: '2030-01-01T00:00:00Z' }), 422, 'ENROLLMENT.INVALID_WINDOW');
    expectProblem(await kit.settings(admin, course.courseId, { capacity: -1 }), 400);
    const ok = await kit.settings(admin, course.courseId, { capacity: 3 });
    expect(ok.json<EnrollmentSettings>()).toMatchObject({ capacity: 3, version: 2, seatsTaken: 0 });
    const body = { capacity: 4, opensAt: null, closesAt: null, waitlistEnabled: false };
    expectProblem(await kit.request(admin, 'PUT', `/courses/${course.courseId}/enrollment-settings`, body, { 'if-match': '"1"' }), 412, 'ENROLLMENT.SETTINGS_VERSION_MISMATCH');
    expectProblem(await kit.request(admin, 'PUT', `/courses/${course.courseId}/enrollment-settings`, body), 412, 'CONCURRENCY.IF_MATCH_REQUIRED');
    const student = await kit.member(tenant);
    expectProblem(await kit.request(student, 'PUT', `/courses/${course.courseId}/enrollment-settings`, body, { 'if-match': '"2"' }), 403);
    expectProblem(await kit.request(admin, 'GET', `/courses/${randomUUID()}/enrollment-settings`), 404, 'ENROLLMENT.COURSE_NOT_FOUND');
  });
});

describe('capacity and waitlist', () => {
  it('gives the last seat to exactly one of many students racing for it', async () => {
    const course = await kit.published(tenant);
    await kit.settings(admin, course.courseId, { capacity: 3 });
    const early = await Promise.all([kit.member(tenant), kit.member(tenant)]);
    for (const student of early) expect((await kit.enroll(student, course.courseId)).statusCode).toBe(201);
    const racers = await Promise.all(Array.from({ length: 12 }, () => kit.member(tenant)));
    const responses = await Promise.all(racers.map((student) => kit.enroll(student, course.courseId)));
    const won = responses.filter((r) => r.statusCode === 201);
    expect(won).toHaveLength(1);
    for (const lost of responses.filter((r) => r.statusCode !== 201)) expectProblem(lost, 409, 'ENROLLMENT.COURSE_FULL');
    const settings = (await kit.request(admin, 'GET', `/courses/${course.courseId}/enrollment-settings`)).json<EnrollmentSettings>();
    expect(settings).toMatchObject({ capacity: 3, seatsTaken: 3, waitlisted: 0 });
  });

  it('waitlists a full course in order and promotes the first waitlisted on a cancellation (FIFO), with events', async () => {
    const course = await kit.published(tenant);
    await kit.settings(admin, course.courseId, { capacity: 1, waitlistEnabled: true });
    const [holder, first, second, third] = await Promise.all([kit.member(tenant), kit.member(tenant), kit.member(tenant), kit.member(tenant)]);
    const seat = enrollmentOf(await kit.enroll(holder!, course.courseId));
    expect(seat.status).toBe('active');
    const waiting: Enrollment[] = [];
    for (const student of [first!, second!, third!]) waiting.push(enrollmentOf(await kit.enroll(student, course.courseId)));
    expect(waiting.map((e) => [e.status, e.waitlistPosition])).toEqual([['waitlisted', 1], ['waitlisted', 2], ['waitlisted', 3]]);

    // The second in line leaves: the others move up.
    expect(enrollmentOf(await kit.request(second!, 'POST', `/enrollments/${waiting[1]!.id}/cancel`)).status).toBe('cancelled');
    expect(enrollmentOf(await kit.request(third!, 'GET', `/enrollments/${waiting[2]!.id}`)).waitlistPosition).toBe(2);

    // The seat holder leaves: the first waitlisted gets the seat in the same transaction.
    const cancelled = await kit.request(holder!, 'POST', `/enrollments/${seat.id}/cancel`);
    expect(enrollmentOf(cancelled).status).toBe('cancelled');
    expect(enrollmentOf(await kit.request(first!, 'GET', `/enrollments/${waiting[0]!.id}`))).toMatchObject({ status: 'active', waitlistPosition: null });
    expect(enrollmentOf(await kit.request(third!, 'GET', `/enrollments/${waiting[2]!.id}`))).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    await expect.poll(() => eventsOf(waiting[0]!.id), POLL).toEqual(['enrollment.enrollment.requested', 'enrollment.enrollment.waitlisted', 'enrollment.enrollment.activated']);
    await expect.poll(() => eventsOf(seat.id), POLL).toContain('enrollment.enrollment.cancelled');

    // Raising the capacity promotes the rest at once.
    const raised = await kit.settings(admin, course.courseId, { capacity: 5, waitlistEnabled: true });
    expect(raised.json<EnrollmentSettings>()).toMatchObject({ seatsTaken: 2, waitlisted: 0 });
    expect(enrollmentOf(await kit.request(third!, 'GET', `/enrollments/${waiting[2]!.id}`)).status).toBe('active');
  });

  it('waitlists concurrent requests with distinct, gap-free positions', async () => {
    const course = await kit.published(tenant);
    await kit.settings(admin, course.courseId, { capacity: 1, waitlistEnabled: true });
    const students = await Promise.all(Array.from({ length: 8 }, () => kit.member(tenant)));
    const responses = await Promise.all(students.map((student) => kit.enroll(student, course.courseId)));
    const enrollments = responses.map((r) => enrollmentOf(r));
    expect(enrollments.filter((e) => e.status === 'active')).toHaveLength(1);
    expect(enrollments.flatMap((e) => (e.waitlistPosition === null ? [] : [e.waitlistPosition])).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('state machine', () => {
  it('refuses illegal transitions with 409 and the current status', async () => {
    const course = await kit.published(tenant);
    const student = await kit.member(tenant);
    const enrollment = enrollmentOf(await kit.enroll(student, course.courseId));
    expect((await kit.request(student, 'POST', `/enrollments/${enrollment.id}/cancel`)).statusCode).toBe(200);
    const twice = expectProblem(await kit.request(student, 'POST', `/enrollments/${enrollment.id}/cancel`), 409, 'ENROLLMENT.ILLEGAL_TRANSITION');
    expect(twice).toMatchObject({ currentStatus: 'cancelled', requestedStatus: 'cancelled' });
    await expect(activatePaid(kit.platform, tenant.tenantId, enrollment.id)).rejects.toMatchObject({ code: 'ENROLLMENT.ILLEGAL_TRANSITION' });
    expectProblem(await kit.request(student, 'POST', `/enrollments/${enrollment.id}/lessons/${course.lessonIds[0]}/start`, {}), 409, 'ENROLLMENT.NOT_ACTIVE');
    // After a cancellation the student may enroll again.
    expect(enrollmentOf(await kit.enroll(student, course.courseId)).status).toBe('active');
  });

  it('lets staff cancel anyone\'s enrollment, tutors only read it, other students not even see it', async () => {
    const course = await kit.published(tenant);
    const student = await kit.member(tenant);
    const enrollment = enrollmentOf(await kit.enroll(student, course.courseId));
    const classmate = await kit.member(tenant);
    expectProblem(await kit.request(classmate, 'GET', `/enrollments/${enrollment.id}`), 404, 'ENROLLMENT.NOT_FOUND');
    expectProblem(await kit.request(classmate, 'POST', `/enrollments/${enrollment.id}/cancel`), 404, 'ENROLLMENT.NOT_FOUND');
    expectProblem(await kit.request(classmate, 'GET', `/enrollments/${enrollment.id}/progress`), 404, 'ENROLLMENT.NOT_FOUND');
    const tutor = await kit.member(tenant, ['tutor']);
    expect((await kit.request(tutor, 'GET', `/enrollments/${enrollment.id}`)).statusCode).toBe(200);
    expectProblem(await kit.request(tutor, 'POST', `/enrollments/${enrollment.id}/cancel`), 403, 'AUTH.NOT_OWNER');
    const cancelled = await kit.request(admin, 'POST', `/enrollments/${enrollment.id}/cancel`);
    expect(enrollmentOf(cancelled).status).toBe('cancelled');
  });

  it('lists only the caller\'s own enrollments, paged', async () => {
    const student = await kit.member(tenant);
    const courses = await Promise.all([kit.published(tenant), kit.published(tenant), kit.published(tenant)]);
    for (const course of courses) await kit.enroll(student, course.courseId);
    await kit.enroll(await kit.member(tenant), courses[0]!.courseId);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const response = await kit.request(student, 'GET', `/enrollments?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const body = response.json<{ items: Enrollment[]; nextCursor: string | null }>();
      seen.push(...body.items.map((e) => e.courseId));
      expect(body.items.every((e) => e.userId === student.subject)).toBe(true);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen.sort()).toEqual(courses.map((c) => c.courseId).sort());
    expectProblem(await kit.request(student, 'GET', '/enrollments?cursor=garbage'), 400);
  });
});
