import { randomUUID } from 'node:crypto';
import { testBackends, type TestTenant } from '@tessera/platform/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAttempt } from '../src/app/start-attempt.js';
import { submitOverdue } from '../src/index.js';
import { items, POLL, startAssessmentKit, type AssessmentKit } from './support/assessment-kit.js';

interface AttemptBody { id: string; status: string; deadlineAt: string | null; serverTime: string; slots: Array<{ slot: string; item: Record<string, unknown>; answer: { seq: number; response: unknown } | null }> }
interface SubmissionBody { id: string; status: string; score: number | null; maxScore: number | null; released: boolean; late: boolean; auto: boolean; items: Array<{ slot: string; score: number | null; correct: boolean | null }> | null }

let kit: AssessmentKit;
let staff: TestTenant;
let student: TestTenant;
const courseId = randomUUID();
let fixed: string[];

beforeAll(async () => {
  kit = await startAssessmentKit();
  staff = await kit.tenant(['instructor']);
  student = await kit.member(staff, ['student']);
  fixed = [await kit.item(staff, items.capital), await kit.item(staff, items.gravity), await kit.item(staff, items.primes)];
  await kit.enrolled(staff, courseId, student.subject);
});

afterAll(async () => kit?.close());

const answerOf = (attempt: AttemptBody, type: string) => attempt.slots.find((s) => s.item.type === type)!;
const submissionOf = (who: TestTenant, attemptId: string) => kit.ok<SubmissionBody>(who, 'GET', `/api/v1/attempts/${attemptId}/submission`, 200);
const rows = async (query: ReturnType<typeof sql>) => (await kit.platform.db.withSystem((tx) => query.execute(tx))).rows;

describe(`the exam-day path (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('refuses to publish an exam with unknown items or too small a pool, listing every problem', async () => {
    const unknownCourse = await kit.request(staff, 'POST', `/api/v1/courses/${randomUUID()}/exams`, { title: 'Nowhere', sections: [] });
    expect(unknownCourse.statusCode).toBe(404);
    await kit.course(staff, courseId);
    const draft = await kit.ok<{ id: string; version: number }>(staff, 'POST', `/api/v1/courses/${courseId}/exams`, 201, {
      title: 'Broken', sections: [{ kind: 'fixed', itemId: randomUUID(), points: 1 }, { kind: 'draw', count: 5, pool: fixed, points: 1 }],
    });
    const response = await kit.request(staff, 'POST', `/api/v1/exams/${draft.id}/publish`, undefined, { 'if-match': `"${draft.version}"` });
    expect(response.statusCode).toBe(422);
    expect(response.json<{ problems: Array<{ path: string }> }>().problems.map((p) => p.path)).toEqual(['/sections/0/itemId', '/sections/1/count']);
  });

  it('starts (and resumes) an attempt without answers in it, accepts autosaves and a submit with 202, and grades once', async () => {
    const examId = await kit.exam(staff, courseId, { sections: fixed.map((itemId) => ({ kind: 'fixed', itemId, points: 2 })), settings: { timeLimitMinutes: 30, shuffleOptions: true } });
    const started = await kit.ok<AttemptBody>(student, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
    expect(JSON.stringify(started.slots)).not.toMatch(/"correct"|"value":9\.81|tolerance/);
    expect(Date.parse(started.deadlineAt!) - Date.parse(started.serverTime)).toBeGreaterThan(29 * 60_000);
    expect((await kit.ok<AttemptBody>(student, 'POST', `/api/v1/exams/${examId}/attempts`, 200)).id).toBe(started.id);

    const choice = answerOf(started, 'single_choice').slot;
    const numeric = answerOf(started, 'numeric').slot;
    // Out of order: seq 2 (the right answer) arrives before seq 1; the highest seq wins.
    await kit.ok(student, 'POST', `/api/v1/attempts/${started.id}/answers`, 202, { answers: [{ slot: choice, seq: 2, response: { type: 'single_choice', choice: 'A' } }] });
    await kit.ok(student, 'POST', `/api/v1/attempts/${started.id}/answers`, 202, { answers: [{ slot: choice, seq: 1, response: { type: 'single_choice', choice: 'B' } }] });
    await expect.poll(async () => answerOf(await kit.ok<AttemptBody>(student, 'GET', `/api/v1/attempts/${started.id}`, 200), 'single_choice').answer?.seq, POLL).toBe(2);

    const body = { answers: [{ slot: numeric, seq: 3, response: { type: 'numeric', value: 9.8, unit: 'm/s²' } }], lastSeq: 2 };
    const first = await kit.ok<{ submissionId: string; statusUrl: string }>(student, 'POST', `/api/v1/attempts/${started.id}/submit`, 202, body);
    const second = await kit.ok<{ submissionId: string }>(student, 'POST', `/api/v1/attempts/${started.id}/submit`, 202, { answers: [] });
    expect(second.submissionId).toBe(first.submissionId);
    await expect.poll(async () => (await submissionOf(student, started.id)).status, POLL).toBe('graded');
    const result = await kit.ok<SubmissionBody>(student, 'GET', `/api/v1/submissions/${first.submissionId}`, 200);
    expect(result).toMatchObject({ score: 4, maxScore: 6, released: true });
    expect(result.items!.find((i) => i.slot === choice)).toMatchObject({ correct: true, score: 2 });
    await expect.poll(() => kit.graded.filter((e) => e.subject === first.submissionId).length, POLL).toBe(1);
    expect(await rows(sql`select count(*)::int as n from assessment.submissions where attempt_id = ${started.id}`)).toEqual([{ n: 1 }]);
    // The attempt is closed: further autosaves are refused.
    const late = await kit.request(student, 'POST', `/api/v1/attempts/${started.id}/answers`, { answers: [{ slot: choice, seq: 9, response: null }] });
    expect(late.statusCode).toBe(409);
  });

  it('refuses bad answers, other students and other tenants with 4xx, and only enrolled students may start', async () => {
    const examId = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId: fixed[0], points: 1 }] });
    const outsider = await kit.member(staff, ['student']);
    expect((await kit.request(outsider, 'POST', `/api/v1/exams/${examId}/attempts`)).statusCode).toBe(403);
    const attempt = await kit.ok<AttemptBody>(student, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
    const slot = attempt.slots[0]!.slot;
    const post = (who: TestTenant, body: unknown) => kit.request(who, 'POST', `/api/v1/attempts/${attempt.id}/answers`, body);
    expect((await post(student, { answers: [{ slot, seq: 1, response: { type: 'numeric', value: 1 } }] })).statusCode).toBe(422);
    expect((await post(student, { answers: [{ slot: 'f9', seq: 1, response: null }] })).statusCode).toBe(422);
    expect((await post(student, { answers: [{ slot, seq: 1, response: { type: 'single_choice', choice: 'A'.repeat(100) } }] })).statusCode).toBe(400);
    expect((await post(outsider, { answers: [{ slot, seq: 1, response: null }] })).statusCode).toBe(404);
    const stranger = await kit.tenant(['student']);
    expect((await post(stranger, { answers: [{ slot, seq: 1, response: null }] })).statusCode).toBe(404);
    expect((await kit.request(stranger, 'POST', `/api/v1/attempts/${attempt.id}/submit`)).statusCode).toBe(404);
    expect((await kit.request(stranger, 'GET', `/api/v1/attempts/${attempt.id}`)).statusCode).toBe(404);
  });

  it('refuses a submit after the deadline and grace period, and the deadline job submits the attempt with its saved answers', async () => {
    const examId = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId: fixed[0], points: 1 }], settings: { timeLimitMinutes: 10, gracePeriodSeconds: 5 } });
    const { attempt } = await startAttempt(kit.platform, { tenantId: staff.tenantId, examId, userId: student.subject, mayPreview: false, now: new Date(Date.now() - 11 * 60_000) });
    const refused = await kit.request(student, 'POST', `/api/v1/attempts/${attempt.id}/submit`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'ASSESSMENT.DEADLINE_PASSED' });
    expect(await submitOverdue(kit.platform, new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await submissionOf(student, attempt.id)).status, POLL).toBe('graded');
    expect(await submissionOf(student, attempt.id)).toMatchObject({ auto: true, score: 0 });
  });

  it('sends essays to manual grading and holds results back until staff release them', async () => {
    const essay = await kit.item(staff, items.essay);
    const examId = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId: fixed[0], points: 1 }, { kind: 'fixed', itemId: essay, points: 5 }], settings: { resultsRelease: 'manual' } });
    const attempt = await kit.ok<AttemptBody>(student, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
    const answers = attempt.slots.map((s, i) => ({ slot: s.slot, seq: i + 1, response: s.item.type === 'essay' ? { type: 'essay', text: 'Because.' } : { type: 'single_choice', choice: 'A' } }));
    await kit.ok(student, 'POST', `/api/v1/attempts/${attempt.id}/submit`, 202, { answers });
    await expect.poll(async () => (await submissionOf(student, attempt.id)).status, POLL).toBe('pending_manual');
    expect(await submissionOf(student, attempt.id)).toMatchObject({ released: false, score: null, items: null });
    expect(await submissionOf(staff, attempt.id)).toMatchObject({ released: true, score: 1, maxScore: 6 });
    expect(await rows(sql`select slot, graded_at from assessment.manual_grades where exam_id = ${examId}`)).toEqual([{ slot: 'f1', graded_at: null }]);
    await kit.ok(staff, 'POST', `/api/v1/exams/${examId}/release`, 204, { results: true });
    expect(await submissionOf(student, attempt.id)).toMatchObject({ released: true, score: 1 });
  });

  it('lists a student\'s own submissions with each exam\'s release rule applied: scores shown where released, held back elsewhere', async () => {
    const reader = await kit.member(staff, ['student']);
    await kit.enrolled(staff, courseId, reader.subject);
    const open = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId: fixed[0], points: 1 }] });
    const held = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId: fixed[0], points: 1 }], settings: { resultsRelease: 'manual' } });
    const submittedTo = async (examId: string) => {
      const attempt = await kit.ok<AttemptBody>(reader, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
      await kit.ok(reader, 'POST', `/api/v1/attempts/${attempt.id}/submit`, 202, { answers: [{ slot: attempt.slots[0]!.slot, seq: 1, response: { type: 'single_choice', choice: 'A' } }] });
      await expect.poll(async () => (await submissionOf(reader, attempt.id)).status, POLL).toBe('graded');
      return attempt.id;
    };
    const [openAttempt, heldAttempt] = [await submittedTo(open), await submittedTo(held)];
    const mine = async () => (await kit.ok<{ items: Array<{ attemptId: string; released: boolean; score: number | null }> }>(reader, 'GET', '/api/v1/me/submissions', 200)).items;
    expect((await mine()).map(({ attemptId, released, score }) => ({ attemptId, released, score })).sort((a, b) => a.attemptId.localeCompare(b.attemptId)))
      .toEqual([{ attemptId: openAttempt, released: true, score: 1 }, { attemptId: heldAttempt, released: false, score: null }].sort((a, b) => a.attemptId.localeCompare(b.attemptId)));
    await kit.ok(staff, 'POST', `/api/v1/exams/${held}/release`, 204, { results: true });
    expect((await mine()).find((submission) => submission.attemptId === heldAttempt)).toMatchObject({ released: true, score: 1 });
  });

  it('keeps running attempts on the version they started when the exam is edited and republished mid-exam', async () => {
    const examId = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId: fixed[0], points: 1 }] });
    const attempt = await kit.ok<AttemptBody>(student, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
    const draft = await kit.ok<{ version: number }>(staff, 'GET', `/api/v1/exams/${examId}`, 200);
    const edited = await kit.ok<{ version: number }>(staff, 'PUT', `/api/v1/exams/${examId}`, 200,
      { title: 'Midterm (fixed)', sections: [{ kind: 'fixed', itemId: fixed[1], points: 5 }] }, { 'if-match': `"${draft.version}"` });
    await kit.ok(staff, 'POST', `/api/v1/exams/${examId}/publish`, 200, undefined, { 'if-match': `"${edited.version}"` });
    const seen = await kit.ok<AttemptBody>(student, 'GET', `/api/v1/attempts/${attempt.id}`, 200);
    expect(seen.slots.map((s) => s.item.id)).toEqual([fixed[0]]);
    await kit.ok(student, 'POST', `/api/v1/attempts/${attempt.id}/submit`, 202, { answers: [{ slot: seen.slots[0]!.slot, seq: 1, response: { type: 'single_choice', choice: 'A' } }] });
    await expect.poll(async () => (await submissionOf(student, attempt.id)).status, POLL).toBe('graded');
    expect(await submissionOf(student, attempt.id)).toMatchObject({ score: 1, maxScore: 1 });
  });

  it('extends a student\'s deadline by their accommodation, past the exam\'s closing time and mid-attempt', async () => {
    const closesAt = new Date(Date.now() + 20 * 60_000);
    const examId = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId: fixed[0], points: 1 }], settings: { timeLimitMinutes: 60, closesAt: closesAt.toISOString() } });
    const attempt = await kit.ok<AttemptBody>(student, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
    // Without accommodation the closing time cuts the hour.
    expect(Date.parse(attempt.deadlineAt!)).toBe(closesAt.getTime());
    await kit.ok(staff, 'PUT', `/api/v1/exams/${examId}/accommodations/${student.subject}`, 200, { extraTimePercent: 50, extraMinutes: 5 });
    const moved = await kit.ok<AttemptBody>(student, 'GET', `/api/v1/attempts/${attempt.id}`, 200);
    // 50 % of the 60-minute limit plus 5 minutes, after the closing time.
    expect(Date.parse(moved.deadlineAt!)).toBe(closesAt.getTime() + 35 * 60_000);
  });

  it('pushes a graded result live over SSE', async () => {
    const examId = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId: fixed[0], points: 1 }] });
    const attempt = await kit.ok<AttemptBody>(student, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
    const url = await kit.app.listen({ host: '127.0.0.1', port: 0 });
    const abort = new AbortController();
    try {
      const response = await fetch(`${url}/api/v1/me/results/stream`, { headers: { authorization: student.authorization }, signal: abort.signal });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = response.body!.getReader();
      let text = '';
      const readUntil = async (needle: string) => {
        for (let i = 0; i < 200 && !text.includes(needle); i++) text += new TextDecoder().decode((await reader.read()).value);
      };
      await readUntil('event: ready');
      await kit.ok(student, 'POST', `/api/v1/attempts/${attempt.id}/submit`, 202, { answers: [{ slot: attempt.slots[0]!.slot, seq: 1, response: { type: 'single_choice', choice: 'A' } }] });
      await readUntil('event: submission.graded');
      expect(text).toContain(attempt.id);
    } finally {
      abort.abort();
    }
  });
});
