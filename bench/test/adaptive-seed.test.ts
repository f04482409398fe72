import { clamp, updateMastery } from '@tessera/learner-models';
import { describe, expect, it } from 'vitest';
import { catalogShape, skillGraph, wrongResponse } from '../src/adaptive/catalog-shape.js';
import { HistoryGenerator, MASTERY_THRESHOLD, TRACKING_BKT, type HistoryItem } from '../src/adaptive/history.js';

const now = new Date('2026-03-01T12:00:00Z');

describe('the adaptive bench catalog', () => {
  it('cuts the skills into chains, each skill requiring the one before it', () => {
    const skills = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const graph = skillGraph(skills, 2);
    expect(graph.prerequisites).toHaveLength(8);
    expect(graph.prerequisites).toContainEqual({ skillId: 's1', requiresSkillId: 's0' });
    expect(graph.prerequisites.some((edge) => edge.skillId === 's5')).toBe(false);
    expect(graph.skills.map((skill) => skill.name).slice(4, 6)).toEqual(['Skill 1.5', 'Skill 2.1']);
  });

  it('is the same for the same seed, items spread evenly with a wrong response for each type', () => {
    const spec = { skills: 20, chains: 4, items: 200, seed: 3 };
    const shape = catalogShape(spec, now);
    expect(catalogShape(spec, now)).toEqual(shape);
    expect(shape.course.skills).toEqual(shape.skillOrder);
    const perSkill = new Map<string, number>();
    for (const item of shape.items) perSkill.set(item.skills[0]!, (perSkill.get(item.skills[0]!) ?? 0) + 1);
    expect([...perSkill.values()]).toEqual(new Array(20).fill(10));
    for (const item of shape.items) expect(Object.keys(wrongResponse(item.type))).toContain('type');
  });
});

describe('the simulated history', () => {
  const skillOrder = ['a', 'b', 'c', 'd'];
  const itemsBySkill = new Map<string, HistoryItem[]>(skillOrder.map((skill) => [skill, [1, 2, 3].map((n) => ({ itemId: `${skill}${n}`, difficulty: 0.2 * n }))]));
  const generator = () => new HistoryGenerator({ tenantId: 't', courseId: 'c', skillOrder, itemsBySkill, responsesPerStudent: 20, seed: 9, now });

  it('records what the service would have tracked from the answers', () => {
    const history = generator();
    for (let s = 0; s < 50; s++) {
      const student = history.student(`u${s}`);
      expect(student.responses).toHaveLength(20);
      const times = student.responses.map((row) => (row.answered_at as Date).getTime());
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect(Math.max(...times)).toBeLessThan(now.getTime());
      for (const row of student.mastery) {
        const answers = student.responses.filter((response) => (response.skills as string[])[0] === row.skill_id);
        const replayed = answers.reduce((p, answer) => clamp(updateMastery(TRACKING_BKT, p, answer.correct as boolean), 1e-4, 1 - 1e-4), TRACKING_BKT.prior);
        expect(row.p_known).toBeCloseTo(replayed, 12);
        expect(row.attempts).toBe(answers.length);
        expect(row.successes).toBe(answers.filter((answer) => answer.correct).length);
      }
      expect(student.ability.responses).toBe(20);
    }
  });

  it('moves a student to the next skill only once the one before is mastered', () => {
    const history = generator();
    for (let s = 0; s < 50; s++) {
      const student = history.student(`u${s}`);
      const practised = [...new Set(student.responses.map((row) => (row.skills as string[])[0]))];
      expect(practised).toEqual(skillOrder.slice(0, practised.length));
      for (const row of student.mastery.slice(0, -1)) expect(row.p_known as number).toBeGreaterThanOrEqual(MASTERY_THRESHOLD);
    }
  });

  it('adds up every item use over the students, deterministically', () => {
    const first = generator();
    const second = generator();
    for (let s = 0; s < 30; s++) expect(first.student(`u${s}`)).toEqual(second.student(`u${s}`));
    expect([...first.itemUse.values()].reduce((sum, use) => sum + use.uses, 0)).toBe(30 * 20);
  });
});
