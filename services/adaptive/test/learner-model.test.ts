import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestTenant } from '@tessera/platform/testing';
import { announceDueReviews } from '../src/index.js';
import { expectProblem, startAdaptiveKit, type AdaptiveKit } from './support/adaptive-kit.js';

describe('learner models from exams, reviews and isolation', () => {
  let kit: AdaptiveKit;
  let tenant: TestTenant;
  let student: TestTenant;
  let instructor: TestTenant;
  let skills: Record<string, string>;
  let courseId: string;
  let itemIds: string[];

  beforeAll(async () => {
    kit = await startAdaptiveKit();
    tenant = await kit.tenant();
    skills = await kit.skills(tenant, [{ name: 'Fractions' }, { name: 'Decimals', requires: ['Fractions'] }]);
    courseId = await kit.course(tenant, [skills.Fractions!, skills.Decimals!]);
    itemIds = [];
    for (let i = 0; i < 3; i += 1) itemIds.push(await kit.item(tenant, [skills.Fractions!], { courseId }));
    for (let i = 0; i < 3; i += 1) itemIds.push(await kit.item(tenant, [skills.Decimals!], { courseId }));
    student = await kit.member(tenant);
    instructor = await kit.member(tenant, ['instructor']);
    await kit.enroll(tenant, courseId, student.subject);
  });

  afterAll(async () => kit?.close());

  function graded(submissionId: string, correct: boolean[]) {
    return {
      submissionId, attemptId: randomUUID(), examId: randomUUID(), examVersion: 1, courseId, userId: student.subject, status: 'graded',
      score: 1, maxScore: 3, passed: null, gradedAt: new Date().toISOString(), gradingRound: 1,
      items: correct.map((right, index) => ({ itemId: itemIds[index]!, itemVersion: 1, score: right ? 1 : 0, maxScore: 1, correct: right })),
    };
  }

  async function fractions(): Promise<{ pKnown: number; attempts: number }> {
    const mastery = (await kit.request(student, 'GET', `/adaptive/mastery?courseId=${courseId}`)).json();
    return mastery.skills.find((entry: { skill: { id: string } }) => entry.skill.id === skills.Fractions);
  }

  it('an exam\'s graded items move mastery once, however often the event is delivered, and announce a recommendation', async () => {
    const before = await fractions();
    const event = graded(randomUUID(), [true, true, false]);
    const eventId = randomUUID();
    await kit.deliver(tenant, 'assessment.submission.graded', event, { id: eventId });
    const after = await fractions();
    expect(after.attempts).toBe(before.attempts + 3);
    await kit.deliver(tenant, 'assessment.submission.graded', event, { id: eventId });
    await kit.deliver(tenant, 'assessment.submission.graded', event);
    expect(await fractions()).toEqual(after);
    const announced = await kit.platform.db.withSystem(async (tx) =>
      (await sql<{ n: number }>`select count(*)::int as n from platform.outbox where tenant_id = ${tenant.tenantId} and event->>'type' = 'tessera.adaptive.recommendation.ready'`.execute(tx)).rows[0]!.n);
    expect(announced).toBe(1);
  });

  it('skips items still waiting for a person', async () => {
    const before = await fractions();
    const event = graded(randomUUID(), [true]);
    event.items[0]!.correct = null as unknown as boolean;
    await kit.deliver(tenant, 'assessment.submission.graded', event);
    expect(await fractions()).toEqual(before);
  });

  it('plans reviews of mastered skills and announces each due time once', async () => {
    for (let i = 0; i < 15; i += 1) await kit.answer(student, itemIds[i % 3]!, true, courseId);
    const mastery = (await kit.request(student, 'GET', `/adaptive/mastery?courseId=${courseId}`)).json();
    const entry = mastery.skills.find((row: { skill: { id: string } }) => row.skill.id === skills.Fractions);
    expect(entry.mastered).toBe(true);
    expect(entry.reviewDueAt).not.toBeNull();
    const later = new Date(Date.parse(entry.reviewDueAt) + 1_000);
    const deps = { db: kit.platform.db, outbox: kit.platform.outbox, live: kit.platform.live, logger: kit.platform.logger, tenantDatabases: kit.platform.tenantDatabases, models: undefined as never, random: Math.random };
    expect(await announceDueReviews(deps, later)).toBeGreaterThanOrEqual(1);
    expect(await announceDueReviews(deps, later)).toBe(0);
    const reviews = await kit.platform.db.withSystem(async (tx) =>
      (await sql<{ data: { skillName: string; dueAt: string } }>`select event->'data' as data from platform.outbox where tenant_id = ${tenant.tenantId} and event->>'type' = 'tessera.adaptive.review.due'`.execute(tx)).rows);
    expect(reviews.map((row) => row.data.skillName)).toContain('Fractions');
  });

  it('switches a student to SM-2 on request', async () => {
    expect((await kit.request(student, 'GET', '/adaptive/settings')).json()).toEqual({ scheduler: 'fsrs' });
    expect((await kit.request(student, 'PUT', '/adaptive/settings', { scheduler: 'sm2' })).json()).toEqual({ scheduler: 'sm2' });
    const answered = (await kit.answer(student, itemIds[0]!, true, courseId)).json();
    const due = Date.parse(answered.reviews[0].dueAt);
    expect(Math.round((due - Date.now()) / 86_400_000)).toBeGreaterThanOrEqual(1);
    expectProblem(await kit.request(student, 'PUT', '/adaptive/settings', { scheduler: 'leitner' }), 400);
  });

  it('explains predictions; students see only their own, staff anyone\'s in the tenant', async () => {
    const own = await kit.request(student, 'GET', `/adaptive/predictions?itemId=${itemIds[3]}`);
    expect(own.statusCode, own.body).toBe(200);
    const body = own.json();
    expect(body.pCorrect).toBeGreaterThan(0);
    expect(body.contributions.map((part: { label: string }) => part.label)).toContain('mastery of the skill');
    const classmate = await kit.member(tenant);
    expectProblem(await kit.request(classmate, 'GET', `/adaptive/predictions?itemId=${itemIds[3]}&userId=${student.subject}`), 404, 'ADAPTIVE.USER_NOT_FOUND');
    const staff = await kit.request(instructor, 'GET', `/adaptive/predictions?itemId=${itemIds[3]}&userId=${student.subject}`);
    expect(staff.json().pCorrect).toBe(body.pCorrect);
  });

  it('shows instructors the class heat map, who is at risk and the items that misfit', async () => {
    const heat = (await kit.request(instructor, 'GET', `/adaptive/courses/${courseId}/mastery`)).json();
    expect(heat.skills.map((skill: { name: string }) => skill.name)).toEqual(['Fractions', 'Decimals']);
    const row = heat.students.find((entry: { userId: string }) => entry.userId === student.subject);
    expect(row.mastery[0]).toBeGreaterThan(0.9);
    const risk = (await kit.request(instructor, 'GET', `/adaptive/courses/${courseId}/at-risk?threshold=0.99`)).json();
    expect(risk.items.map((entry: { userId: string }) => entry.userId)).toContain(student.subject);
    const fit = await kit.request(instructor, 'GET', `/adaptive/courses/${courseId}/item-fit`);
    expect(fit.statusCode, fit.body).toBe(200);
    expect(fit.json().items.length).toBeGreaterThan(0);
    expectProblem(await kit.request(student, 'GET', `/adaptive/courses/${courseId}/mastery`), 403);
  });

  it('predicts who will struggle on the course\'s next exam from the items that exam may ask', async () => {
    const publish = (title: string, items: string[], closesInDays: number, version = 1) => {
      const examId = randomUUID();
      return kit.deliver(tenant, 'assessment.exam.published', {
        examId, courseId, version, title, category: 'exam', opensAt: null, closesAt: new Date(Date.now() + closesInDays * 86_400_000).toISOString(),
        adaptive: false, itemIds: items, publishedAt: new Date().toISOString(),
      }).then(() => examId);
    };
    await publish('Closed quiz', itemIds.slice(0, 3), -1);
    const decimalsExam = await publish('Decimals test', itemIds.slice(3), 1);
    const fractionsExam = await publish('Fractions test', itemIds.slice(0, 3), 2);
    const risk = async (query: string) => {
      const response = await kit.request(instructor, 'GET', `/adaptive/courses/${courseId}/at-risk?threshold=0.999${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ exam: { id: string; title: string } | null; items: Array<{ userId: string; expectedScore: number }> }>();
    };
    const next = await risk('');
    // The next exam is the open one closing soonest: not the closed quiz.
    expect(next.exam).toMatchObject({ id: decimalsExam, title: 'Decimals test' });
    const onFractions = await risk(`&examId=${fractionsExam}`);
    expect(onFractions.exam!.id).toBe(fractionsExam);
    const scoreOf = (body: typeof next) => body.items.find((entry) => entry.userId === student.subject)!.expectedScore;
    // The student mastered Fractions, not Decimals: the Decimals test is the one to worry about.
    expect(scoreOf(next)).toBeLessThan(scoreOf(onFractions));
    expectProblem(await kit.request(instructor, 'GET', `/adaptive/courses/${courseId}/at-risk?examId=${randomUUID()}`), 404, 'ADAPTIVE.EXAM_NOT_FOUND');
    expectProblem(await kit.request(instructor, 'GET', `/adaptive/courses/${courseId}/at-risk?examId=not-a-uuid`), 400);
    // Another tenant's instructor sees neither the course nor its exams.
    const stranger = await kit.member(await kit.tenant(), ['instructor']);
    expectProblem(await kit.request(stranger, 'GET', `/adaptive/courses/${courseId}/at-risk?examId=${decimalsExam}`), 404);
  });

  it('changes a course\'s target band with If-Match, refusing stale or inverted settings', async () => {
    const current = await kit.request(instructor, 'GET', `/adaptive/courses/${courseId}/settings`);
    expect(current.json()).toMatchObject({ targetLow: 0.6, targetHigh: 0.85, masteryThreshold: 0.95 });
    const etag = String(current.headers.etag);
    expectProblem(await kit.request(instructor, 'PATCH', `/adaptive/courses/${courseId}/settings`, { targetLow: 0.9 }, { 'if-match': etag }), 400, 'ADAPTIVE.TARGET_BAND_INVALID');
    const changed = await kit.request(instructor, 'PATCH', `/adaptive/courses/${courseId}/settings`, { targetLow: 0.5, masteryThreshold: 0.9 }, { 'if-match': etag });
    expect(changed.json()).toMatchObject({ targetLow: 0.5, targetHigh: 0.85, masteryThreshold: 0.9 });
    expectProblem(await kit.request(instructor, 'PATCH', `/adaptive/courses/${courseId}/settings`, { targetLow: 0.55 }, { 'if-match': etag }), 412, 'ADAPTIVE.SETTINGS_CHANGED');
    expectProblem(await kit.request(instructor, 'PATCH', `/adaptive/courses/${courseId}/settings`, { targetLow: 0.55 }), 412);
  });

  it('runs an adaptive test to its end, answering only the item it asks', async () => {
    const started = await kit.request(student, 'POST', '/adaptive/tests', { courseId, maxItems: 4, targetSe: 0.1 });
    expect(started.statusCode, started.body).toBe(201);
    let session = started.json();
    expect(session.item).not.toHaveProperty('answer');
    expectProblem(await kit.request(student, 'POST', `/adaptive/tests/${session.id}/answers`, { itemId: randomUUID(), response: { type: 'true_false', value: true } }), 409, 'ADAPTIVE.NOT_CURRENT_ITEM');
    for (let step = 0; step < 4 && session.status === 'in_progress'; step += 1) {
      const answered = await kit.request(student, 'POST', `/adaptive/tests/${session.id}/answers`, { itemId: session.item.id, response: { type: 'true_false', value: true } });
      expect(answered.statusCode, answered.body).toBe(200);
      session = answered.json();
    }
    expect(session).toMatchObject({ status: 'finished', answered: 4, stopReason: 'max_items', lastCorrect: true });
    expect(session.theta).toBeGreaterThan(0);
    expectProblem(await kit.request(student, 'POST', `/adaptive/tests/${session.id}/answers`, { itemId: randomUUID(), response: null }), 409, 'ADAPTIVE.SESSION_FINISHED');
    const other = await kit.member(tenant);
    expectProblem(await kit.request(other, 'GET', `/adaptive/tests/${session.id}`), 404, 'ADAPTIVE.SESSION_NOT_FOUND');
  });

  it('keeps each tenant\'s models apart', async () => {
    const other = await kit.tenant();
    const outsider = await kit.member(other, ['tenant_admin']);
    await kit.skills(other, [{ name: 'Other skill' }]);
    expectProblem(await kit.request(outsider, 'GET', `/adaptive/next?courseId=${courseId}`), 404);
    expectProblem(await kit.request(outsider, 'GET', `/adaptive/courses/${courseId}/mastery`), 404);
    expectProblem(await kit.request(outsider, 'GET', `/adaptive/predictions?itemId=${itemIds[0]}&userId=${student.subject}`), 404);
    expectProblem(await kit.answer(outsider, itemIds[0]!, true), 404);
    expectProblem(await kit.request(outsider, 'GET', `/adaptive/next?skills=${skills.Fractions}`), 422, 'ADAPTIVE.UNKNOWN_SKILLS');
    const theirs = (await kit.request(outsider, 'GET', '/adaptive/mastery')).json();
    expect(theirs.skills).toEqual([]);
  });
});
