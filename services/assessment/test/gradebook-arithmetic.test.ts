import { describe, expect, it } from 'vitest';
import {
  categoryMean, defaultScheme, examCells, gradebookRow, resultsReleased, schemeProblems, weightedPercent, type ExamColumn, type GradedAttempt,
} from '../src/domain/gradebook.js';

const columns: ExamColumn[] = [
  { id: 'q1', title: 'Quiz 1', category: 'quiz' },
  { id: 'q2', title: 'Quiz 2', category: 'quiz' },
  { id: 'q3', title: 'Quiz 3', category: 'quiz' },
  { id: 'e1', title: 'Final', category: 'exam' },
];
const graded = (examId: string, score: number, maxScore = 10, released = true): GradedAttempt => ({ examId, status: 'graded', score, maxScore, released });

describe('gradebook arithmetic', () => {
  it('weighs by default every category of the course equally and drops nothing', () => {
    expect(defaultScheme(columns)).toEqual([{ category: 'quiz', weight: 50, dropLowest: 0 }, { category: 'exam', weight: 50, dropLowest: 0 }]);
    expect(defaultScheme([])).toEqual([]);
  });

  it('counts the best graded attempt of an exam and marks exams still waiting for a grader', () => {
    const cells = examCells(columns, [graded('q1', 4), graded('q1', 8), graded('q1', 6), { examId: 'q2', status: 'pending_manual', score: 3, maxScore: 10, released: true }]);
    expect(cells[0]).toEqual({ examId: 'q1', percent: 80, pending: false, attempts: 3, released: true });
    expect(cells[1]).toEqual({ examId: 'q2', percent: null, pending: true, attempts: 1, released: false });
    expect(cells[3]).toEqual({ examId: 'e1', percent: null, pending: false, attempts: 0, released: false });
  });

  it('drops the lowest results but always keeps one', () => {
    const results = [{ examId: 'a', percent: 90 }, { examId: 'b', percent: 50 }, { examId: 'c', percent: 70 }];
    expect(categoryMean(results, 0)).toEqual({ percent: 70, counted: ['b', 'c', 'a'], dropped: [] });
    expect(categoryMean(results, 1)).toEqual({ percent: 80, counted: ['c', 'a'], dropped: ['b'] });
    expect(categoryMean(results, 5)).toEqual({ percent: 90, counted: ['a'], dropped: ['b', 'c'] });
    expect(categoryMean([], 2)).toEqual({ percent: null, counted: [], dropped: [] });
    // Ties drop in exam id order, so the same grades always give the same row.
    expect(categoryMean([{ examId: 'y', percent: 60 }, { examId: 'x', percent: 60 }], 1).dropped).toEqual(['x']);
  });

  it('renormalises the weights over the categories with grades', () => {
    expect(weightedPercent([{ weight: 30, percent: 80 }, { weight: 70, percent: 60 }])).toBeCloseTo(66);
    expect(weightedPercent([{ weight: 30, percent: 80 }, { weight: 70, percent: null }])).toBe(80);
    expect(weightedPercent([{ weight: 0, percent: 80 }, { weight: 70, percent: null }])).toBeNull();
    expect(weightedPercent([])).toBeNull();
  });

  it('computes a row: drops, category means, weights renormalised when a category is empty', () => {
    const scheme = [{ category: 'quiz' as const, weight: 40, dropLowest: 1 }, { category: 'exam' as const, weight: 60, dropLowest: 0 }];
    const full = gradebookRow('u1', columns, scheme, [graded('q1', 5), graded('q2', 9), graded('q3', 7), graded('e1', 15, 20)]);
    expect(full.categories).toEqual([
      { category: 'quiz', weight: 40, effectiveWeight: 40, percent: 80, counted: ['q3', 'q2'], dropped: ['q1'] },
      { category: 'exam', weight: 60, effectiveWeight: 60, percent: 75, counted: ['e1'], dropped: [] },
    ]);
    expect(full.percent).toBe(77); // 0.4 × 80 + 0.6 × 75
    const quizzesOnly = gradebookRow('u2', columns, scheme, [graded('q1', 5), graded('q2', 10)]);
    expect(quizzesOnly.categories[1]).toMatchObject({ category: 'exam', percent: null, effectiveWeight: null });
    expect(quizzesOnly.categories[0]).toMatchObject({ percent: 100, effectiveWeight: 100 });
    expect(quizzesOnly.percent).toBe(100);
    expect(gradebookRow('u3', columns, scheme, []).percent).toBeNull();
  });

  it('shows categories the scheme leaves out without counting them', () => {
    const row = gradebookRow('u1', columns, [{ category: 'exam', weight: 100, dropLowest: 0 }], [graded('q1', 10), graded('e1', 5)]);
    expect(row.categories.map((c) => [c.category, c.weight, c.percent, c.effectiveWeight])).toEqual([['exam', 100, 50, 100], ['quiz', 0, 100, null]]);
    expect(row.percent).toBe(50);
  });

  it('rounds to 2 decimals only at the end', () => {
    const row = gradebookRow('u1', columns.slice(0, 3), [{ category: 'quiz', weight: 100, dropLowest: 0 }], [graded('q1', 1, 3), graded('q2', 1, 3), graded('q3', 1, 3)]);
    expect(row.exams[0]!.percent).toBe(33.33);
    expect(row.percent).toBe(33.33);
  });

  it('refuses a category listed twice and weights that are all zero', () => {
    expect(schemeProblems([{ category: 'quiz', weight: 50, dropLowest: 0 }, { category: 'quiz', weight: 50, dropLowest: 0 }]).map((p) => p.path)).toEqual(['/categories/1/category']);
    expect(schemeProblems([{ category: 'quiz', weight: 0, dropLowest: 0 }]).map((p) => p.path)).toEqual(['/categories']);
    expect(schemeProblems([{ category: 'quiz', weight: 10, dropLowest: 2 }])).toEqual([]);
  });

  it('releases results as the results read model does', () => {
    const now = new Date('2030-01-02T00:00:00Z');
    expect(resultsReleased('immediately', null, null, now)).toBe(true);
    expect(resultsReleased('manual', null, null, now)).toBe(false);
    expect(resultsReleased('manual', null, '2030-01-01T00:00:00Z', now)).toBe(true);
    expect(resultsReleased('after_close', '2030-01-01T00:00:00Z', null, now)).toBe(true);
    expect(resultsReleased('after_close', '2030-01-03T00:00:00Z', null, now)).toBe(false);
    expect(resultsReleased('after_close', null, null, now)).toBe(false);
  });
});
