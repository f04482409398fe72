import { randomUUID } from 'node:crypto';
import { testBackends, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsTopic, type ResultNotice } from '../src/app/live-results.js';
import { startAttempt } from '../src/app/start-attempt.js';
import { effectiveRubric, rubricProblems, rubricScore } from '../src/domain/rubric-score.js';
import { items, POLL, startAssessmentKit, type AssessmentKit } from './support/assessment-kit.js';

interface Slot { slot: string; item: { id: string; type: string } }
interface SubmissionBody { id: string; status: string; score: number | null; maxScore: number | null; penalty: number | null; released: boolean; items: Array<{ slot: string; status: string; score: number | null; correct: boolean | null }> | null }
interface QueuePage { items: Array<{ submissionId: string; slot: string; answer: string | null; maxScore: number; item: { stem: string; rubric: Array<{ criterion: string; points: number }> } }>; nextCursor: string | null }
interface GradeBody { score: number; submission: { status: string; score: number; maxScore: number; penalty: number; gradingRound: number } }

/** An essay whose rubric (6 points) differs from the points its exams give it. */
const essay = { ...items.essay, title: 'Causes', stem: '<p>Why did it happen?</p>', rubric: [{ criterion: 'Argument', points: 4 }, { criterion: 'Style', points: 2 }] };

let kit: AssessmentKit;
let staff: TestTenant;
let tutor: TestTenant;
let student: TestTenant;
const courseId = randomUUID();
let choiceId: string;
let essayId: string;
let otherEssayId: string;

beforeAll(async () => {
  kit = await startAssessmentKit();
  staff = await kit.tenant(['instructor']);
  tutor = await kit.member(staff, ['tutor']);
  student = await kit.member(staff, ['student']);
  choiceId = await kit.item(staff, items.capital);
  essayId = await kit.item(staff, essay);
  otherEssayId = await kit.item(staff, { ...essay, title: 'Effects' });
  await kit.enrolled(staff, courseId, student.subject);
});

afterAll(async () => kit?.close());

const answerFor = (slot: Slot, text: string) => slot.item.type === 'essay'
  ? { type: 'essay', text: `${text} ${slot.slot}` } : { type: 'single_choice', choice: 'A' };

/** Submits every slot (essays answered in the submit itself) and waits until grading workers are done with it. */
async function submit(attemptId: string, slots: Slot[], text = 'Because of the harvest.'): Promise<string> {
  const answers = slots.map((slot, i) => ({ slot: slot.slot, seq: i + 1, response: answerFor(slot, text) }));
  const { submissionId } = await kit.ok<{ submissionId: string }>(student, 'POST', `/api/v1/attempts/${attemptId}/submit`, 202, { answers });
  await expect.poll(async () => (await kit.ok<SubmissionBody>(staff, 'GET', `/api/v1/attempts/${attemptId}/submission`, 200)).status, POLL).not.toBe('accepted');
  return submissionId;
}

const queueOf = (who: TestTenant, examId: string, query = '') => kit.ok<QueuePage>(who, 'GET', `/api/v1/exams/${examId}/grading-queue${query}`, 200);
const gradedEvents = (submissionId: string, name: string) => kit.graded.filter((e) => e.subject === submissionId && e.type === `tessera.${name}`);

describe(`grading essays by hand (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('scores rubric points in proportion to the slot\'s points and asks for every criterion once', () => {
    const rubric = effectiveRubric(essay.rubric, 3);
    expect(rubricScore(rubric, [{ criterion: 0, points: 3 }, { criterion: 1, points: 2 }], 3)).toBe(2.5);
    expect(rubricScore(rubric, [{ criterion: 0, points: 4 }, { criterion: 1, points: 2 }], 3)).toBe(3);
    expect(rubricScore(rubric, [{ criterion: 0, points: 1 }, { criterion: 1, points: 0 }], 3)).toBe(0.5);
    expect(effectiveRubric([], 5)).toEqual([{ criterion: 'Overall', points: 5 }]);
    expect(effectiveRubric([{ criterion: 'Any', points: 0 }], 5)).toEqual([{ criterion: 'Overall', points: 5 }]);
    const problems = rubricProblems(rubric, [{ criterion: 0, points: 5 }, { criterion: 0, points: 1 }, { criterion: 7, points: 1 }]);
    expect(problems.map((p) => p.path)).toEqual(['/rubric/0/points', '/rubric/1/criterion', '/rubric/2/criterion', '/rubric']);
  });

  it('grades a late essay from the queue: totals with the late penalty kept, graded once, told live, shown once released', async () => {
    const examId = await kit.exam(staff, courseId, {
      title: 'Essay exam', sections: [{ kind: 'fixed', itemId: choiceId, points: 1 }, { kind: 'fixed', itemId: essayId, points: 3 }],
      settings: { timeLimitMinutes: 10, gracePeriodSeconds: 5, latePolicy: { mode: 'accept', penaltyPercent: 20, untilMinutes: 60 }, resultsRelease: 'manual' },
    });
    // Started 11 minutes ago with 10 to go: the submit is late, and 20 % comes off.
    const { attempt } = await startAttempt(kit.platform, { tenantId: staff.tenantId, examId, userId: student.subject, mayPreview: false, now: new Date(Date.now() - 11 * 60_000) });
    const submissionId = await submit(attempt.id, attempt.slots as unknown as Slot[]);
    const essaySlot = (attempt.slots as unknown as Slot[]).find((s) => s.item.type === 'essay')!.slot;
    expect(await kit.ok<SubmissionBody>(staff, 'GET', `/api/v1/submissions/${submissionId}`, 200)).toMatchObject({ status: 'pending_manual', score: 0.8, penalty: 0.2, maxScore: 4 });

    const queue = await queueOf(tutor, examId);
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({
      submissionId, slot: essaySlot, answer: `Because of the harvest. ${essaySlot}`, maxScore: 3,
      item: { stem: '<p>Why did it happen?</p>', rubric: [{ criterion: 'Argument', points: 4 }, { criterion: 'Style', points: 2 }] },
    });

    const notices: ResultNotice[] = [];
    const stop = kit.platform.live.subscribe(resultsTopic(staff.tenantId, student.subject), (notice) => { notices.push(notice as ResultNotice); });
    try {
      const grade = await kit.ok<GradeBody>(tutor, 'PUT', `/api/v1/submissions/${submissionId}/grades/${essaySlot}`, 200, {
        rubric: [{ criterion: 1, points: 2 }, { criterion: 0, points: 3 }], comment: 'Good causes, thin on evidence.',
      });
      // 5 of the rubric's 6 points on a slot worth 3: 2.5; with the choice, 3.5, less 20 %: 2.8.
      expect(grade).toMatchObject({ score: 2.5, submission: { status: 'graded', score: 2.8, maxScore: 4, penalty: 0.7, gradingRound: 2 } });
      await expect.poll(() => notices.filter((n) => n.submissionId === submissionId && n.status === 'graded').length, POLL).toBe(1);
    } finally {
      stop();
    }
    const result = await kit.ok<SubmissionBody>(staff, 'GET', `/api/v1/submissions/${submissionId}`, 200);
    expect(result).toMatchObject({ status: 'graded', score: 2.8, penalty: 0.7 });
    expect(result.items!.find((i) => i.slot === essaySlot)).toMatchObject({ status: 'graded', score: 2.5, correct: false });
    expect((await kit.ok<{ status: string }>(student, 'GET', `/api/v1/attempts/${attempt.id}`, 200)).status).toBe('graded');
    expect((await queueOf(tutor, examId)).items).toEqual([]);
    await expect.poll(() => gradedEvents(submissionId, 'assessment.submission.graded').filter((e) => (e.data as { status: string }).status === 'graded').length, POLL).toBe(1);
    expect(gradedEvents(submissionId, 'assessment.submission.graded').find((e) => (e.data as { status: string }).status === 'graded')!.data).toMatchObject({ score: 2.8, maxScore: 4, gradingRound: 2 });

    expect(await kit.ok<SubmissionBody>(student, 'GET', `/api/v1/submissions/${submissionId}`, 200)).toMatchObject({ released: false, score: null });
    await kit.ok(staff, 'POST', `/api/v1/exams/${examId}/release`, 204, { results: true });
    expect(await kit.ok<SubmissionBody>(student, 'GET', `/api/v1/submissions/${submissionId}`, 200)).toMatchObject({ released: true, status: 'graded', score: 2.8 });

    // Grading again replaces the grade: a regrade, announced as such, and no second `graded`.
    const again = await kit.ok<GradeBody>(staff, 'PUT', `/api/v1/submissions/${submissionId}/grades/${essaySlot}`, 200, { rubric: [{ criterion: 0, points: 4 }, { criterion: 1, points: 2 }] });
    expect(again.submission).toMatchObject({ status: 'graded', score: 3.2, gradingRound: 3 });
    await expect.poll(() => gradedEvents(submissionId, 'assessment.submission.regraded').length, POLL).toBe(1);
    expect(gradedEvents(submissionId, 'assessment.submission.graded').filter((e) => (e.data as { status: string }).status === 'graded')).toHaveLength(1);
  });

  it('keeps a submission pending until its last essay is graded, and pages the queue oldest first', async () => {
    const examId = await kit.exam(staff, courseId, {
      title: 'Two essays', sections: [{ kind: 'fixed', itemId: essayId, points: 6 }, { kind: 'fixed', itemId: otherEssayId, points: 2 }], settings: { attemptsAllowed: 2 },
    });
    const first = await kit.ok<{ id: string; slots: Slot[] }>(student, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
    const firstId = await submit(first.id, first.slots, 'One.');
    const second = await kit.ok<{ id: string; slots: Slot[] }>(student, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
    const secondId = await submit(second.id, second.slots, 'Two.');

    const seen: Array<[string, string]> = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const queue = await queueOf(tutor, examId, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...queue.items.map((i): [string, string] => [i.submissionId, i.slot]));
      if (!queue.nextCursor) break;
      cursor = queue.nextCursor;
    }
    expect(seen).toEqual([[firstId, 'f0'], [firstId, 'f1'], [secondId, 'f0'], [secondId, 'f1']]);

    const one = await kit.ok<GradeBody>(tutor, 'PUT', `/api/v1/submissions/${firstId}/grades/f0`, 200, { rubric: [{ criterion: 0, points: 4 }, { criterion: 1, points: 2 }] });
    expect(one.submission).toMatchObject({ status: 'pending_manual', score: 6, maxScore: 8 });
    const two = await kit.ok<GradeBody>(tutor, 'PUT', `/api/v1/submissions/${firstId}/grades/f1`, 200, { rubric: [{ criterion: 0, points: 2 }, { criterion: 1, points: 1 }] });
    expect(two.submission).toMatchObject({ status: 'graded', score: 7, maxScore: 8, gradingRound: 3 });
    await expect.poll(() => gradedEvents(firstId, 'assessment.submission.graded').filter((e) => (e.data as { status: string }).status === 'graded').length, POLL).toBe(1);
    expect((await queueOf(tutor, examId)).items.map((i) => i.submissionId)).toEqual([secondId, secondId]);
  });

  it('refuses rubric scores out of range with 422 listing each, other tenants with 404, and students with 403', async () => {
    const examId = await kit.exam(staff, courseId, { title: 'Refusals', sections: [{ kind: 'fixed', itemId: essayId, points: 3 }] });
    const attempt = await kit.ok<{ id: string; slots: Slot[] }>(student, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
    const submissionId = await submit(attempt.id, attempt.slots);
    const url = `/api/v1/submissions/${submissionId}/grades/f0`;

    const bad = await kit.request(tutor, 'PUT', url, { rubric: [{ criterion: 0, points: 5 }, { criterion: 3, points: 1 }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json<{ code: string; problems: Array<{ path: string }> }>()).toMatchObject({
      code: 'ASSESSMENT.RUBRIC_SCORES_INVALID', problems: [{ path: '/rubric/0/points' }, { path: '/rubric/1/criterion' }, { path: '/rubric' }],
    });
    expect((await kit.request(tutor, 'PUT', url, { rubric: [{ criterion: 0, points: -1 }, { criterion: 1, points: 0 }] })).statusCode).toBe(400);
    expect((await kit.request(tutor, 'PUT', `/api/v1/submissions/${submissionId}/grades/f7`, { rubric: [{ criterion: 0, points: 1 }] })).statusCode).toBe(404);
    expect((await kit.request(tutor, 'PUT', `/api/v1/submissions/${randomUUID()}/grades/f0`, { rubric: [{ criterion: 0, points: 1 }] })).statusCode).toBe(404);

    const body = { rubric: [{ criterion: 0, points: 1 }, { criterion: 1, points: 1 }] };
    const stranger = await kit.tenant(['instructor']);
    expect((await kit.request(stranger, 'PUT', url, body)).statusCode).toBe(404);
    expect((await kit.request(stranger, 'GET', `/api/v1/exams/${examId}/grading-queue`)).statusCode).toBe(404);
    expect((await kit.request(student, 'PUT', url, body)).statusCode).toBe(403);
    expect((await kit.request(student, 'GET', `/api/v1/exams/${examId}/grading-queue`)).statusCode).toBe(403);
    expect((await kit.request(tutor, 'GET', `/api/v1/exams/${examId}/grading-queue?cursor=bogus`)).statusCode).toBe(400);

    // Nothing was changed by the refusals.
    expect(await kit.ok<SubmissionBody>(staff, 'GET', `/api/v1/submissions/${submissionId}`, 200)).toMatchObject({ status: 'pending_manual', score: 0 });
    expect((await queueOf(tutor, examId)).items).toHaveLength(1);
  });
});
