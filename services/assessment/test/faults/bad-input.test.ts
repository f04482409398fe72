import { randomUUID } from 'node:crypto';
import { testBackends, type TestTenant } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAttempt } from '../../src/app/start-attempt.js';
import { items, POLL, startAssessmentKit, type AssessmentKit } from '../support/assessment-kit.js';

/**
 * Bad input on the exam-day path, beyond what exam-day.test.ts covers: duplicate submits racing each other, a
 * burst of autosaves in any order, a client whose clock is off, someone else's attempt or tenant, answers of
 * the wrong type, too big or not JSON. Each gets the right 4xx as problem+json (never a 500), and nothing is
 * lost: every valid submit of this file is graded, exactly once.
 */

interface AttemptBody { id: string; slots: Array<{ slot: string; item: { type: string }; answer: { seq: number; response: Record<string, unknown> | null; savedAt: string } | null }> }
interface SubmissionBody { id: string; status: string; userId: string; submittedAt: string | null; score: number | null; late: boolean }
interface Accepted { submissionId: string; acceptedAt: string }

let kit: AssessmentKit;
let staff: TestTenant;
const courseId = randomUUID();
let examId: string;
let essayExamId: string;
/** Every submission this file had accepted: each must end up graded exactly once. */
const accepted = new Set<string>();

beforeAll(async () => {
  kit = await startAssessmentKit();
  staff = await kit.tenant(['instructor']);
  const [choice, numeric, essay] = [await kit.item(staff, items.capital), await kit.item(staff, items.gravity), await kit.item(staff, items.essay)];
  examId = await kit.exam(staff, courseId, { sections: [choice, numeric].map((itemId) => ({ kind: 'fixed', itemId, points: 1 })), settings: { timeLimitMinutes: 30 } });
  essayExamId = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId: choice, points: 1 }, { kind: 'fixed', itemId: essay, points: 5 }] });
});

afterAll(async () => kit?.close());

async function student(): Promise<TestTenant> {
  const who = await kit.member(staff, ['student']);
  await kit.enrolled(staff, courseId, who.subject);
  return who;
}

async function started(who: TestTenant, exam = examId): Promise<AttemptBody> {
  return kit.ok<AttemptBody>(who, 'POST', `/api/v1/exams/${exam}/attempts`, 201);
}

const slotOf = (attempt: AttemptBody, type: string) => attempt.slots.find((s) => s.item.type === type)!.slot;
const submitUrl = (attemptId: string) => `/api/v1/attempts/${attemptId}/submit`;
const answersUrl = (attemptId: string) => `/api/v1/attempts/${attemptId}/answers`;
const submissionOf = (who: TestTenant, attemptId: string) => kit.ok<SubmissionBody>(who, 'GET', `/api/v1/attempts/${attemptId}/submission`, 200);
const graded = async (who: TestTenant, attemptId: string) => {
  await expect.poll(async () => (await submissionOf(who, attemptId)).status, POLL).not.toBe('accepted');
  return submissionOf(who, attemptId);
};
const rowsOf = async (attemptId: string) => (await kit.platform.db.withSystem((tx) =>
  sql<{ n: number }>`select count(*)::int as n from assessment.submissions where attempt_id = ${attemptId}`.execute(tx))).rows[0]!.n;

function accept(response: LightMyRequestResponse): Accepted {
  expect(response.statusCode, response.body).toBe(202);
  const body = response.json<Accepted>();
  accepted.add(body.submissionId);
  return body;
}

/** Asserts an RFC 9457 problem of `status` (and `code`, when given). */
function expectProblem(response: LightMyRequestResponse, status: number, code?: string): Record<string, unknown> {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json<Record<string, unknown>>();
  expect(body).toMatchObject({ status, ...(code ? { code } : {}) });
  return body;
}

function shuffled<T>(values: T[]): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe(`bad input on the exam-day path (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('takes ten concurrent submits of one attempt as one submission, graded once', async () => {
    const who = await student();
    const attempt = await started(who);
    const answers = [{ slot: slotOf(attempt, 'single_choice'), seq: 1, response: { type: 'single_choice', choice: 'A' } }];
    const responses = await Promise.all(Array.from({ length: 10 }, () => kit.request(who, 'POST', submitUrl(attempt.id), { answers })));
    const ids = new Set(responses.map((response) => accept(response).submissionId));
    expect(ids.size).toBe(1);
    const [submissionId] = [...ids] as [string];
    expect(await graded(who, attempt.id)).toMatchObject({ id: submissionId, status: 'graded', score: 1 });
    // Once more after grading: the same submission, still one result and one event.
    expect(accept(await kit.request(who, 'POST', submitUrl(attempt.id), { answers })).submissionId).toBe(submissionId);
    await expect.poll(() => kit.graded.filter((e) => e.subject === submissionId).length, POLL).toBe(1);
    expect(await rowsOf(attempt.id)).toBe(1);
  });

  it('applies a concurrent burst of autosaves in any order: per slot the highest seq wins', async () => {
    const who = await student();
    const attempt = await started(who);
    const choice = slotOf(attempt, 'single_choice');
    const numeric = slotOf(attempt, 'numeric');
    // Seq 1..30 per slot, the last one right, every one sent twice, all at once in random order.
    const saves = Array.from({ length: 30 }, (_, i) => i + 1).flatMap((seq) => [
      { slot: choice, seq, response: { type: 'single_choice', choice: seq === 30 ? 'A' : ['B', 'C'][seq % 2] } },
      { slot: numeric, seq, response: { type: 'numeric', value: seq === 30 ? 9.81 : seq } },
    ]);
    const responses = await Promise.all(shuffled([...saves, ...saves]).map((answer) => kit.request(who, 'POST', answersUrl(attempt.id), { answers: [answer] })));
    expect(responses.map((r) => r.statusCode).filter((status) => status !== 202)).toEqual([]);
    await expect.poll(async () => {
      const view = await kit.ok<AttemptBody>(who, 'GET', `/api/v1/attempts/${attempt.id}`, 200);
      return view.slots.map((s) => [s.slot, s.answer?.seq, s.answer?.response]).sort();
    }, POLL).toEqual([[choice, 30, { type: 'single_choice', choice: 'A' }], [numeric, 30, { type: 'numeric', value: 9.81 }]].sort());
    // The submit names the last autosave; the grade uses the winners.
    accept(await kit.request(who, 'POST', submitUrl(attempt.id), { lastSeq: 30 }));
    expect(await graded(who, attempt.id)).toMatchObject({ status: 'graded', score: 2 });
  });

  it('stamps the server\'s time whatever the client\'s clock says, and refuses a time in the body', async () => {
    const who = await student();
    const attempt = await started(who);
    const choice = slotOf(attempt, 'single_choice');
    const skewed = { date: 'Sat, 01 Jan 2000 00:00:00 GMT' };

    // A client may not say when it saved or submitted: the field is refused, and nothing was taken.
    const timedSave = await kit.request(who, 'POST', answersUrl(attempt.id), { answers: [{ slot: choice, seq: 1, response: null }], savedAt: '2000-01-01T00:00:00Z' });
    expect(expectProblem(timedSave, 400).errors).toEqual([expect.objectContaining({ pointer: '/body/savedAt' })]);
    const timedSubmit = await kit.request(who, 'POST', submitUrl(attempt.id), { answers: [], submittedAt: '2000-01-01T00:00:00Z' });
    expect(expectProblem(timedSubmit, 400).errors).toEqual([expect.objectContaining({ pointer: '/body/submittedAt' })]);

    // A Date header from another century changes nothing: the server's clock stamps the save and the submit.
    const before = Date.now();
    const save = await kit.request(who, 'POST', answersUrl(attempt.id), { answers: [{ slot: choice, seq: 1, response: { type: 'single_choice', choice: 'A' } }] }, { date: 'Fri, 01 Jan 2100 00:00:00 GMT' });
    expect(save.statusCode, save.body).toBe(202);
    await expect.poll(async () => (await kit.ok<AttemptBody>(who, 'GET', `/api/v1/attempts/${attempt.id}`, 200)).slots.find((s) => s.slot === choice)?.answer?.seq, POLL).toBe(1);
    const saved = (await kit.ok<AttemptBody>(who, 'GET', `/api/v1/attempts/${attempt.id}`, 200)).slots.find((s) => s.slot === choice)!.answer!;
    const submitted = accept(await kit.request(who, 'POST', submitUrl(attempt.id), { lastSeq: 1 }, skewed));
    const after = Date.now();
    const result = await graded(who, attempt.id);
    for (const stamp of [saved.savedAt, submitted.acceptedAt, result.submittedAt!]) {
      expect(Date.parse(stamp)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(stamp)).toBeLessThanOrEqual(after);
    }
    expect(result).toMatchObject({ late: false, score: 1 });

    // Nor does a Date header within the time limit rescue a submit after the deadline.
    const latecomer = await student();
    const { attempt: overdue } = await startAttempt(kit.platform, { tenantId: staff.tenantId, examId, userId: latecomer.subject, mayPreview: false, now: new Date(Date.now() - 31 * 60_000) });
    const tooLate = await kit.request(latecomer, 'POST', submitUrl(overdue.id), { answers: [] }, { date: new Date(Date.now() - 30 * 60_000).toUTCString() });
    expectProblem(tooLate, 409, 'ASSESSMENT.DEADLINE_PASSED');
  });

  it('answers 404 to a submit of another student\'s attempt and to another tenant\'s exam, and leaves the attempt to its owner', async () => {
    const who = await student();
    const attempt = await started(who);
    const classmate = await student();
    const answers = [{ slot: slotOf(attempt, 'single_choice'), seq: 1, response: { type: 'single_choice', choice: 'B' } }];
    expectProblem(await kit.request(classmate, 'POST', submitUrl(attempt.id), { answers }), 404, 'ASSESSMENT.ATTEMPT_NOT_FOUND');
    expectProblem(await kit.request(classmate, 'GET', `/api/v1/attempts/${attempt.id}/submission`), 404);

    const stranger = await kit.tenant(['student']);
    expectProblem(await kit.request(stranger, 'POST', `/api/v1/exams/${examId}/attempts`), 404);
    const strangeStaff = await kit.tenant(['instructor']);
    expectProblem(await kit.request(strangeStaff, 'GET', `/api/v1/exams/${examId}`), 404);
    expectProblem(await kit.request(strangeStaff, 'POST', `/api/v1/exams/${examId}/attempts`), 404);
    expectProblem(await kit.request(stranger, 'POST', submitUrl(attempt.id), { answers }), 404, 'ASSESSMENT.ATTEMPT_NOT_FOUND');

    // None of that touched the attempt: its owner submits their own answers and is graded on them.
    const own = [{ slot: slotOf(attempt, 'single_choice'), seq: 1, response: { type: 'single_choice', choice: 'A' } }];
    accept(await kit.request(who, 'POST', submitUrl(attempt.id), { answers: own }));
    expect(await graded(who, attempt.id)).toMatchObject({ userId: who.subject, score: 1 });
    expect(await rowsOf(attempt.id)).toBe(1);
  });

  it('refuses answers of the wrong type, oversized, malformed or not JSON with the right 4xx, then grades the valid submit', async () => {
    const who = await student();
    const attempt = await started(who, essayExamId);
    const choice = slotOf(attempt, 'single_choice');
    const essay = slotOf(attempt, 'essay');
    const post = (payload: string, contentType = 'application/json', url = submitUrl(attempt.id)) => kit.app.inject({
      method: 'POST', url, payload, headers: { authorization: who.authorization, 'content-type': contentType },
    });
    const send = (body: unknown) => post(JSON.stringify(body));

    expectProblem(await send({ answers: [{ slot: choice, seq: 1, response: { type: 'numeric', value: 1 } }] }), 422, 'ASSESSMENT.ANSWERS_INVALID');
    expectProblem(await send({ answers: [{ slot: 'f9', seq: 1, response: null }] }), 422, 'ASSESSMENT.ANSWERS_INVALID');
    expectProblem(await send({ answers: [{ slot: choice, seq: 1, response: { type: 'telepathy', thought: 'A' } }] }), 400);
    expectProblem(await send({ answers: [{ slot: choice, seq: '1', response: null }] }), 400);
    expectProblem(await send({ answers: [{ slot: choice, seq: 1.5, response: null }] }), 400);
    expectProblem(await send({ answers: { slot: choice } }), 400);
    expectProblem(await send({ answers: [], lastSeq: -1 }), 400);
    // 100 kB of essay is the limit: one character more is refused; a body over the server's limit is 413.
    expectProblem(await send({ answers: [{ slot: essay, seq: 1, response: { type: 'essay', text: 'x'.repeat(100_001) } }] }), 400);
    expectProblem(await send({ answers: [{ slot: essay, seq: 1, response: { type: 'essay', text: 'x'.repeat(1_100_000) } }] }), 413);
    expectProblem(await post('{"answers": [{"slot": '), 400);
    expectProblem(await post(''), 400);
    expectProblem(await post('answers=all', 'text/plain'), 415);
    expectProblem(await kit.request(who, 'POST', answersUrl(attempt.id), { answers: [] }), 400);
    expectProblem(await post(JSON.stringify({ answers: [{ slot: essay, seq: 1, response: { type: 'essay', text: 'x'.repeat(100_001) } }] }), 'application/json', answersUrl(attempt.id)), 400);

    // None of it was taken: the attempt is open, and the essay at exactly the limit is accepted and graded.
    const valid = [{ slot: choice, seq: 1, response: { type: 'single_choice', choice: 'A' } }, { slot: essay, seq: 1, response: { type: 'essay', text: 'x'.repeat(100_000) } }];
    accept(await send({ answers: valid }));
    expect(await graded(who, attempt.id)).toMatchObject({ status: 'pending_manual' });
    expect(await submissionOf(staff, attempt.id)).toMatchObject({ score: 1 });
    expect(await rowsOf(attempt.id)).toBe(1);
  });

  it('lost nothing: every submission accepted above has one result and one graded event', async () => {
    expect(accepted.size).toBe(5);
    await expect.poll(() => [...accepted].filter((id) => kit.graded.filter((e) => e.subject === id).length !== 1), POLL).toEqual([]);
    const rows = (await kit.platform.db.withSystem((tx) =>
      sql<{ id: string; n: number }>`select id, count(*)::int as n from assessment.submissions where tenant_id = ${staff.tenantId} group by id`.execute(tx))).rows;
    expect(new Map(rows.map((r) => [r.id, r.n]))).toEqual(new Map([...accepted].map((id) => [id, 1])));
  });
});
