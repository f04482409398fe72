import { randomUUID } from 'node:crypto';
import { testBackends, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../src/domain/gradebook-csv.js';
import { items, POLL, startAssessmentKit, type AssessmentKit } from './support/assessment-kit.js';

interface Slot { slot: string; item: { type: string } }
interface Row {
  userId: string;
  percent: number | null;
  exams: Array<{ examId: string; percent: number | null; pending: boolean; attempts: number; released: boolean }>;
  categories: Array<{ category: string; weight: number; effectiveWeight: number | null; percent: number | null; counted: string[]; dropped: string[] }>;
}
interface GradebookPage { exams: Array<{ id: string; title: string; category: string }>; items: Row[]; nextCursor: string | null; scheme: { isDefault: boolean } }

/** Right and wrong responses per item type of the kit's items. */
const right: Record<string, unknown> = {
  single_choice: { type: 'single_choice', choice: 'A' }, numeric: { type: 'numeric', value: 9.81, unit: 'm/s²' },
  multiple_choice: { type: 'multiple_choice', choices: ['P2', 'P3'] }, essay: { type: 'essay', text: 'It depends.' },
};
const wrong: Record<string, unknown> = {
  single_choice: { type: 'single_choice', choice: 'B' }, numeric: { type: 'numeric', value: 1, unit: 'm/s²' },
  multiple_choice: { type: 'multiple_choice', choices: ['P4'] }, essay: { type: 'essay', text: '' },
};

let kit: AssessmentKit;
let staff: TestTenant;
const students: TestTenant[] = [];
const courseId = randomUUID();
const exams = { quiz1: '', quiz2: '', final: '' };
const finalTitle = '=Final, "exam"';

/** Takes an exam: the types listed in `correct` answered right, the rest wrong; waits until graded (or pending a person). */
async function take(student: TestTenant, examId: string, correct: string[]): Promise<{ attemptId: string; submissionId: string; slots: Slot[] }> {
  const attempt = await kit.ok<{ id: string; slots: Slot[] }>(student, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
  const answers = attempt.slots.map((s, i) => ({ slot: s.slot, seq: i + 1, response: (correct.includes(s.item.type) ? right : wrong)[s.item.type] }));
  const { submissionId } = await kit.ok<{ submissionId: string }>(student, 'POST', `/api/v1/attempts/${attempt.id}/submit`, 202, { answers });
  // Set up in beforeAll, where expect.poll is not available: poll by hand.
  for (const started = Date.now(); ; await new Promise((resolve) => setTimeout(resolve, POLL.interval))) {
    const { status } = await kit.ok<{ status: string }>(staff, 'GET', `/api/v1/attempts/${attempt.id}/submission`, 200);
    if (status !== 'accepted') break;
    if (Date.now() - started > POLL.timeout) throw new Error(`submission of attempt ${attempt.id} was not graded in time`);
  }
  return { attemptId: attempt.id, submissionId, slots: attempt.slots };
}

beforeAll(async () => {
  kit = await startAssessmentKit();
  staff = await kit.tenant(['instructor']);
  const [capital, gravity, primes, essay] = [
    await kit.item(staff, items.capital), await kit.item(staff, items.gravity), await kit.item(staff, items.primes), await kit.item(staff, items.essay),
  ];
  const fixed = (itemId: string) => ({ kind: 'fixed', itemId, points: 1 });
  exams.quiz1 = await kit.exam(staff, courseId, { title: 'Quiz 1', category: 'quiz', sections: [fixed(capital), fixed(gravity)], settings: { attemptsAllowed: 2 } });
  exams.quiz2 = await kit.exam(staff, courseId, { title: 'Quiz 2', category: 'quiz', sections: [fixed(capital), fixed(primes)] });
  exams.final = await kit.exam(staff, courseId, {
    title: finalTitle, category: 'exam', sections: [fixed(capital), fixed(gravity), fixed(primes), fixed(essay)], settings: { resultsRelease: 'manual' },
  });
  for (let i = 0; i < 3; i++) {
    const student = await kit.member(staff, ['student']);
    await kit.enrolled(staff, courseId, student.subject);
    students.push(student);
  }
  const [a, b, c] = students as [TestTenant, TestTenant, TestTenant];
  // A: quiz 1 at 0 % then 50 % (the best counts), quiz 2 at 100 %, the final at 3 of 4 once its essay gets 0.
  await take(a, exams.quiz1, []);
  await take(a, exams.quiz1, ['single_choice']);
  await take(a, exams.quiz2, ['single_choice', 'multiple_choice']);
  const final = await take(a, exams.final, ['single_choice', 'numeric', 'multiple_choice']);
  const essaySlot = final.slots.find((s) => s.item.type === 'essay')!.slot;
  await kit.ok(staff, 'PUT', `/api/v1/submissions/${final.submissionId}/grades/${essaySlot}`, 200, { rubric: [{ criterion: 0, points: 0 }] });
  // B: quiz 1 at 100 %, quiz 2 at 0 % (dropped), no final.
  await take(b, exams.quiz1, ['single_choice', 'numeric']);
  await take(b, exams.quiz2, []);
  // C: quiz 1 at 50 %, the final waiting for its essay to be graded.
  await take(c, exams.quiz1, ['single_choice']);
  await take(c, exams.final, []);
});

afterAll(async () => kit?.close());

const gradebook = (who: TestTenant, query = '') => kit.ok<GradebookPage>(who, 'GET', `/api/v1/courses/${courseId}/gradebook${query}`, 200);

describe(`the gradebook (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('keeps a grading scheme per course: equal weights by default, set with If-Match, bad ones refused', async () => {
    const byDefault = await kit.request(staff, 'GET', `/api/v1/courses/${courseId}/gradebook/scheme`);
    expect(byDefault.headers.etag).toBe('"0"');
    expect(byDefault.json()).toEqual({
      courseId, isDefault: true, version: 0, categories: [{ category: 'quiz', weight: 50, dropLowest: 0 }, { category: 'exam', weight: 50, dropLowest: 0 }],
    });
    const url = `/api/v1/courses/${courseId}/gradebook/scheme`;
    const twice = await kit.request(staff, 'PUT', url, { categories: [{ category: 'quiz', weight: 50, dropLowest: 0 }, { category: 'quiz', weight: 50, dropLowest: 0 }] }, { 'if-match': '"0"' });
    expect(twice.statusCode).toBe(422);
    expect(twice.json()).toMatchObject({ code: 'ASSESSMENT.SCHEME_INVALID', problems: [{ path: '/categories/1/category' }] });
    const body = { categories: [{ category: 'quiz', weight: 40, dropLowest: 1 }, { category: 'exam', weight: 60, dropLowest: 0 }] };
    expect((await kit.request(staff, 'PUT', url, body)).statusCode).toBe(400);
    const student = students[0]!;
    expect((await kit.request(student, 'PUT', url, body, { 'if-match': '"0"' })).statusCode).toBe(403);
    expect(await kit.ok(staff, 'PUT', url, 200, body, { 'if-match': '"0"' })).toMatchObject({ isDefault: false, version: 1, categories: body.categories });
    expect((await kit.request(staff, 'PUT', url, body, { 'if-match': '"0"' })).statusCode).toBe(412);
    expect(await kit.ok(staff, 'GET', url, 200)).toMatchObject({ version: 1, categories: body.categories });
  });

  it('computes every student\'s row by hand-checked numbers, page by page', async () => {
    const [a, b, c] = students.map((s) => s.subject) as [string, string, string];
    const first = await gradebook(staff, '?limit=2');
    expect(first.exams).toEqual([
      { id: exams.quiz1, title: 'Quiz 1', category: 'quiz' }, { id: exams.quiz2, title: 'Quiz 2', category: 'quiz' }, { id: exams.final, title: finalTitle, category: 'exam' },
    ]);
    expect(first.items).toHaveLength(2);
    const rest = await gradebook(staff, `?limit=2&cursor=${first.nextCursor}`);
    expect(rest.nextCursor).toBeNull();
    const rows = [...first.items, ...rest.items];
    expect(rows.map((r) => r.userId)).toEqual([a, b, c].sort());
    const rowOf = (userId: string) => rows.find((r) => r.userId === userId)!;
    const cells = (row: Row) => row.exams.map((e) => [e.percent, e.pending, e.attempts]);

    // A: quizzes 50 and 100, the lowest dropped: 100; final 75; 0.4 × 100 + 0.6 × 75 = 85.
    expect(cells(rowOf(a))).toEqual([[50, false, 2], [100, false, 1], [75, false, 1]]);
    expect(rowOf(a).categories).toEqual([
      { category: 'quiz', weight: 40, effectiveWeight: 40, percent: 100, counted: [exams.quiz2], dropped: [exams.quiz1] },
      { category: 'exam', weight: 60, effectiveWeight: 60, percent: 75, counted: [exams.final], dropped: [] },
    ]);
    expect(rowOf(a).percent).toBe(85);
    // B: quizzes 100 and 0, the 0 dropped; no final, so the quizzes weigh everything.
    expect(cells(rowOf(b))).toEqual([[100, false, 1], [0, false, 1], [null, false, 0]]);
    expect(rowOf(b).categories.map((k) => [k.percent, k.effectiveWeight, k.dropped])).toEqual([[100, 100, [exams.quiz2]], [null, null, []]]);
    expect(rowOf(b).percent).toBe(100);
    // C: one quiz at 50 (a single result is never dropped); the final waits for its essay.
    expect(cells(rowOf(c))).toEqual([[50, false, 1], [null, false, 0], [null, true, 1]]);
    expect(rowOf(c).categories.map((k) => [k.percent, k.dropped])).toEqual([[50, []], [null, []]]);
    expect(rowOf(c).percent).toBe(50);
  });

  it('exports the same numbers as CSV: RFC 4180 quoting, formula-safe cells, a download', async () => {
    const response = await kit.request(staff, 'GET', `/api/v1/courses/${courseId}/gradebook.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="gradebook-${courseId}.csv"`);
    const [a, b, c] = students.map((s) => s.subject) as [string, string, string];
    const lines = new Map([[a, `${a},50,100,75,100,75,85`], [b, `${b},100,0,,100,,100`], [c, `${c},50,,pending,50,,50`]]);
    expect(response.body).toBe([
      'userId,Quiz 1,Quiz 2,"\'=Final, ""exam""",quiz %,exam %,course %',
      ...[a, b, c].sort().map((id) => lines.get(id)), '',
    ].join('\r\n'));
    expect([csvCell('+1'), csvCell('-x'), csvCell('@SUM(A1)'), csvCell('plain'), csvCell('a\nb'), csvCell(-5)]).toEqual(["'+1", "'-x", "'@SUM(A1)", 'plain', '"a\nb"', '-5']);
  });

  it('shows a student their own row with only released results counted', async () => {
    const a = students[0]!;
    const mine = () => kit.ok<{ row: Row }>(a, 'GET', `/api/v1/me/gradebook?courseId=${courseId}`, 200);
    const before = (await mine()).row;
    expect(before.userId).toBe(a.subject);
    // The final's results are released by hand: until then it neither shows nor counts.
    expect(before.exams.map((e) => [e.percent, e.released])).toEqual([[50, true], [100, true], [null, false]]);
    expect(before.percent).toBe(100);
    await kit.ok(staff, 'POST', `/api/v1/exams/${exams.final}/release`, 204, { results: true });
    const after = (await mine()).row;
    expect(after.exams.map((e) => [e.percent, e.released])).toEqual([[50, true], [100, true], [75, true]]);
    expect(after.percent).toBe(85);
  });

  it('gives readers only: students get 403, another tenant an empty gradebook', async () => {
    const student = students[1]!;
    expect((await kit.request(student, 'GET', `/api/v1/courses/${courseId}/gradebook`)).statusCode).toBe(403);
    expect((await kit.request(student, 'GET', `/api/v1/courses/${courseId}/gradebook.csv`)).statusCode).toBe(403);
    expect((await kit.request(staff, 'GET', `/api/v1/courses/${courseId}/gradebook?cursor=nonsense`)).statusCode).toBe(400);
    const stranger = await kit.tenant(['instructor']);
    // Another tenant's course is as unknown as a made-up one.
    for (const url of ['gradebook', 'gradebook.csv', 'gradebook/scheme']) {
      expect((await kit.request(stranger, 'GET', `/api/v1/courses/${courseId}/${url}`)).statusCode).toBe(404);
    }
  });
});
