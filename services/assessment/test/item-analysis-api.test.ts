import { randomUUID } from 'node:crypto';
import { eventNameOf } from '@tessera/platform';
import { testBackends, type TestTenant } from '@tessera/platform/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyExamDelta, applyItemDelta, emptyExamStats, emptyItemStats, examContribution, itemContribution, mergeAllExamStats, mergeExamStats, mergeItemStats,
  type ExamStats, type ItemStats,
} from '../src/analysis/index.js';
import { recordInAnalysis, type AnalysedSubmission } from '../src/app/analysis-updates.js';
import type { AssessmentDatabase } from '../src/db/assessment.table.js';
import { items, POLL, startAssessmentKit, type AssessmentKit } from './support/assessment-kit.js';

interface ChoiceRow { choice: string; count: number; share: number | null }
interface ItemRow { itemId: string; title: string | null; n: number; maxScore: number; meanScore: number | null; facility: number | null; pCorrect: number | null; discrimination: number | null; itemRestCorrelation: number | null; choices: ChoiceRow[] }
interface ExamRow { n: number; meanTotal: number | null; standardDeviation: number | null; minTotal: number | null; maxTotal: number | null; minTotalMayBeStale: boolean; maxTotalMayBeStale: boolean; passRate: number | null; histogram: Array<{ fromPercent: number; count: number }>; slotCount: number; cronbachAlpha: number | null; medianPercentEstimate: number | null; standardErrorOfMeasurement: number | null }
interface AnalysisBody { exam: ExamRow; items: ItemRow[] }
interface SubmissionBody { id: string; status: string; score: number | null; items: Array<{ slot: string; itemId: string; itemVersion: number; score: number | null; correct: boolean | null }> | null }

/** A response per item type, keyed by what the student does with it. */
type Answer = Record<string, unknown> | null;

describe('merging the shards of the analysis', () => {
  const attempts = [[1, 0, 2], [0, 1, 0], [1, 1, 2], [0, 0, 0], [1, 0, 0]] as const;
  const examOf = (subset: ReadonlyArray<readonly number[]>) => subset.reduce<ExamStats>((stats, scores) =>
    applyExamDelta(stats, examContribution({ slotScores: { a: scores[0]!, b: scores[1]!, c: scores[2]! }, maxPoints: 4, passed: scores[0] === 1 }), 1), emptyExamStats());
  const itemOf = (subset: ReadonlyArray<readonly number[]>) => subset.reduce<ItemStats>((stats, scores) =>
    applyItemDelta(stats, itemContribution(scores[0]!, scores[0] === 1, scores[0]! + scores[1]! + scores[2]!, scores[0] === 1 ? ['A'] : ['B']), 1), emptyItemStats(1, ['A', 'B', 'C']));

  it('adds up parts to the statistics of all their attempts', () => {
    const [first, second] = [attempts.slice(0, 2), attempts.slice(2)];
    expect(mergeExamStats(examOf(first), examOf(second))).toEqual(examOf(attempts));
    expect(mergeAllExamStats([examOf([]), examOf(first), examOf([]), examOf(second)])).toEqual(examOf(attempts));
    expect(mergeAllExamStats([])).toEqual(emptyExamStats());
    expect(mergeItemStats(itemOf(first), itemOf(second))).toEqual(itemOf(attempts));
    expect(mergeItemStats(emptyItemStats(1), itemOf(attempts))).toEqual(itemOf(attempts));
  });

  it('keeps a merged extreme exact when a part holds it exactly, and marks it a bound otherwise', () => {
    const low = examOf([[0, 0, 0], [1, 1, 2]]);
    const stale = applyExamDelta(low, examContribution({ slotScores: { a: 0, b: 0, c: 0 }, maxPoints: 4, passed: false }), -1);
    expect(stale).toMatchObject({ minTotal: 0, minTotalMayBeStale: true });
    expect(mergeExamStats(stale, examOf([[0, 0, 0]]))).toMatchObject({ minTotal: 0, minTotalMayBeStale: false, maxTotal: 4, maxTotalMayBeStale: false });
    expect(mergeExamStats(stale, examOf([[1, 0, 0]]))).toMatchObject({ minTotal: 0, minTotalMayBeStale: true });
  });
});

let kit: AssessmentKit;
let staff: TestTenant;
const courseId = randomUUID();

beforeAll(async () => {
  kit = await startAssessmentKit();
  staff = await kit.tenant(['instructor']);
});

afterAll(async () => kit?.close());

const rows = async (query: ReturnType<typeof sql>) => (await kit.platform.db.withSystem((tx) => query.execute(tx))).rows;
const analysisOf = (examId: string) => kit.ok<AnalysisBody>(staff, 'GET', `/api/v1/exams/${examId}/analysis`, 200);
const itemIn = (analysis: AnalysisBody, itemId: string) => analysis.items.find((i) => i.itemId === itemId)!;
const RANGE = ['minTotal', 'maxTotal', 'minTotalMayBeStale', 'maxTotalMayBeStale'];
const withoutRange = (exam: ExamRow) => Object.fromEntries(Object.entries(exam).filter(([key]) => !RANGE.includes(key)));
const choicesOf = (row: ItemRow) => Object.fromEntries(row.choices.map((c) => [c.choice, c.count]));

async function student(): Promise<TestTenant> {
  const who = await kit.member(staff, ['student']);
  await kit.enrolled(staff, courseId, who.subject);
  return who;
}

/** Starts an attempt, submits one answer per item (by item id; null leaves it blank), and waits for its result. */
async function answer(who: TestTenant, examId: string, responses: Record<string, Answer>, settled = ['graded']): Promise<SubmissionBody> {
  const attempt = await kit.ok<{ id: string }>(who, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
  const slotOf = await slotsByItem(attempt.id);
  const answers = Object.entries(responses).filter(([, response]) => response !== null).map(([itemId, response], i) => ({ slot: slotOf.get(itemId)!, seq: i + 1, response }));
  const accepted = await kit.ok<{ submissionId: string }>(who, 'POST', `/api/v1/attempts/${attempt.id}/submit`, 202, { answers });
  await expect.poll(async () => (await kit.request(staff, 'GET', `/api/v1/submissions/${accepted.submissionId}`)).json<SubmissionBody>().status, POLL).toSatisfy((s: string) => settled.includes(s));
  return kit.ok<SubmissionBody>(staff, 'GET', `/api/v1/submissions/${accepted.submissionId}`, 200);
}

/** The attempt's slot of each item (the student's view does not name item ids). */
async function slotsByItem(attemptId: string): Promise<Map<string, string>> {
  const found = await rows(sql`select slots from assessment.attempts where id = ${attemptId}`) as Array<{ slots: Array<{ slot: string; itemId: string }> }>;
  return new Map(found[0]!.slots.map((s) => [s.itemId, s.slot]));
}

const single = (choice: string) => ({ type: 'single_choice', choice });
const multiple = (...choices: string[]) => ({ type: 'multiple_choice', choices });
const numeric = (value: number) => ({ type: 'numeric', value, unit: 'm/s²' });

describe(`item analysis over HTTP (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('answers zeros and nulls for an exam nobody has submitted, listing its items and their options', async () => {
    const capital = await kit.item(staff, items.capital);
    const examId = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId: capital, points: 2 }] });
    const analysis = await analysisOf(examId);
    expect(analysis.exam).toMatchObject({ n: 0, meanTotal: null, standardDeviation: null, minTotal: null, maxTotal: null, passRate: null, cronbachAlpha: null, medianPercentEstimate: null });
    expect(analysis.exam.histogram.map((bin) => bin.count)).toEqual(new Array(10).fill(0));
    expect(analysis.items).toEqual([{
      itemId: capital, title: 'Capital', n: 0, maxScore: 2, meanScore: null, facility: null, pCorrect: null, discrimination: null, itemRestCorrelation: null,
      choices: [{ choice: 'A', count: 0, share: null }, { choice: 'B', count: 0, share: null }, { choice: 'C', count: 0, share: null }, { choice: 'blank', count: 0, share: null }],
    }]);
  });

  it('keeps facility, discrimination, distractor counts, the score distribution and alpha up to date as submissions are graded', async () => {
    const [capital, gravity, primes] = [await kit.item(staff, items.capital), await kit.item(staff, items.gravity), await kit.item(staff, items.primes)];
    const examId = await kit.exam(staff, courseId, {
      sections: [{ kind: 'fixed', itemId: capital, points: 1 }, { kind: 'fixed', itemId: gravity, points: 1 }, { kind: 'fixed', itemId: primes, points: 2 }],
      settings: { passingPercent: 50 },
    });
    // Totals 4, 1, 3 and 0 of 4 points.
    const plan: Array<Record<string, Answer>> = [
      { [capital]: single('A'), [gravity]: numeric(9.81), [primes]: multiple('P2', 'P3') },
      { [capital]: single('B'), [gravity]: numeric(9.8), [primes]: multiple('P2') },
      { [capital]: single('A'), [gravity]: numeric(5), [primes]: multiple('P3', 'P2') },
      { [capital]: null, [gravity]: null, [primes]: multiple('P4') },
    ];
    const scores: Array<number | null> = [];
    for (const responses of plan) scores.push((await answer(await student(), examId, responses)).score);
    expect(scores).toEqual([4, 1, 3, 0]);

    const analysis = await analysisOf(examId);
    expect(analysis.items.map((i) => i.itemId)).toEqual([capital, gravity, primes]);
    // Capital: scores 1, 0, 1, 0 against totals 4, 1, 3, 0: Σ(x−x̄)(y−ȳ) = 3, Σ(x−x̄)² = 1, Σ(y−ȳ)² = 10.
    const capitalRow = itemIn(analysis, capital);
    expect(capitalRow).toMatchObject({ title: 'Capital', n: 4, maxScore: 1, meanScore: 0.5, facility: 0.5, pCorrect: 0.5 });
    expect(capitalRow.discrimination).toBeCloseTo(3 / Math.sqrt(10), 10);
    expect(choicesOf(capitalRow)).toEqual({ A: 2, B: 1, C: 0, blank: 1 });
    expect(capitalRow.choices.map((c) => c.choice)).toEqual(['A', 'B', 'C', 'blank']);
    expect(itemIn(analysis, gravity)).toMatchObject({ title: 'Gravity', n: 4, facility: 0.5, pCorrect: 0.5, choices: [] });
    const primesRow = itemIn(analysis, primes);
    expect(primesRow).toMatchObject({ n: 4, maxScore: 2, meanScore: 1, facility: 0.5, pCorrect: 0.5 });
    expect(choicesOf(primesRow)).toEqual({ P2: 3, P3: 2, P4: 1, blank: 0 });

    expect(analysis.exam).toMatchObject({ n: 4, meanTotal: 2, minTotal: 0, maxTotal: 4, minTotalMayBeStale: false, maxTotalMayBeStale: false, passRate: 0.5, slotCount: 3 });
    expect(analysis.exam.standardDeviation).toBeCloseTo(Math.sqrt(10 / 3), 10);
    expect(analysis.exam.histogram.map((bin) => bin.count)).toEqual([1, 0, 1, 0, 0, 0, 0, 1, 0, 1]);
    // Slot variances 1/3, 1/3 and 4/3 against a total variance of 10/3: alpha = 3/2 · (1 − 2 ÷ 10/3).
    expect(analysis.exam.cronbachAlpha).toBeCloseTo(0.6, 10);
    // The statistics live in a bounded number of rows: at most one per subject and shard.
    const [stored] = await rows(sql`select count(*)::int as n from assessment.analysis_stats where exam_id = ${examId}`) as Array<{ n: number }>;
    expect(stored!.n).toBeLessThanOrEqual(4 * 8);
  });

  it('counts a submission waiting for an essay grade only once it is wholly graded', async () => {
    const [capital, essay] = [await kit.item(staff, items.capital), await kit.item(staff, items.essay)];
    const examId = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId: capital, points: 1 }, { kind: 'fixed', itemId: essay, points: 5 }] });
    await answer(await student(), examId, { [capital]: single('A'), [essay]: { type: 'essay', text: 'Because.' } }, ['pending_manual']);
    const analysis = await analysisOf(examId);
    expect(analysis.exam.n).toBe(0);
    expect(analysis.items.map((i) => [i.itemId, i.n])).toEqual([[capital, 0], [essay, 0]]);
  });

  it('regrades every submission after an item correction: new scores, a new round, regraded events, and the analysis of the corrected item', async () => {
    const wrongKey = { type: 'single_choice', title: 'Boiling point', stem: '<p>Water boils at sea level at?</p>', options: [{ id: 'X', text: '90 °C', correct: true }, { id: 'Y', text: '100 °C', correct: false }, { id: 'Z', text: '110 °C', correct: false }] };
    const corrected = { ...wrongKey, options: [{ id: 'X', text: '90 °C', correct: false }, { id: 'Y', text: '100 °C', correct: true }, { id: 'Z', text: '110 °C', correct: false }] };
    const boiling = await kit.item(staff, wrongKey);
    const capital = await kit.item(staff, items.capital);
    const sections = [{ kind: 'fixed', itemId: boiling, points: 2 }, { kind: 'fixed', itemId: capital, points: 1 }];
    const examId = await kit.exam(staff, courseId, { sections });
    const plan: Array<Record<string, Answer>> = [
      { [boiling]: single('Y'), [capital]: single('A') },
      { [boiling]: single('X'), [capital]: single('A') },
      { [boiling]: single('Y'), [capital]: single('C') },
      { [boiling]: null, [capital]: single('A') },
    ];
    const students = await Promise.all(plan.map(() => student()));
    const before: SubmissionBody[] = [];
    for (const [i, responses] of plan.entries()) before.push(await answer(students[i]!, examId, responses));
    expect(before.map((s) => s.score)).toEqual([1, 3, 0, 1]);

    await kit.item(staff, corrected, { itemId: boiling, version: 2 });
    const result = await kit.ok<{ itemId: string; itemVersion: number; regraded: number }>(staff, 'POST', `/api/v1/exams/${examId}/regrade`, 200, { itemId: boiling });
    expect(result).toEqual({ itemId: boiling, itemVersion: 2, regraded: 4 });

    const after = await Promise.all(before.map((s) => kit.ok<SubmissionBody>(staff, 'GET', `/api/v1/submissions/${s.id}`, 200)));
    expect(after.map((s) => s.score)).toEqual([3, 1, 2, 1]);
    for (const submission of after) expect(submission.items!.find((i) => i.itemId === boiling)).toMatchObject({ itemVersion: 2 });
    expect(after[0]!.items!.find((i) => i.itemId === boiling)).toMatchObject({ score: 2, correct: true });
    const ids = before.map((s) => s.id);
    expect(await rows(sql`select distinct grading_round from assessment.submissions where id in (${sql.join(ids)})`)).toEqual([{ grading_round: 2 }]);
    await expect.poll(() => kit.graded.filter((e) => eventNameOf(e) === 'assessment.submission.regraded' && ids.includes(e.subject!)).length, POLL).toBe(4);
    const regraded = kit.graded.find((e) => eventNameOf(e) === 'assessment.submission.regraded' && e.subject === ids[0]);
    expect(regraded?.data).toMatchObject({ submissionId: ids[0], score: 3, gradingRound: 2, items: expect.arrayContaining([expect.objectContaining({ itemId: boiling, itemVersion: 2, correct: true })]) });

    // Repeating the request finds nothing left to re-score.
    expect(await kit.ok(staff, 'POST', `/api/v1/exams/${examId}/regrade`, 200, { itemId: boiling })).toMatchObject({ regraded: 0 });

    // The same answers to an exam that had the corrected item from the start give the same analysis.
    const fresh = await kit.exam(staff, courseId, { sections });
    for (const [i, responses] of plan.entries()) await answer(students[i]!, fresh, responses);
    const [regradedAnalysis, freshAnalysis] = [await analysisOf(examId), await analysisOf(fresh)];
    expect(regradedAnalysis.items).toEqual(freshAnalysis.items);
    expect(itemIn(regradedAnalysis, boiling)).toMatchObject({ n: 4, facility: 0.5, pCorrect: 0.5 });
    // A regrade can leave the lowest and highest totals as bounds only (see ExamStats.minTotal); all else matches.
    expect(withoutRange(regradedAnalysis.exam)).toEqual(withoutRange(freshAnalysis.exam));
    const [regradedExam, freshExam] = [regradedAnalysis.exam, freshAnalysis.exam];
    expect(regradedExam.minTotalMayBeStale ? regradedExam.minTotal! <= freshExam.minTotal! : regradedExam.minTotal === freshExam.minTotal).toBe(true);
    expect(regradedExam.maxTotalMayBeStale ? regradedExam.maxTotal! >= freshExam.maxTotal! : regradedExam.maxTotal === freshExam.maxTotal).toBe(true);
  });

  it('loses no update when many grading transactions of one exam record results at once', async () => {
    const [capital, primes] = [await kit.item(staff, items.capital), await kit.item(staff, items.primes)];
    const examId = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId: capital, points: 1 }, { kind: 'fixed', itemId: primes, points: 1 }] });
    const exam = { sections: [{ kind: 'fixed' as const, points: 1, item: { itemId: capital, version: 1, type: 'single_choice' } }, { kind: 'fixed' as const, points: 1, item: { itemId: primes, version: 1, type: 'multiple_choice' } }] };
    const submission = (right: boolean): AnalysedSubmission => ({
      id: randomUUID(), tenantId: staff.tenantId, attemptId: randomUUID(), examId, examVersion: 1, courseId, userId: randomUUID(), submittedAt: new Date(),
      late: false, auto: false, status: 'graded', score: right ? 2 : 1, maxScore: 2, penalty: 0, passed: null, gradedAt: new Date(),
      items: [
        { slot: 'f0', itemId: capital, itemVersion: 1, status: 'graded', score: right ? 1 : 0, maxScore: 1, correct: right, selected: [right ? 'A' : 'B'] },
        { slot: 'f1', itemId: primes, itemVersion: 1, status: 'graded', score: 1, maxScore: 1, correct: true, selected: ['P2', 'P3'] },
      ],
    });
    const record = (result: AnalysedSubmission, previous: AnalysedSubmission | null) =>
      kit.platform.db.withTenant<AssessmentDatabase, void>(staff.tenantId, (tx) => recordInAnalysis(tx, staff.tenantId, result, exam, previous));
    const wrong = Array.from({ length: 24 }, () => submission(false));
    await Promise.all(wrong.map((s) => record(s, null)));
    // Half of them are regraded right while others are graded for the first time.
    const fixes = wrong.slice(0, 12).map((s) => ({ before: s, after: { ...submission(true), id: s.id } }));
    await Promise.all([...fixes.map(({ before, after }) => record(after, before)), ...Array.from({ length: 12 }, () => record(submission(true), null))]);
    const analysis = await analysisOf(examId);
    expect(analysis.exam).toMatchObject({ n: 36, meanTotal: (24 * 2 + 12) / 36 });
    expect(itemIn(analysis, capital)).toMatchObject({ n: 36, pCorrect: 24 / 36 });
    expect(choicesOf(itemIn(analysis, capital))).toEqual({ A: 24, B: 12, C: 0, blank: 0 });
    expect(choicesOf(itemIn(analysis, primes))).toEqual({ P2: 36, P3: 36, P4: 0, blank: 0 });
  });

  it('refuses another tenant\'s staff with 404, students with 403, and a malformed regrade with 400', async () => {
    const capital = await kit.item(staff, items.capital);
    const examId = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId: capital, points: 1 }] });
    const stranger = await kit.tenant(['instructor']);
    const foreignAnalysis = await kit.request(stranger, 'GET', `/api/v1/exams/${examId}/analysis`);
    expect(foreignAnalysis.statusCode).toBe(404);
    expect(foreignAnalysis.headers['content-type']).toContain('application/problem+json');
    expect((await kit.request(stranger, 'POST', `/api/v1/exams/${examId}/regrade`, { itemId: capital })).statusCode).toBe(404);
    const pupil = await student();
    expect((await kit.request(pupil, 'GET', `/api/v1/exams/${examId}/analysis`)).statusCode).toBe(403);
    expect((await kit.request(pupil, 'POST', `/api/v1/exams/${examId}/regrade`, { itemId: capital })).statusCode).toBe(403);
    expect((await kit.request(staff, 'POST', `/api/v1/exams/${examId}/regrade`, { itemId: 'capital' })).statusCode).toBe(400);
    expect((await kit.request(staff, 'POST', `/api/v1/exams/${examId}/regrade`, { itemId: randomUUID() })).statusCode).toBe(404);
    expect((await kit.request(staff, 'GET', `/api/v1/exams/${randomUUID()}/analysis`)).statusCode).toBe(404);
  });
});
