import { describe, expect, it } from 'vitest';
import { normaliseAnswer, shortTextAccepts } from '../src/items/answer-matching.js';
import { itemProblems } from '../src/items/item-problems.js';
import type { ItemContent, ItemOf } from '../src/items/item-types.js';
import { unsafePatternReason } from '../src/items/safe-pattern.js';
import { sampleItems } from './fixtures/items-samples.js';

describe('accepted-answer patterns', () => {
  it('accepts ordinary patterns', () => {
    for (const pattern of ['colou?r', '(w\\.? )?shakespeare', '\\d{1,3}(\\.\\d+)?', '[a-z]+ [a-z]+', '(?:the )?eiffel tower', '(ab){2}', 'a|b|c']) {
      expect(unsafePatternReason(pattern), pattern).toBeNull();
    }
  });

  it('refuses patterns that can backtrack catastrophically, backreferences, invalid and overlong ones', () => {
    const refused = ['(a+)+$', '(a*)*b', '(a|aa)+', '(x|xx)*y', '((ab)*)+', '(a{1,5})+', '(.*a){1,20}', '(a)\\1', '(?<x>a)\\k<x>', '(', 'a'.repeat(201), 'a*'.repeat(11)];
    for (const pattern of refused) expect(unsafePatternReason(pattern), pattern).not.toBeNull();
  });
});

describe('short-text normalisation', () => {
  const item = sampleItems().find((i) => i.type === 'short_text') as ItemOf<'short_text'>;

  it('ignores case, extra whitespace, compatibility forms and (when asked) diacritics', () => {
    expect(normaliseAnswer('  William   SHAKESPEARE ', undefined)).toBe('william shakespeare');
    expect(normaliseAnswer('ﬁne', undefined)).toBe('fine');
    expect(normaliseAnswer('Café', { ignoreDiacritics: true })).toBe('cafe');
    expect(normaliseAnswer('Café', undefined)).toBe('café');
    expect(normaliseAnswer('Café', { caseSensitive: true })).toBe('Café');
    expect(shortTextAccepts(item, 'william  shakespeare')).toBe(true);
    expect(shortTextAccepts(item, 'W. Shakespéare')).toBe(true);
    expect(shortTextAccepts(item, 'Marlowe')).toBe(false);
    expect(shortTextAccepts(item, 'a'.repeat(5_000))).toBe(false);
  });
});

describe('itemProblems', () => {
  it('finds nothing wrong with the samples', () => {
    for (const item of sampleItems()) expect(itemProblems(item), item.type).toEqual([]);
  });

  it('names what keeps each type from being published', () => {
    const problems = (item: ItemContent) => itemProblems(item);
    const base = { title: 'x', stem: '<p>Question</p>' };
    expect(problems({ ...base, type: 'multiple_choice', options: [{ id: 'A', text: 'a', correct: false }] }))
      .toEqual(['options: a choice item needs at least 2 options (has 1)', 'options: no option is marked correct']);
    expect(problems({ ...base, type: 'true_false', answer: null })).toEqual(['answer: no correct answer (true or false) is set']);
    expect(problems({ ...base, type: 'short_text', accepted: [] })).toEqual(['accepted: no accepted answer or pattern']);
    expect(problems({ ...base, type: 'ordering', choices: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], correctOrder: ['a', 'a'] }))
      .toEqual(['correctOrder: must list every choice exactly once']);
    expect(problems({ ...base, type: 'matching', sources: [{ id: 'a', text: 'A' }], targets: [{ id: 'a', text: 'B' }], pairs: [{ source: 'a', target: 'z' }] }))
      .toEqual(['sources and targets: duplicate identifier "a"', 'pairs/0: unknown target "z"']);
    expect(problems({ ...base, type: 'cloze', stem: '<p>{{g1}}</p>', gaps: [{ id: 'g1', kind: 'choice', choices: [{ id: 'a', text: 'A' }], correct: null }] }))
      .toEqual(['gaps/0: gap "g1" needs at least 2 choices', 'gaps/0: gap "g1" has no correct choice']);
    expect(problems({ ...base, type: 'essay', rubric: [] })).toEqual(['rubric: an essay needs at least one rubric criterion for its graders']);
    expect(problems({ ...base, type: 'code', language: 'python', testCases: [] })).toEqual(['testCases: a code item needs at least one test case']);
    expect(problems({ ...base, type: 'numeric', value: 1, unitAliases: ['m'], tolerance: { mode: 'relative', amount: 2 } }))
      .toEqual(['unitAliases: aliases need a unit', 'tolerance: a relative tolerance must be below 1 (100 %)']);
  });
});
