import { randomUUID } from 'node:crypto';
import type { TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enrollment, MyCourse, Progress, RosterEntry } from '../src/index.js';
import { expectProblem, POLL, startEnrollmentKit, type CourseFixture, type EnrollmentKit } from './support/enrollment-kit.js';

let kit: EnrollmentKit;
let tenant: TestTenant;

beforeAll(async () => {
  kit = await startEnrollmentKit();
  tenant = await kit.tenant();
});

afterAll(async () => {
  await kit?.close();
});

async function enrolled(course: CourseFixture): Promise<{ student: TestTenant; enrollment: Enrollment }> {
  const student = await kit.member(tenant);
  const response = await kit.enroll(student, course.courseId);
  expect(response.statusCode, response.body).toBe(201);
  return { student, enrollment: response.json<Enrollment>() };
}

function lesson(who: TestTenant, enrollmentId: string, lessonId: string, action: 'start' | 'complete', secondsSpent?: number) {
  return kit.request(who, 'POST', `/enrollments/${enrollmentId}/lessons/${lessonId}/${action}`, secondsSpent === undefined ? {} : { secondsSpent });
}

describe('progress', () => {
  it('tracks lessons, time, resume point and percentages per module and course, then completes the enrollment', async () => {
    const course = await kit.published(tenant, { lessonsPerModule: [2, 1] });
    const { student, enrollment } = await enrolled(course);
    const [l1, l2, l3] = course.lessonIds as [string, string, string];

    const fresh = (await kit.request(student, 'GET', `/enrollments/${enrollment.id}/progress`)).json<Progress>();
    expect(fresh).toMatchObject({ percent: 0, completedLessons: 0, totalLessons: 3, secondsSpent: 0, resumeLessonId: null, status: 'active' });
    expect(fresh.lessons.map((l) => l.lessonId)).toEqual([l1, l2, l3]);

    const started = await lesson(student, enrollment.id, l1, 'start', 30);
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json<Progress>()).toMatchObject({ resumeLessonId: l1, secondsSpent: 30, percent: 0 });

    const done = (await lesson(student, enrollment.id, l1, 'complete', 90)).json<Progress>();
    expect(done).toMatchObject({ completedLessons: 1, percent: 33, secondsSpent: 120 });
    expect(done.modules.map((m) => [m.completedLessons, m.totalLessons, m.percent])).toEqual([[1, 2, 50], [0, 1, 0]]);

    // Completing again changes nothing and emits nothing new.
    expect((await lesson(student, enrollment.id, l1, 'complete')).json<Progress>()).toMatchObject({ completedLessons: 1, secondsSpent: 120 });

    await lesson(student, enrollment.id, l3, 'complete', 10);
    const almost = (await lesson(student, enrollment.id, l2, 'start')).json<Progress>();
    expect(almost).toMatchObject({ resumeLessonId: l2, percent: 66, status: 'active' });
    expect(almost.modules.map((m) => m.percent)).toEqual([50, 100]);

    const finished = (await lesson(student, enrollment.id, l2, 'complete', 5)).json<Progress>();
    expect(finished).toMatchObject({ percent: 100, completedLessons: 3, status: 'completed', secondsSpent: 135 });
    expect((await kit.request(student, 'GET', `/enrollments/${enrollment.id}`)).json<Enrollment>()).toMatchObject({ status: 'completed', completedAt: expect.any(String) });

    const names = () => kit.observed.filter((e) => e.subject === enrollment.id).map((e) => e.type.replace(/^tessera\./, ''));
    await expect.poll(() => names().filter((n) => n === 'enrollment.lesson.completed').length, POLL).toBe(3);
    await expect.poll(() => names(), POLL).toContain('enrollment.enrollment.completed');
    const lessonEvent = kit.observed.find((e) => e.subject === enrollment.id && e.type.endsWith('lesson.completed') && (e.data as { lessonId: string }).lessonId === l1);
    expect(lessonEvent?.data).toMatchObject({ enrollmentId: enrollment.id, courseId: course.courseId, courseVersion: 1, lessonId: l1, userId: student.subject });

    // A completed enrollment may still be revisited, but not cancelled.
    expect((await lesson(student, enrollment.id, l1, 'start')).statusCode).toBe(200);
    expectProblem(await kit.request(student, 'POST', `/enrollments/${enrollment.id}/cancel`), 409, 'ENROLLMENT.ILLEGAL_TRANSITION');
  });

  it('bounds reported time and refuses lessons of other courses or versions', async () => {
    const course = await kit.published(tenant, { lessonsPerModule: [1] });
    const { student, enrollment } = await enrolled(course);
    const lessonId = course.lessonIds[0]!;
    expectProblem(await lesson(student, enrollment.id, lessonId, 'start', 4 * 3600 + 1), 400);
    expectProblem(await lesson(student, enrollment.id, lessonId, 'start', -5), 400);
    expectProblem(await kit.request(student, 'POST', `/enrollments/${enrollment.id}/lessons/${lessonId}/start`, { secondsSpent: '10' }), 400);
    for (let i = 0; i < 7; i++) await lesson(student, enrollment.id, lessonId, 'start', 4 * 3600);
    expect((await kit.request(student, 'GET', `/enrollments/${enrollment.id}/progress`)).json<Progress>().secondsSpent).toBe(24 * 3600);

    const other = await kit.published(tenant);
    expectProblem(await lesson(student, enrollment.id, other.lessonIds[0]!, 'start'), 404, 'ENROLLMENT.LESSON_NOT_FOUND');
    expectProblem(await lesson(student, enrollment.id, randomUUID(), 'complete'), 404, 'ENROLLMENT.LESSON_NOT_FOUND');
  });

  it('lets only the student record progress; a pending payment cannot', async () => {
    const course = await kit.published(tenant);
    const { enrollment } = await enrolled(course);
    const classmate = await kit.member(tenant);
    expectProblem(await lesson(classmate, enrollment.id, course.lessonIds[0]!, 'start'), 404, 'ENROLLMENT.NOT_FOUND');
    const instructor = await kit.member(tenant, ['instructor']);
    expectProblem(await lesson(instructor, enrollment.id, course.lessonIds[0]!, 'start'), 403, 'AUTH.NOT_OWNER');
    expect((await kit.request(instructor, 'GET', `/enrollments/${enrollment.id}/progress`)).statusCode).toBe(200);

    const paid = await kit.published(tenant, { priceRef: 'price_9' });
    const { student, enrollment: pending } = await enrolled(paid);
    const refused = expectProblem(await lesson(student, pending.id, paid.lessonIds[0]!, 'start'), 409, 'ENROLLMENT.NOT_ACTIVE');
    expect(refused.currentStatus).toBe('pending_payment');
  });
});

describe('my courses and the roster', () => {
  it('shows a student their courses with progress, and staff the roster with everyone\'s', async () => {
    const course = await kit.published(tenant, { lessonsPerModule: [2, 2] });
    const other = await kit.published(tenant);
    const { student, enrollment } = await enrolled(course);
    await kit.enroll(student, other.courseId);
    await lesson(student, enrollment.id, course.lessonIds[0]!, 'complete', 60);
    const others = await Promise.all([enrolled(course), enrolled(course), enrolled(course)]);

    const mine = (await kit.request(student, 'GET', '/me/courses')).json<{ items: MyCourse[]; nextCursor: string | null }>();
    expect(mine.items).toHaveLength(2);
    expect(mine.items.find((c) => c.courseId === course.courseId)).toMatchObject({
      enrollmentId: enrollment.id, title: course.payload.title, status: 'active', completedLessons: 1, totalLessons: 4, percent: 25,
      secondsSpent: 60, resumeLessonId: course.lessonIds[0], lastActivityAt: expect.any(String),
    });
    const onlyActive = (await kit.request(student, 'GET', '/me/courses?status=completed')).json<{ items: MyCourse[] }>();
    expect(onlyActive.items).toEqual([]);

    expectProblem(await kit.request(student, 'GET', `/courses/${course.courseId}/roster`), 403);
    const tutor = await kit.member(tenant, ['tutor']);
    const pages: RosterEntry[][] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 5; i++) {
      const body: { items: RosterEntry[]; nextCursor: string | null } = (await kit.request(tutor, 'GET', `/courses/${course.courseId}/roster?limit=3${cursor ? `&cursor=${cursor}` : ''}`))
        .json<{ items: RosterEntry[]; nextCursor: string | null }>();
      pages.push(body.items);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(pages.map((p) => p.length)).toEqual([3, 1]);
    const roster = pages.flat();
    expect(roster.map((r) => r.userId).sort()).toEqual([student.subject, ...others.map((o) => o.student.subject)].sort());
    expect(roster.find((r) => r.userId === student.subject)).toMatchObject({
      status: 'active', percent: 25, completedLessons: 1, totalLessons: 4,
      name: `User ${student.subject.slice(0, 8)}`, email: `${student.subject.slice(0, 8)}@example.test`,
    });
    expectProblem(await kit.request(tutor, 'GET', `/courses/${randomUUID()}/roster`), 404, 'ENROLLMENT.COURSE_NOT_FOUND');
  });
});
