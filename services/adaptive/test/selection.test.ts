import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatesBySkill, DEFAULT_SELECTION, selectNext, type Candidate, type LearnerView, type SelectionRequest } from '../src/domain/selection.js';
import { SkillGraph } from '../src/domain/skill-graph.js';

// Skills: A ← B ← C (B requires A, C requires B), and D independent.
const graph = new SkillGraph([{ skillId: 'B', requiresSkillId: 'A' }, { skillId: 'C', requiresSkillId: 'B' }], new Map([['A', 'Alpha'], ['B', 'Beta'], ['C', 'Gamma'], ['D', 'Delta']]));

function items(skill: string, count: number, overrides: Partial<Candidate> = {}): Candidate[] {
  return Array.from({ length: count }, (_unused, index) => ({ itemId: `${skill}${index}`, skills: [skill], uses: 0, examItem: false, gainSum: 0, gainCount: 0, ...overrides }));
}

function learner(mastery: Record<string, number>, overrides: Partial<LearnerView> = {}): LearnerView {
  return { mastery: new Map(Object.entries(mastery)), dueReviews: [], recentItems: [], answersSinceReview: 5, priorOf: () => 0.3, ...overrides };
}

function request(overrides: Partial<SelectionRequest> & { candidates?: Candidate[] }): SelectionRequest {
  let seed = 1;
  const { candidates = [...items('A', 3), ...items('B', 3), ...items('C', 3)], ...rest } = overrides;
  const bySkill = candidatesBySkill(candidates);
  return {
    goalSkills: ['C'], graph, learner: learner({}), candidatesOf: (skill) => bySkill.get(skill) ?? [],
    predict: () => 0.7, settings: DEFAULT_SELECTION,
    random: () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; },
    ...rest,
  };
}

describe('item selection', () => {
  it('starts with the deepest unmet prerequisite, naming what it unlocks', () => {
    const chosen = selectNext(request({}));
    expect(chosen).toMatchObject({ skillId: 'A', reason: 'prerequisite', forSkillId: 'B' });
  });

  it('never offers an item whose prerequisites are unmet while another skill is ready', () => {
    fc.assert(fc.property(fc.record({ A: fc.double({ min: 0, max: 1, noNaN: true }), B: fc.double({ min: 0, max: 1, noNaN: true }), C: fc.double({ min: 0, max: 1, noNaN: true }) }), (mastery) => {
      const chosen = selectNext(request({ learner: learner(mastery) }));
      if (!chosen) return Object.values(mastery).every((p) => p >= DEFAULT_SELECTION.masteryThreshold);
      const mastered = (skill: string) => (mastery[skill as 'A'] ?? 0) >= DEFAULT_SELECTION.masteryThreshold;
      return graph.prerequisitesOf(chosen.skillId).every(mastered) && !mastered(chosen.skillId);
    }));
  });

  it('offers a skill with unmet prerequisites when nothing else has items (the "unless none else" rule)', () => {
    const chosen = selectNext(request({ candidates: items('C', 2) }));
    expect(chosen?.skillId).toBe('C');
  });

  it('skips mastered skills and says when a skill is close to mastery', () => {
    const chosen = selectNext(request({ learner: learner({ A: 0.97, B: 0.85 }) }));
    expect(chosen).toMatchObject({ skillId: 'B', reason: 'prerequisite' });
    const last = selectNext(request({ learner: learner({ A: 0.97, B: 0.97, C: 0.85 }) }));
    expect(last).toMatchObject({ skillId: 'C', reason: 'close_to_mastery' });
  });

  it('returns nothing when every skill in scope is mastered and no review is due', () => {
    expect(selectNext(request({ learner: learner({ A: 0.99, B: 0.99, C: 0.99 }) }))).toBeNull();
  });

  it('surfaces a due review, interleaved with new learning rather than stacked', () => {
    const due = learner({ A: 0.99, B: 0.5 }, { dueReviews: ['A'], answersSinceReview: 1 });
    expect(selectNext(request({ learner: due }))).toMatchObject({ skillId: 'A', reason: 'review_due' });
    const justReviewed = learner({ A: 0.99, B: 0.5 }, { dueReviews: ['A'], answersSinceReview: 0 });
    expect(selectNext(request({ learner: justReviewed }))?.skillId).toBe('B');
    const allMastered = learner({ A: 0.99, B: 0.99, C: 0.99 }, { dueReviews: ['A'], answersSinceReview: 0 });
    expect(selectNext(request({ learner: allMastered }))).toMatchObject({ skillId: 'A', reason: 'review_due' });
  });

  it('prefers items predicted inside the target band', () => {
    const predictions: Record<string, number> = { A0: 0.3, A1: 0.7, A2: 0.97 };
    for (let run = 0; run < 20; run += 1) {
      const chosen = selectNext(request({ goalSkills: ['A'], predict: (c) => predictions[c.itemId]!, random: Math.random }));
      expect(chosen?.itemId).toBe('A1');
    }
  });

  it('falls back to the items nearest the band when none is inside it', () => {
    const predictions: Record<string, number> = { A0: 0.2, A1: 0.45, A2: 0.99 };
    expect(selectNext(request({ goalSkills: ['A'], predict: (c) => predictions[c.itemId]! }))?.itemId).toBe('A1');
  });

  it('does not repeat a recent item while others remain', () => {
    const chosen = selectNext(request({ goalSkills: ['A'], learner: learner({}, { recentItems: ['A0', 'A1'] }) }));
    expect(chosen?.itemId).toBe('A2');
  });

  it('keeps over-exposed items and exam items out of practice while others exist', () => {
    const pool = [
      { ...items('A', 1)[0]!, itemId: 'hot', uses: 90 },
      { ...items('A', 1)[0]!, itemId: 'exam', examItem: true },
      { ...items('A', 1)[0]!, itemId: 'cold', uses: 10 },
    ];
    for (let run = 0; run < 10; run += 1) expect(selectNext(request({ goalSkills: ['A'], candidates: pool, random: Math.random }))?.itemId).toBe('cold');
  });

  it('explores: an untried item gets chosen sometimes, a proven one most often (Thompson sampling)', () => {
    const pool = [
      { ...items('D', 1)[0]!, itemId: 'proven', gainSum: 3, gainCount: 30 },
      { ...items('D', 1)[0]!, itemId: 'new' },
    ];
    const counts = { proven: 0, new: 0 };
    for (let run = 0; run < 400; run += 1) {
      const chosen = selectNext(request({ goalSkills: ['D'], candidates: pool, random: Math.random }));
      counts[chosen!.itemId as 'new'] += 1;
    }
    expect(counts.new).toBeGreaterThan(20);
    expect(counts.proven).toBeGreaterThan(counts.new);
  });
});
