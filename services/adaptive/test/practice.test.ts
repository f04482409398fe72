import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestTenant } from '@tessera/platform/testing';
import { expectProblem, startAdaptiveKit, type AdaptiveKit } from './support/adaptive-kit.js';

describe('adaptive practice', () => {
  let kit: AdaptiveKit;
  let tenant: TestTenant;
  let student: TestTenant;
  let skills: Record<string, string>;
  let courseId: string;

  beforeAll(async () => {
    kit = await startAdaptiveKit();
    tenant = await kit.tenant();
    skills = await kit.skills(tenant, [{ name: 'Counting' }, { name: 'Addition', requires: ['Counting'] }]);
    courseId = await kit.course(tenant, [skills.Counting!, skills.Addition!]);
    for (let i = 0; i < 4; i += 1) {
      await kit.item(tenant, [skills.Counting!], { courseId });
      await kit.item(tenant, [skills.Addition!], { courseId });
    }
    student = await kit.member(tenant);
    await kit.enroll(tenant, courseId, student.subject);
  });

  afterAll(async () => kit?.close());

  it('offers a prerequisite first, with the reason in words and a predicted chance of success', async () => {
    const response = await kit.request(student, 'GET', `/adaptive/next?courseId=${courseId}`);
    expect(response.statusCode, response.body).toBe(200);
    const next = response.json();
    expect(next.skill.name).toBe('Counting');
    expect(next.reason.code).toBe('prerequisite');
    expect(next.reason.text).toBe('Prerequisite of Addition: Counting');
    expect(next.predictedSuccess).toBeGreaterThan(0);
    expect(next.predictedSuccess).toBeLessThan(1);
    expect(next.item.type).toBe('true_false');
    expect(next.item).not.toHaveProperty('answer');
    expect(next.item.hints).toEqual(['<p>Think again</p>']);
  });

  it('grades an answer and moves mastery at once; the next item follows', async () => {
    const next = (await kit.request(student, 'GET', `/adaptive/next?courseId=${courseId}`)).json();
    const answered = await kit.answer(student, next.item.id, true, courseId);
    expect(answered.statusCode, answered.body).toBe(200);
    const result = answered.json();
    expect(result.correct).toBe(true);
    expect(result.mastery[0].skill.name).toBe('Counting');
    expect(result.mastery[0].after).toBeGreaterThan(result.mastery[0].before);
    const mastery = (await kit.request(student, 'GET', `/adaptive/mastery?courseId=${courseId}`)).json();
    const counting = mastery.skills.find((entry: { skill: { name: string } }) => entry.skill.name === 'Counting');
    expect(counting.pKnown).toBeCloseTo(result.mastery[0].after, 3);
    expect(counting.attempts).toBe(1);
  });

  it('moves on to the dependent skill once the prerequisite is mastered', async () => {
    for (let i = 0; i < 12; i += 1) {
      const next = (await kit.request(student, 'GET', `/adaptive/next?courseId=${courseId}`)).json();
      if (next.skill?.name !== 'Counting') break;
      expect((await kit.answer(student, next.item.id, true, courseId)).statusCode).toBe(200);
    }
    const next = (await kit.request(student, 'GET', `/adaptive/next?courseId=${courseId}`)).json();
    expect(next.skill.name).toBe('Addition');
  });

  it('refuses a response of the wrong shape with a problem, recording nothing', async () => {
    const next = (await kit.request(student, 'GET', `/adaptive/next?courseId=${courseId}`)).json();
    const before = (await kit.request(student, 'GET', `/adaptive/mastery?courseId=${courseId}`)).json();
    const bad = await kit.request(student, 'POST', '/adaptive/practice/answers', { itemId: next.item.id, response: { type: 'true_false', value: 'yes' } });
    expectProblem(bad, 400, 'ADAPTIVE.RESPONSE_INVALID');
    const after = (await kit.request(student, 'GET', `/adaptive/mastery?courseId=${courseId}`)).json();
    expect(after).toEqual(before);
  });

  it('hides courses the student is not enrolled in', async () => {
    const stranger = await kit.member(tenant);
    expectProblem(await kit.request(stranger, 'GET', `/adaptive/next?courseId=${courseId}`), 404, 'ADAPTIVE.COURSE_NOT_FOUND');
    const itemId = (await kit.request(student, 'GET', `/adaptive/next?courseId=${courseId}`)).json().item.id;
    expectProblem(await kit.answer(stranger, itemId, true), 404, 'ADAPTIVE.ITEM_NOT_FOUND');
  });
});
