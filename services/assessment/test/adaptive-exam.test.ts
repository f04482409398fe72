import { randomUUID } from 'node:crypto';
import { testBackends, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { items, POLL, startAssessmentKit, type AssessmentKit } from './support/assessment-kit.js';

interface Slot { slot: string; item: { id: string; type: string }; answer: { seq: number } | null }
interface AttemptBody { id: string; slots: Slot[]; adaptive: { answered: number; maxItems: number; finished: boolean; stopReason: string | null } | null }
interface SubmissionBody { status: string; score: number | null; maxScore: number | null; percent: number | null; passed: boolean | null; ability: { theta: number; standardError: number } | null; items: Array<{ itemId: string; correct: boolean | null }> | null }

let kit: AssessmentKit;
let staff: TestTenant;
let student: TestTenant;
const courseId = randomUUID();
const skills = [randomUUID(), randomUUID()];
/** Each item's answer and 2PL difficulty, by item id. */
const bank = new Map<string, { value: number; b: number; skill: string }>();
let pool: string[];

/** A numeric item whose answer is `value`, of `skill`, with difficulty `b` (discrimination 1.5). */
async function numericItem(value: number, b: number, skill: string): Promise<string> {
  const id = await kit.item(staff, { type: 'numeric', title: `Item ${value}`, stem: `<p>${value}?</p>`, value, tolerance: { mode: 'absolute', amount: 0 } },
    { skills: [skill], parameters: { a: 1.5, b } });
  bank.set(id, { value, b, skill });
  return id;
}

beforeAll(async () => {
  kit = await startAssessmentKit();
  staff = await kit.tenant(['instructor']);
  student = await kit.member(staff, ['student']);
  pool = [];
  for (let k = 0; k < 12; k++) pool.push(await numericItem(k + 1, -2.75 + k * 0.5, skills[k % 2]!));
  await kit.course(staff, courseId);
  await kit.enrolled(staff, courseId, student.subject);
});

afterAll(async () => kit?.close());

const adaptiveExam = (stop: Record<string, number>, extra: Record<string, unknown> = {}) => kit.exam(staff, courseId, {
  sections: [{ kind: 'draw', count: 6, pool, points: 1 }], settings: { adaptive: true, adaptiveStop: stop, passingPercent: 50, ...extra },
});
const current = (attempt: AttemptBody) => attempt.slots.find((slot) => slot.answer === null) ?? null;
const answer = (who: TestTenant, attemptId: string, slot: string, value: number | null) => kit.request(who, 'POST', `/api/v1/attempts/${attemptId}/adaptive-answers`,
  { slot, response: value === null ? null : { type: 'numeric', value } });

/** Answers every item (right or wrong) until the test finishes; returns the attempt and the difficulty of each item given. */
async function takeTest(who: TestTenant, examId: string, right: boolean, limit = 20): Promise<{ attempt: AttemptBody; difficulties: number[] }> {
  let attempt = await kit.ok<AttemptBody>(who, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
  const difficulties: number[] = [];
  for (let step = 0; step < limit && !attempt.adaptive!.finished; step++) {
    const waiting = current(attempt)!;
    const item = bank.get(waiting.item.id)!;
    difficulties.push(item.b);
    const response = await answer(who, attempt.id, waiting.slot, right ? item.value : item.value + 100);
    expect(response.statusCode, response.body).toBe(200);
    attempt = response.json<AttemptBody>();
  }
  return { attempt, difficulties };
}

async function submitAndGrade(who: TestTenant, attemptId: string): Promise<SubmissionBody> {
  await kit.ok(who, 'POST', `/api/v1/attempts/${attemptId}/submit`, 202, {});
  await expect.poll(async () => (await kit.ok<SubmissionBody>(who, 'GET', `/api/v1/attempts/${attemptId}/submission`, 200)).status, POLL).toBe('graded');
  return kit.ok<SubmissionBody>(who, 'GET', `/api/v1/attempts/${attemptId}/submission`, 200);
}

describe(`adaptive exams (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('refuses to publish an adaptive exam with fixed items, essays in its pool, or a minimum above its maximum, naming each problem', async () => {
    const essay = await kit.item(staff, items.essay);
    const draft = await kit.ok<{ id: string; version: number }>(staff, 'POST', `/api/v1/courses/${courseId}/exams`, 201, {
      title: 'Broken adaptive', settings: { adaptive: true, adaptiveStop: { standardError: 0.3, minItems: 8, maxItems: 4 } },
      sections: [{ kind: 'fixed', itemId: pool[0], points: 1 }, { kind: 'draw', count: 2, pool: [pool[1], essay], points: 1 }],
    });
    const response = await kit.request(staff, 'POST', `/api/v1/exams/${draft.id}/publish`, undefined, { 'if-match': `"${draft.version}"` });
    expect(response.statusCode).toBe(422);
    const details = response.json<{ problems: Array<{ path: string; detail: string }> }>().problems.map((p) => `${p.path}: ${p.detail}`).join('\n');
    expect(details).toMatch(/\/sections\/0: an adaptive exam chooses its items/);
    expect(details).toMatch(/adaptiveStop\/minItems: at least 8 items cannot fit in at most 4/);
    expect(details).toMatch(new RegExp(`item ${essay} is a essay item`));
  });

  it('gives one item at a time, harder after right answers, skills balanced, stops at the item limit, and scores by ability', async () => {
    const examId = await adaptiveExam({ standardError: 0.1, minItems: 3, maxItems: 6 });
    const strong = await kit.member(staff, ['student']);
    await kit.enrolled(staff, courseId, strong.subject);
    const { attempt, difficulties } = await takeTest(strong, examId, true);
    expect(attempt.adaptive).toEqual({ answered: 6, maxItems: 6, finished: true, stopReason: 'max_items' });
    expect(attempt.slots.map((slot) => slot.slot)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    // Right answers push the estimate up: the last items are harder than the first.
    expect(difficulties.slice(-2).reduce((a, b) => a + b)).toBeGreaterThan(difficulties.slice(0, 2).reduce((a, b) => a + b));
    // Content balancing: the two skills share the six items evenly.
    const perSkill = attempt.slots.map((slot) => bank.get(slot.item.id)!.skill);
    expect(perSkill.filter((skill) => skill === skills[0])).toHaveLength(3);

    const result = await submitAndGrade(strong, attempt.id);
    expect(result).toMatchObject({ status: 'graded', maxScore: 100, passed: true });
    expect(result.ability!.theta).toBeGreaterThan(1);
    expect(result.score!).toBeGreaterThan(75);
    expect(result.items!.every((item) => item.correct === true)).toBe(true);
    // The graded event carries every item given, for the learner models.
    await expect.poll(() => kit.graded.filter((e) => (e.data as { attemptId: string }).attemptId === attempt.id).length, POLL).toBe(1);
    const event = kit.graded.find((e) => (e.data as { attemptId: string }).attemptId === attempt.id)!;
    expect((event.data as { items: unknown[] }).items).toHaveLength(6);

    const weak = await takeTest(student, examId, false);
    const weakResult = await submitAndGrade(student, weak.attempt.id);
    expect(weakResult.ability!.theta).toBeLessThan(-1);
    expect(weakResult.score!).toBeLessThan(25);
    expect(weakResult.passed).toBe(false);
    expect(weak.difficulties.at(-1)!).toBeLessThan(weak.difficulties[0]!);
    const mean = (values: number[]) => values.reduce((a, b) => a + b) / values.length;
    expect(mean(difficulties) - mean(weak.difficulties)).toBeGreaterThan(2);
  });

  it('stops as soon as the estimate is precise enough, after the minimum number of items', async () => {
    const examId = await adaptiveExam({ standardError: 0.9, minItems: 2, maxItems: 10 });
    const taker = await kit.member(staff, ['student']);
    await kit.enrolled(staff, courseId, taker.subject);
    const { attempt } = await takeTest(taker, examId, true);
    expect(attempt.adaptive).toMatchObject({ answered: 2, finished: true, stopReason: 'target_se' });
  });

  it('counts an item left unanswered at the submit as wrong, and resumes a started attempt at its current item', async () => {
    const examId = await adaptiveExam({ standardError: 0.1, minItems: 3, maxItems: 6 });
    const taker = await kit.member(staff, ['student']);
    await kit.enrolled(staff, courseId, taker.subject);
    const started = await kit.ok<AttemptBody>(taker, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
    const first = current(started)!;
    const after = (await answer(taker, started.id, first.slot, bank.get(first.item.id)!.value)).json<AttemptBody>();
    const resumed = await kit.ok<AttemptBody>(taker, 'POST', `/api/v1/exams/${examId}/attempts`, 200);
    expect(resumed.slots.map((slot) => slot.slot)).toEqual(['a1', 'a2']);
    expect(current(resumed)!.item.id).toBe(current(after)!.item.id);
    const result = await submitAndGrade(taker, started.id);
    expect(result.items!.map((item) => item.correct)).toEqual([true, false]);
  });

  it('refuses answers to anything but the current item, of the wrong type, by others or by autosave, with clear 4xx', async () => {
    const examId = await adaptiveExam({ standardError: 0.1, minItems: 2, maxItems: 3 });
    const attempt = await kit.ok<AttemptBody>(student, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
    const slot = current(attempt)!.slot;
    const notCurrent = await answer(student, attempt.id, 'a2', 1);
    expect(notCurrent.statusCode).toBe(409);
    expect(notCurrent.json()).toMatchObject({ code: 'ASSESSMENT.NOT_CURRENT_ITEM', currentSlot: 'a1' });
    const wrongType = await kit.request(student, 'POST', `/api/v1/attempts/${attempt.id}/adaptive-answers`, { slot, response: { type: 'single_choice', choice: 'A' } });
    expect(wrongType.statusCode).toBe(422);
    expect((await kit.request(student, 'POST', `/api/v1/attempts/${attempt.id}/adaptive-answers`, { slot: 'not a slot', response: null })).statusCode).toBe(400);
    expect((await kit.request(student, 'POST', `/api/v1/attempts/${attempt.id}/adaptive-answers`, 'nonsense')).statusCode).toBe(400);
    const autosave = await kit.request(student, 'POST', `/api/v1/attempts/${attempt.id}/answers`, { answers: [{ slot, seq: 1, response: null }] });
    expect(autosave.statusCode).toBe(409);
    expect(autosave.json()).toMatchObject({ code: 'ASSESSMENT.ADAPTIVE_ATTEMPT' });
    const classmate = await kit.member(staff, ['student']);
    expect((await answer(classmate, attempt.id, slot, 1)).statusCode).toBe(404);
    const otherTenant = await kit.tenant(['student']);
    expect((await answer(otherTenant, attempt.id, slot, 1)).statusCode).toBe(404);
    expect((await kit.request(otherTenant, 'GET', `/api/v1/attempts/${attempt.id}`)).statusCode).toBe(404);
    expect((await kit.request(null, 'POST', `/api/v1/attempts/${attempt.id}/adaptive-answers`, { slot, response: null })).statusCode).toBe(401);

    // Two tabs answering the same item at once: one answer counts, the other is told it is no longer current.
    const both = await Promise.all([answer(student, attempt.id, slot, 1), answer(student, attempt.id, slot, 2)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const view = await kit.ok<AttemptBody>(student, 'GET', `/api/v1/attempts/${attempt.id}`, 200);
    expect(view.adaptive!.answered).toBe(1);
    expect(view.slots).toHaveLength(2);

    await kit.ok(student, 'POST', `/api/v1/attempts/${attempt.id}/submit`, 202, {});
    const afterSubmit = await answer(student, attempt.id, current(view)!.slot, 1);
    expect(afterSubmit.statusCode).toBe(409);
  });

  it('chooses with the parameters adaptive calibrated from answers, once they arrive, over the author\'s', async () => {
    const skill = randomUUID();
    const authorEasy = await kit.item(staff, { type: 'numeric', title: 'X', stem: '<p>X</p>', value: 1, tolerance: { mode: 'absolute', amount: 0 } }, { skills: [skill], parameters: { a: 1.5, b: 0 } });
    const hard = await kit.item(staff, { type: 'numeric', title: 'Y', stem: '<p>Y</p>', value: 2, tolerance: { mode: 'absolute', amount: 0 } }, { skills: [skill], parameters: { a: 1.5, b: 3 } });
    const firstItem = async () => {
      const examId = await kit.exam(staff, courseId, { sections: [{ kind: 'draw', count: 1, pool: [authorEasy, hard], points: 1 }], settings: { adaptive: true, adaptiveStop: { standardError: 0.3, minItems: 1, maxItems: 2 } } });
      const taker = await kit.member(staff, ['student']);
      await kit.enrolled(staff, courseId, taker.subject);
      return current(await kit.ok<AttemptBody>(taker, 'POST', `/api/v1/exams/${examId}/attempts`, 201))!.item.id;
    };
    // At the prior ability (0), the item the author rated b = 0 is the most informative...
    expect(await firstItem()).toBe(authorEasy);
    // ...until students' answers show it is far harder (b = 4): then the other one is.
    await kit.calibrated(staff, [{ itemId: authorEasy, a: 1.5, b: 4 }]);
    expect(await firstItem()).toBe(hard);
    // Another tenant's calibration of the same id changes nothing here.
    const other = await kit.tenant(['instructor']);
    await kit.calibrated(other, [{ itemId: hard, a: 1.5, b: 9 }]);
    expect(await firstItem()).toBe(hard);
  });

  it('announces each published version with its window and every item it may ask', async () => {
    const examId = await adaptiveExam({ standardError: 0.3, minItems: 2, maxItems: 4 }, { closesAt: '2031-01-01T00:00:00.000Z' });
    const announcedOf = () => kit.examEvents.filter((event) => event.subject === examId) as Array<{ data: Record<string, unknown> }>;
    await expect.poll(() => announcedOf().length, POLL).toBe(1);
    const announced = announcedOf();
    expect(announced[0]!.data).toMatchObject({ examId, courseId, version: 1, adaptive: true, closesAt: '2031-01-01T00:00:00.000Z', opensAt: null });
    expect((announced[0]!.data.itemIds as string[]).sort()).toEqual([...pool].sort());
    // Who published it hears when essays wait; archiving is announced too (reminders about it stop).
    expect(announced[0]!.data.publishedBy).toBe(staff.subject);
    const { version } = await kit.ok<{ version: number }>(staff, 'GET', `/api/v1/exams/${examId}`, 200);
    await kit.ok(staff, 'POST', `/api/v1/exams/${examId}/archive`, 200, undefined, { 'if-match': `"${version}"` });
    await expect.poll(() => announcedOf().length, POLL).toBe(2);
    expect(announcedOf()[1]!.data).toMatchObject({ examId, courseId });
  });

  it('answers 409 to adaptive answers on an ordinary exam\'s attempt', async () => {
    const examId = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId: pool[0], points: 1 }] });
    const taker = await kit.member(staff, ['student']);
    await kit.enrolled(staff, courseId, taker.subject);
    const attempt = await kit.ok<AttemptBody>(taker, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
    expect(attempt.adaptive ?? null).toBeNull();
    const response = await answer(taker, attempt.id, attempt.slots[0]!.slot, 1);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'ASSESSMENT.NOT_ADAPTIVE' });
  });
});
