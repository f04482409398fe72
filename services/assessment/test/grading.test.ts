import { Value } from '@sinclair/typebox/value';
import type { ItemContent, ItemOf, ItemType } from '@tessera/catalog/contract';
import { describe, expect, it } from 'vitest';
import {
  gradeItem, ItemResponse, responseFits, type GradedOutcome, type ItemOutcome, type ScoringRules,
} from '../src/grading/index.js';

// ---------------------------------------------------------------------------------------------------------
// Items: one per type (some with variants), with feedback wherever the type has it.
// ---------------------------------------------------------------------------------------------------------

const feedback = { general: '<p>G</p>', correct: '<p>C</p>', incorrect: '<p>I</p>' };
const common = { title: 'Item', stem: '<p>Stem</p>', feedback };

const singleChoice: ItemOf<'single_choice'> = {
  type: 'single_choice', ...common,
  options: [
    { id: 'A', text: 'Paris', correct: true, feedback: '<p>A!</p>' },
    { id: 'B', text: 'Lyon', correct: false, feedback: '<p>B!</p>' },
    { id: 'C', text: 'Nice', correct: false },
  ],
};
const multipleChoice: ItemOf<'multiple_choice'> = {
  type: 'multiple_choice', ...common,
  options: [
    { id: 'A', text: '2', correct: true, feedback: '<p>A!</p>' },
    { id: 'B', text: '4', correct: false, feedback: '' },
    { id: 'C', text: '5', correct: true },
    { id: 'D', text: '9', correct: false, feedback: '<p>D!</p>' },
  ],
};
const noneCorrect: ItemOf<'multiple_choice'> = {
  ...multipleChoice, options: multipleChoice.options.map((option) => ({ ...option, correct: false })),
};
const trueFalse: ItemOf<'true_false'> = { type: 'true_false', ...common, answer: true, feedbackTrue: '<p>T</p>', feedbackFalse: '<p>F</p>' };
const gravity: ItemOf<'numeric'> = { type: 'numeric', ...common, value: 9.81, unit: 'm/s²', unitAliases: ['m/s^2', ' m s-2 '] };
const absolute: ItemOf<'numeric'> = { type: 'numeric', ...common, value: 9.8, tolerance: { mode: 'absolute', amount: 0.1 } };
const relative: ItemOf<'numeric'> = { type: 'numeric', ...common, value: 200, tolerance: { mode: 'relative', amount: 0.05 } };
const negative: ItemOf<'numeric'> = { type: 'numeric', ...common, value: -4, tolerance: { mode: 'relative', amount: 0.5 } };
const exactSum: ItemOf<'numeric'> = { type: 'numeric', ...common, value: 0.3 };
const latency: ItemOf<'numeric'> = { type: 'numeric', ...common, value: 5, unit: 'ms', unitAliases: ['msec'] };
const shortText: ItemOf<'short_text'> = {
  type: 'short_text', ...common, accepted: ['William Shakespeare', 'Shakespeare'], patterns: ['(w\\.? )?shakespeare'],
  normalise: { ignoreDiacritics: true },
};
const caseSensitiveText: ItemOf<'short_text'> = { type: 'short_text', ...common, accepted: ['NaCl'], normalise: { caseSensitive: true } };
const ordering: ItemOf<'ordering'> = {
  type: 'ordering', ...common,
  choices: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id.toUpperCase() })),
  correctOrder: ['a', 'b', 'c', 'd'],
};
const matching: ItemOf<'matching'> = {
  type: 'matching', ...common,
  sources: [{ id: 'FR', text: 'France' }, { id: 'DE', text: 'Germany' }, { id: 'IT', text: 'Italy' }],
  targets: [{ id: 'PAR', text: 'Paris' }, { id: 'BER', text: 'Berlin' }, { id: 'ROM', text: 'Rome' }, { id: 'MAD', text: 'Madrid' }],
  pairs: [{ source: 'FR', target: 'PAR' }, { source: 'DE', target: 'BER' }, { source: 'IT', target: 'ROM' }],
};
const cloze: ItemOf<'cloze'> = {
  type: 'cloze', ...common,
  gaps: [
    { id: 'season', kind: 'text', accepted: ['winter'] },
    { id: 'house', kind: 'text', accepted: ['York', 'House of York'], caseSensitive: true },
    { id: 'glorious', kind: 'choice', choices: [{ id: 'spring', text: 'spring' }, { id: 'summer', text: 'summer' }], correct: 'summer' },
  ],
};
const essay: ItemOf<'essay'> = { type: 'essay', ...common, rubric: [{ criterion: 'Argues', points: 3 }] };
const code: ItemOf<'code'> = { type: 'code', ...common, language: 'python', testCases: [{ input: '1 2', expected: '3', hidden: false }] };

// ---------------------------------------------------------------------------------------------------------
// Rules and the table's shape.
// ---------------------------------------------------------------------------------------------------------

const allOrNothing: ScoringRules = { partialCredit: 'all_or_nothing', negativeMarking: 0 };
const proportional: ScoringRules = { partialCredit: 'proportional', negativeMarking: 0 };
const allOrNothingNegative: ScoringRules = { partialCredit: 'all_or_nothing', negativeMarking: 0.25 };
const proportionalNegative: ScoringRules = { partialCredit: 'proportional', negativeMarking: 0.25 };

interface Case {
  name: string;
  item: ItemContent;
  response: ItemResponse | null;
  rules?: ScoringRules;
  /** Defaults to 2. */
  points?: number;
  expected: Partial<GradedOutcome>;
}

const RIGHT = { status: 'graded', correct: true, fraction: 1, score: 2 } as const;
const WRONG = { status: 'graded', correct: false, fraction: 0, score: 0 } as const;

function runTable(cases: Case[]): void {
  it.each(cases)('$name', ({ item, response, rules = proportional, points = 2, expected }) => {
    const outcome = gradeItem(item, response, points, rules);
    expect(outcome).toMatchObject({ maxScore: points, ...expected });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Per type.
// ---------------------------------------------------------------------------------------------------------

describe('single choice', () => {
  runTable([
    { name: 'right option', item: singleChoice, response: { type: 'single_choice', choice: 'A' }, expected: { ...RIGHT, selected: ['A'] } },
    { name: 'wrong option', item: singleChoice, response: { type: 'single_choice', choice: 'B' }, expected: { ...WRONG, selected: ['B'] } },
    { name: 'blank', item: singleChoice, response: null, expected: { ...WRONG, selected: [] } },
    { name: 'blank is never penalised', item: singleChoice, response: null, rules: allOrNothingNegative, expected: WRONG },
    { name: 'wrong option, negative marking', item: singleChoice, response: { type: 'single_choice', choice: 'B' }, rules: proportionalNegative, expected: { ...WRONG, score: -0.5 } },
    { name: 'right option, negative marking', item: singleChoice, response: { type: 'single_choice', choice: 'A' }, rules: allOrNothingNegative, expected: RIGHT },
    { name: 'unknown option id', item: singleChoice, response: { type: 'single_choice', choice: 'Z' }, rules: allOrNothingNegative, expected: { ...WRONG, score: -0.5, selected: [] } },
    { name: 'response of another type', item: singleChoice, response: { type: 'true_false', value: true }, rules: proportionalNegative, expected: { ...WRONG, score: -0.5, selected: [] } },
  ]);
});

describe('multiple choice', () => {
  const pick = (...choices: string[]): ItemResponse => ({ type: 'multiple_choice', choices });
  runTable([
    { name: 'every correct option', item: multipleChoice, response: pick('C', 'A'), expected: { ...RIGHT, selected: ['A', 'C'] } },
    { name: 'half, proportional', item: multipleChoice, response: pick('A'), expected: { status: 'graded', correct: false, fraction: 0.5, score: 1 } },
    { name: 'half, all or nothing', item: multipleChoice, response: pick('A'), rules: allOrNothing, expected: { correct: false, fraction: 0.5, score: 0 } },
    { name: 'half, all or nothing with negative marking', item: multipleChoice, response: pick('A'), rules: allOrNothingNegative, expected: { fraction: 0.5, score: -0.5 } },
    { name: 'half, proportional with negative marking', item: multipleChoice, response: pick('A'), rules: proportionalNegative, expected: { fraction: 0.5, score: 1 } },
    { name: 'a wrong pick cancels a right one', item: multipleChoice, response: pick('A', 'B'), rules: proportionalNegative, expected: { fraction: 0, score: -0.5, selected: ['A', 'B'] } },
    { name: 'two right, one wrong', item: multipleChoice, response: pick('A', 'B', 'C'), expected: { fraction: 0.5, score: 1 } },
    { name: 'ticking every box earns nothing', item: multipleChoice, response: pick('A', 'B', 'C', 'D'), expected: { fraction: 0, score: 0 } },
    { name: 'wrong picks never push the share below 0', item: multipleChoice, response: pick('B', 'D'), expected: { fraction: 0, score: 0 } },
    { name: 'unknown ids are wrong picks', item: multipleChoice, response: pick('A', 'Z'), expected: { fraction: 0, score: 0, selected: ['A'] } },
    { name: 'repeated ids count once', item: multipleChoice, response: pick('A', 'A'), expected: { fraction: 0.5, score: 1 } },
    { name: 'no option ticked', item: multipleChoice, response: pick(), rules: proportionalNegative, expected: { fraction: 0, score: -0.5 } },
    { name: 'blank', item: multipleChoice, response: null, rules: proportionalNegative, expected: WRONG },
    { name: 'no correct option, none ticked', item: noneCorrect, response: pick(), expected: RIGHT },
    { name: 'no correct option, one ticked', item: noneCorrect, response: pick('A'), rules: proportionalNegative, expected: { ...WRONG, score: -0.5 } },
    { name: 'response of another type', item: multipleChoice, response: { type: 'single_choice', choice: 'A' }, expected: { ...WRONG, selected: [] } },
    { name: 'shares of 1/3 round to 4 decimals', item: { ...multipleChoice, options: [...multipleChoice.options, { id: 'E', text: '7', correct: true }] }, response: pick('A'), points: 1, expected: { fraction: 1 / 3, score: 0.3333 } },
  ]);
});

describe('true or false', () => {
  runTable([
    { name: 'right', item: trueFalse, response: { type: 'true_false', value: true }, expected: { ...RIGHT, selected: ['true'] } },
    { name: 'wrong', item: trueFalse, response: { type: 'true_false', value: false }, rules: allOrNothingNegative, expected: { ...WRONG, score: -0.5, selected: ['false'] } },
    { name: 'answer false is right when the key is false', item: { ...trueFalse, answer: false }, response: { type: 'true_false', value: false }, expected: RIGHT },
    { name: 'blank', item: trueFalse, response: null, rules: allOrNothingNegative, expected: { ...WRONG, selected: [] } },
    { name: 'no answer in the key yet', item: { ...trueFalse, answer: null }, response: { type: 'true_false', value: true }, expected: { ...WRONG, selected: ['true'] } },
    { name: 'response of another type', item: trueFalse, response: { type: 'single_choice', choice: 'true' }, expected: { ...WRONG, selected: [] } },
  ]);
});

describe('numeric', () => {
  const number = (value: number, unit?: string): ItemResponse => ({ type: 'numeric', value, ...(unit === undefined ? {} : { unit }) });
  runTable([
    { name: 'exact value', item: gravity, response: number(9.81), expected: RIGHT },
    { name: 'off without a tolerance', item: gravity, response: number(9.8), rules: allOrNothingNegative, expected: { ...WRONG, score: -0.5 } },
    { name: 'float noise is no error (0.1 + 0.2)', item: exactSum, response: number(0.1 + 0.2), expected: RIGHT },
    { name: 'absolute: upper bound', item: absolute, response: number(9.9), expected: RIGHT },
    { name: 'absolute: lower bound', item: absolute, response: number(9.7), expected: RIGHT },
    { name: 'absolute: just above', item: absolute, response: number(9.9001), expected: WRONG },
    { name: 'absolute: just below', item: absolute, response: number(9.6999), expected: WRONG },
    { name: 'relative: upper bound', item: relative, response: number(210), expected: RIGHT },
    { name: 'relative: lower bound', item: relative, response: number(190), expected: RIGHT },
    { name: 'relative: just above', item: relative, response: number(210.001), expected: WRONG },
    { name: 'relative: negative value', item: negative, response: number(-2), expected: RIGHT },
    { name: 'relative: sign matters', item: negative, response: number(4), expected: WRONG },
    { name: 'relative tolerance of 0 means exact', item: { ...relative, value: 0 }, response: number(1e-12), expected: WRONG },
    { name: 'not a number', item: absolute, response: number(Number.NaN), expected: WRONG },
    { name: 'infinity', item: { ...absolute, tolerance: { mode: 'absolute', amount: 1e308 } }, response: number(Number.POSITIVE_INFINITY), expected: WRONG },
    { name: 'no value in the key yet', item: { ...gravity, value: null }, response: number(9.81), expected: WRONG },
    { name: 'the unit', item: gravity, response: number(9.81, 'm/s²'), expected: RIGHT },
    { name: 'an alias', item: gravity, response: number(9.81, 'm/s^2'), expected: RIGHT },
    { name: 'units are trimmed on both sides', item: gravity, response: number(9.81, '  m s-2 '), expected: RIGHT },
    { name: 'an unknown unit', item: gravity, response: number(9.81, 'm/s2'), rules: allOrNothingNegative, expected: { ...WRONG, score: -0.5 } },
    { name: 'no unit given', item: gravity, response: number(9.81), expected: RIGHT },
    { name: 'an empty unit is no unit', item: gravity, response: number(9.81, ' '), expected: RIGHT },
    { name: 'units are case-sensitive (Ms is not ms)', item: latency, response: number(5, 'Ms'), expected: WRONG },
    { name: 'milliseconds', item: latency, response: number(5, 'ms'), expected: RIGHT },
    { name: 'milliseconds by alias', item: latency, response: number(5, 'msec'), expected: RIGHT },
    { name: 'a right unit does not save a wrong number', item: latency, response: number(6, 'ms'), expected: WRONG },
    { name: 'items without a unit ignore one given', item: absolute, response: number(9.8, 'kg'), expected: RIGHT },
    { name: 'blank', item: gravity, response: null, rules: proportionalNegative, expected: WRONG },
    { name: 'response of another type', item: gravity, response: { type: 'short_text', text: '9.81' }, expected: WRONG },
  ]);
});

describe('short text', () => {
  const text = (value: string): ItemResponse => ({ type: 'short_text', text: value });
  runTable([
    { name: 'an accepted answer', item: shortText, response: text('Shakespeare'), expected: RIGHT },
    { name: 'case and whitespace are normalised', item: shortText, response: text('  william \t SHAKESPEARE '), expected: RIGHT },
    { name: 'diacritics ignored when the item says so', item: shortText, response: text('Shakespéare'), expected: RIGHT },
    { name: 'a pattern', item: shortText, response: text('W. Shakespeare'), expected: RIGHT },
    { name: 'patterns match the whole answer', item: shortText, response: text('not shakespeare'), expected: WRONG },
    { name: 'a wrong answer', item: shortText, response: text('Marlowe'), rules: allOrNothingNegative, expected: { ...WRONG, score: -0.5 } },
    { name: 'an empty answer is an answer', item: shortText, response: text(''), rules: allOrNothingNegative, expected: { ...WRONG, score: -0.5 } },
    { name: 'case-sensitive item, right case', item: caseSensitiveText, response: text(' NaCl '), expected: RIGHT },
    { name: 'case-sensitive item, wrong case', item: caseSensitiveText, response: text('nacl'), expected: WRONG },
    { name: 'blank', item: shortText, response: null, rules: allOrNothingNegative, expected: WRONG },
    { name: 'response of another type', item: shortText, response: { type: 'essay', text: 'Shakespeare' }, expected: WRONG },
  ]);
});

describe('ordering', () => {
  const order = (...ids: string[]): ItemResponse => ({ type: 'ordering', order: ids });
  runTable([
    { name: 'right order', item: ordering, response: order('a', 'b', 'c', 'd'), expected: RIGHT },
    { name: 'half in place, proportional', item: ordering, response: order('a', 'b', 'd', 'c'), expected: { correct: false, fraction: 0.5, score: 1 } },
    { name: 'half in place, all or nothing', item: ordering, response: order('a', 'b', 'd', 'c'), rules: allOrNothingNegative, expected: { fraction: 0.5, score: -0.5 } },
    { name: 'reversed', item: ordering, response: order('d', 'c', 'b', 'a'), rules: proportionalNegative, expected: { ...WRONG, score: -0.5 } },
    { name: 'unknown ids miss their position', item: ordering, response: order('a', 'b', 'c', 'x'), expected: { fraction: 0.75, score: 1.5 } },
    { name: 'repeated ids miss their position', item: ordering, response: order('a', 'a', 'a', 'a'), expected: { fraction: 0.25, score: 0.5 } },
    { name: 'a short order misses the rest', item: ordering, response: order('a', 'b'), expected: { fraction: 0.5, score: 1 } },
    { name: 'blank', item: ordering, response: null, rules: proportionalNegative, expected: WRONG },
    { name: 'response of another type', item: ordering, response: { type: 'multiple_choice', choices: ['a', 'b', 'c', 'd'] }, expected: WRONG },
  ]);
});

describe('matching', () => {
  const match = (...pairs: string[]): ItemResponse => ({
    type: 'matching', pairs: pairs.map((pair) => ({ source: pair.split('-')[0]!, target: pair.split('-')[1]! })),
  });
  runTable([
    { name: 'every pair', item: matching, response: match('IT-ROM', 'FR-PAR', 'DE-BER'), expected: RIGHT },
    { name: 'two of three, proportional', item: matching, response: match('FR-PAR', 'DE-BER'), expected: { fraction: 2 / 3, score: 1.3333 } },
    { name: 'two of three, all or nothing', item: matching, response: match('FR-PAR', 'DE-BER'), rules: allOrNothing, expected: { fraction: 2 / 3, score: 0 } },
    { name: 'a wrong pair cancels a right one', item: matching, response: match('FR-PAR', 'DE-ROM'), rules: proportionalNegative, expected: { fraction: 0, score: -0.5 } },
    { name: 'a source matched twice costs a wrong pair', item: matching, response: match('FR-PAR', 'FR-MAD', 'DE-BER', 'IT-ROM'), expected: { correct: false, fraction: 2 / 3, score: 1.3333 } },
    { name: 'the same pair given twice counts once', item: matching, response: match('FR-PAR', 'FR-PAR', 'FR-PAR'), expected: { fraction: 1 / 3, score: 0.6667 } },
    { name: 'unknown ids are wrong pairs', item: matching, response: match('FR-PAR', 'DE-BER', 'XX-ROM'), expected: { fraction: 1 / 3, score: 0.6667 } },
    { name: 'blank', item: matching, response: null, rules: proportionalNegative, expected: WRONG },
    { name: 'response of another type', item: matching, response: { type: 'ordering', order: ['FR', 'PAR'] }, expected: WRONG },
  ]);
});

describe('cloze', () => {
  const fill = (gaps: Record<string, string>): ItemResponse => ({ type: 'cloze', gaps });
  runTable([
    { name: 'every gap', item: cloze, response: fill({ season: 'winter', house: 'York', glorious: 'summer' }), expected: RIGHT },
    { name: 'text gaps trim, collapse whitespace and ignore case', item: cloze, response: fill({ season: '  WINTER ', house: ' House   of York ', glorious: 'summer' }), expected: RIGHT },
    { name: 'a case-sensitive text gap', item: cloze, response: fill({ season: 'winter', house: 'york', glorious: 'summer' }), expected: { fraction: 2 / 3, score: 1.3333 } },
    { name: 'a wrong choice gap', item: cloze, response: fill({ season: 'winter', house: 'York', glorious: 'spring' }), expected: { fraction: 2 / 3, score: 1.3333 } },
    { name: 'choice gaps compare ids exactly', item: cloze, response: fill({ season: 'winter', house: 'York', glorious: 'Summer' }), expected: { fraction: 2 / 3 } },
    { name: 'one of three, all or nothing with negative marking', item: cloze, response: fill({ season: 'winter' }), rules: allOrNothingNegative, expected: { fraction: 1 / 3, score: -0.5 } },
    { name: 'one of three, proportional with negative marking', item: cloze, response: fill({ season: 'winter' }), rules: proportionalNegative, expected: { fraction: 1 / 3, score: 0.6667 } },
    { name: 'no gap filled', item: cloze, response: fill({}), rules: proportionalNegative, expected: { ...WRONG, score: -0.5 } },
    { name: 'unknown gap ids fill no gap', item: cloze, response: fill({ seasons: 'winter', constructor: 'York', glorious: 'summer' }), expected: { fraction: 1 / 3 } },
    { name: 'a choice gap without a key', item: { ...cloze, gaps: cloze.gaps.map((gap) => (gap.kind === 'choice' ? { ...gap, correct: null } : gap)) }, response: fill({ season: 'winter', house: 'York', glorious: 'summer' }), expected: { fraction: 2 / 3 } },
    { name: 'blank', item: cloze, response: null, rules: proportionalNegative, expected: WRONG },
    { name: 'response of another type', item: cloze, response: { type: 'short_text', text: 'winter' }, expected: WRONG },
  ]);
});

describe('essay and code', () => {
  it('leaves an essay to a person, with its points and the general feedback', () => {
    expect(gradeItem(essay, { type: 'essay', text: 'Because…' }, 5, proportionalNegative))
      .toEqual({ status: 'needs_manual', score: null, maxScore: 5, selected: [], feedback: ['<p>G</p>'] });
  });

  it('leaves code to the code runner', () => {
    expect(gradeItem(code, { type: 'code', source: 'def add(a, b): return a + b', language: 'python' }, 3, allOrNothing))
      .toEqual({ status: 'awaiting_code_grader', score: null, maxScore: 3, selected: [], feedback: ['<p>G</p>'] });
  });

  runTable([
    { name: 'a blank essay scores 0: nothing to mark', item: essay, response: null, rules: proportionalNegative, expected: WRONG },
    { name: 'blank code scores 0: nothing to run', item: code, response: null, rules: proportionalNegative, expected: WRONG },
    { name: 'an essay answered with another type is wrong', item: essay, response: { type: 'short_text', text: 'Because' }, rules: proportionalNegative, expected: { ...WRONG, score: -0.5 } },
    { name: 'code answered with another type is wrong', item: code, response: { type: 'essay', text: 'def add' }, expected: WRONG },
  ]);
});

// ---------------------------------------------------------------------------------------------------------
// Feedback, inputs, schemas.
// ---------------------------------------------------------------------------------------------------------

describe('feedback', () => {
  const cases: Array<{ name: string; item: ItemContent; response: ItemResponse | null; feedback: string[] }> = [
    { name: 'right option: general, correct, the option', item: singleChoice, response: { type: 'single_choice', choice: 'A' }, feedback: ['<p>G</p>', '<p>C</p>', '<p>A!</p>'] },
    { name: 'wrong option: general, incorrect, the option', item: singleChoice, response: { type: 'single_choice', choice: 'B' }, feedback: ['<p>G</p>', '<p>I</p>', '<p>B!</p>'] },
    { name: 'an option without feedback adds none', item: singleChoice, response: { type: 'single_choice', choice: 'C' }, feedback: ['<p>G</p>', '<p>I</p>'] },
    { name: 'every chosen option, empty feedback omitted', item: multipleChoice, response: { type: 'multiple_choice', choices: ['D', 'B', 'A'] }, feedback: ['<p>G</p>', '<p>I</p>', '<p>A!</p>', '<p>D!</p>'] },
    { name: 'partial credit is not correct', item: multipleChoice, response: { type: 'multiple_choice', choices: ['A'] }, feedback: ['<p>G</p>', '<p>I</p>', '<p>A!</p>'] },
    { name: 'true chosen', item: trueFalse, response: { type: 'true_false', value: true }, feedback: ['<p>G</p>', '<p>C</p>', '<p>T</p>'] },
    { name: 'false chosen', item: trueFalse, response: { type: 'true_false', value: false }, feedback: ['<p>G</p>', '<p>I</p>', '<p>F</p>'] },
    { name: 'blank', item: trueFalse, response: null, feedback: ['<p>G</p>', '<p>I</p>'] },
    { name: 'types without options', item: ordering, response: { type: 'ordering', order: ['a', 'b', 'c', 'd'] }, feedback: ['<p>G</p>', '<p>C</p>'] },
    { name: 'an item without feedback', item: { ...ordering, feedback: undefined }, response: { type: 'ordering', order: ['a'] }, feedback: [] },
    { name: 'empty general feedback omitted', item: { ...shortText, feedback: { general: '', correct: 'Yes' } }, response: { type: 'short_text', text: 'Shakespeare' }, feedback: ['Yes'] },
  ];
  it.each(cases)('$name', ({ item, response, feedback: expected }) => {
    expect(gradeItem(item, response, 1, proportional).feedback).toEqual(expected);
  });
});

describe('scoring inputs', () => {
  it.each([
    { name: 'negative points', points: -1, rules: proportional },
    { name: 'points that are not a number', points: Number.NaN, rules: proportional },
    { name: 'negative marking above 1', points: 1, rules: { partialCredit: 'proportional', negativeMarking: 1.5 } as ScoringRules },
    { name: 'negative marking below 0', points: 1, rules: { partialCredit: 'proportional', negativeMarking: -0.1 } as ScoringRules },
    { name: 'an unknown partial-credit rule', points: 1, rules: { partialCredit: 'generous', negativeMarking: 0 } as unknown as ScoringRules },
  ])('refuses $name', ({ points, rules }) => {
    expect(() => gradeItem(trueFalse, { type: 'true_false', value: true }, points, rules)).toThrow(RangeError);
  });

  it('grades an item worth 0 points', () => {
    expect(gradeItem(trueFalse, { type: 'true_false', value: false }, 0, allOrNothingNegative)).toMatchObject({ score: 0, maxScore: 0, fraction: 0 });
  });

  it('takes off all the points under full negative marking', () => {
    expect(gradeItem(trueFalse, { type: 'true_false', value: false }, 3, { partialCredit: 'proportional', negativeMarking: 1 })).toMatchObject({ score: -3 });
  });
});

describe('response schemas', () => {
  const valid: unknown[] = [
    { type: 'single_choice', choice: 'A' },
    { type: 'multiple_choice', choices: [] },
    { type: 'true_false', value: false },
    { type: 'numeric', value: -1.5, unit: 'kg' },
    { type: 'short_text', text: '' },
    { type: 'ordering', order: ['a', 'b'] },
    { type: 'matching', pairs: [{ source: 'FR', target: 'PAR' }] },
    { type: 'cloze', gaps: { g1: 'x', constructor: 'y' } },
    { type: 'essay', text: 'x'.repeat(100_000) },
    { type: 'code', source: 'print(1)', language: 'python' },
  ];
  const invalid: Array<[string, unknown]> = [
    ['an unknown type', { type: 'drawing', strokes: [] }],
    ['an id that is no identifier', { type: 'single_choice', choice: '1 A' }],
    ['repeated choices', { type: 'multiple_choice', choices: ['A', 'A'] }],
    ['more than 26 choices', { type: 'multiple_choice', choices: Array.from({ length: 27 }, (_, i) => `c${i}`) }],
    ['a string for a boolean', { type: 'true_false', value: 'true' }],
    ['a string for a number', { type: 'numeric', value: '9.81' }],
    ['a unit over 32 characters', { type: 'numeric', value: 1, unit: 'u'.repeat(33) }],
    ['short text over 1000 characters', { type: 'short_text', text: 'x'.repeat(1_001) }],
    ['more than 26 positions', { type: 'ordering', order: Array.from({ length: 27 }, (_, i) => `c${i}`) }],
    ['more than 100 pairs', { type: 'matching', pairs: Array.from({ length: 101 }, (_, i) => ({ source: `s${i}`, target: 't' })) }],
    ['a pair with extra fields', { type: 'matching', pairs: [{ source: 'a', target: 'b', weight: 2 }] }],
    ['a gap id that is no identifier', { type: 'cloze', gaps: { '1st': 'x' } }],
    ['more than 50 gaps', { type: 'cloze', gaps: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`g${i}`, 'x'])) }],
    ['a gap answer over 200 characters', { type: 'cloze', gaps: { g1: 'x'.repeat(201) } }],
    ['an essay over 100000 characters', { type: 'essay', text: 'x'.repeat(100_001) }],
    ['code over 100000 characters', { type: 'code', source: 'x'.repeat(100_001) }],
    ['fields of another type', { type: 'single_choice', choice: 'A', value: true }],
  ];

  it.each(valid)('accepts %o', (response) => {
    expect(Value.Check(ItemResponse, response)).toBe(true);
  });

  it.each(invalid)('refuses %s', (_name, response) => {
    expect(Value.Check(ItemResponse, response)).toBe(false);
  });

  it('tells whether a response fits an item type', () => {
    expect(responseFits('numeric', { type: 'numeric', value: 1 })).toBe(true);
    expect(responseFits('numeric', { type: 'short_text', text: '1' })).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Invariants over random items and responses.
// ---------------------------------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so a failure replays exactly. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class RandomInputs {
  constructor(private readonly random: () => number) {}

  int(max: number): number { return Math.floor(this.random() * max); }
  chance(p: number): boolean { return this.random() < p; }
  pick<T>(values: readonly T[]): T { return values[this.int(values.length)]!; }
  /** Item ids plus a few the item does not have. */
  id(): string { return this.pick(['a', 'b', 'c', 'd', 'e', 'x', 'y']); }
  ids(max: number): string[] { return Array.from({ length: this.int(max + 1) }, () => this.id()); }
  uniqueIds(max: number): string[] { return [...new Set(this.ids(max))]; }
  choices(): Array<{ id: string; text: string }> { return ['a', 'b', 'c', 'd', 'e'].slice(0, 1 + this.int(5)).map((id) => ({ id, text: id })); }

  rules(): ScoringRules {
    return { partialCredit: this.pick(['all_or_nothing', 'proportional'] as const), negativeMarking: this.pick([0, 0.25, 0.5, 1, this.random()]) };
  }

  points(): number { return this.pick([0, 1, 2.5, Math.round(this.random() * 1_000) / 100]); }

  item(): ItemContent {
    const type = this.pick(['single_choice', 'multiple_choice', 'true_false', 'numeric', 'short_text', 'ordering', 'matching', 'cloze', 'essay', 'code'] as const);
    return this.itemOf(type);
  }

  itemOf(type: ItemType): ItemContent {
    const base = { title: 'Random', stem: '<p>?</p>', feedback: this.chance(0.5) ? feedback : undefined };
    const options = () => this.choices().map((choice) => ({ ...choice, correct: this.chance(0.4) }));
    switch (type) {
      case 'single_choice': return { type, ...base, options: options() };
      case 'multiple_choice': return { type, ...base, options: options() };
      case 'true_false': return { type, ...base, answer: this.pick([true, false, null]) };
      case 'numeric': return {
        type, ...base, value: this.pick([null, 0, 1, -3.5, 1e6]),
        tolerance: this.chance(0.5) ? { mode: this.pick(['absolute', 'relative'] as const), amount: this.random() } : undefined,
        unit: this.chance(0.5) ? 'm' : undefined, unitAliases: ['metre'],
      };
      case 'short_text': return { type, ...base, accepted: ['yes', 'Oui'], patterns: this.chance(0.5) ? ['y(es)?'] : undefined };
      case 'ordering': return { type, ...base, choices: this.choices(), correctOrder: this.uniqueIds(5) };
      case 'matching': return { type, ...base, sources: this.choices(), targets: this.choices(), pairs: this.pairs() };
      case 'cloze': return {
        type, ...base,
        gaps: this.uniqueIds(4).map((id) => (this.chance(0.5)
          ? { id, kind: 'text' as const, accepted: ['yes'], caseSensitive: this.chance(0.5) }
          : { id, kind: 'choice' as const, choices: this.choices(), correct: this.chance(0.8) ? this.id() : null })),
      };
      case 'essay': return { type, ...base, rubric: [] };
      case 'code': return { type, ...base, language: 'python', testCases: [] };
    }
  }

  pairs(): Array<{ source: string; target: string }> {
    return Array.from({ length: this.int(5) }, () => ({ source: this.id(), target: this.id() }));
  }

  /** Mostly a response of the item's type, sometimes blank or of another type. */
  response(item: ItemContent): ItemResponse | null {
    if (this.chance(0.1)) return null;
    const type = this.chance(0.85) ? item.type : this.pick(['single_choice', 'numeric', 'cloze', 'essay'] as const);
    switch (type) {
      case 'single_choice': return { type, choice: this.id() };
      case 'multiple_choice': return { type, choices: this.uniqueIds(6) };
      case 'true_false': return { type, value: this.chance(0.5) };
      case 'numeric': return { type, value: this.pick([0, 1, -3.5, 1e6, 1.2, Number.NaN]), unit: this.pick([undefined, 'm', 'metre', 'M', ' m ']) };
      case 'short_text': return { type, text: this.pick(['yes', ' YES ', 'y', 'no', '', 'oui']) };
      case 'ordering': return { type, order: this.ids(6) };
      case 'matching': return { type, pairs: this.pairs() };
      case 'cloze': return { type, gaps: Object.fromEntries(this.uniqueIds(5).map((id) => [id, this.pick(['yes', 'Yes', ' yes ', id, 'no'])])) };
      case 'essay': return { type, text: 'An essay' };
      case 'code': return { type, source: 'print(1)' };
    }
  }
}

describe('invariants over random items and responses', () => {
  const RUNS = 5_000;
  const inputs = new RandomInputs(seededRandom(20_240_601));
  const samples = Array.from({ length: RUNS }, () => {
    const item = inputs.item();
    return { item, response: inputs.response(item), points: inputs.points(), rules: inputs.rules() };
  });

  it('keeps every score between the penalty and the points, and every share in [0, 1]', () => {
    const broken = samples
      .map((sample) => ({ ...sample, outcome: gradeItem(sample.item, sample.response, sample.points, sample.rules) }))
      .filter(({ outcome, points, rules }) => brokenInvariants(outcome, points, rules).length > 0);
    expect(broken.slice(0, 3)).toEqual([]);
  });

  it('meets every kind of outcome, so the invariants are not checked on trivia alone', () => {
    const outcomes = samples.map(({ item, response, points, rules }) => gradeItem(item, response, points, rules));
    const graded = outcomes.filter((outcome): outcome is GradedOutcome => outcome.status === 'graded');
    expect(graded.some((outcome) => outcome.correct)).toBe(true);
    expect(graded.some((outcome) => outcome.fraction > 0 && outcome.fraction < 1)).toBe(true);
    expect(graded.some((outcome) => outcome.score < 0)).toBe(true);
    expect(outcomes.some((outcome) => outcome.status === 'needs_manual')).toBe(true);
    expect(outcomes.some((outcome) => outcome.status === 'awaiting_code_grader')).toBe(true);
  });

  it('scores a blank response 0, whatever the item and the rules', () => {
    for (const { item, points, rules } of samples) {
      expect(gradeItem(item, null, points, rules)).toMatchObject({ status: 'graded', score: 0, fraction: 0, correct: false });
    }
  });

  it('never scores all or nothing above proportional credit', () => {
    for (const { item, response, points, rules } of samples) {
      const strict = gradeItem(item, response, points, { ...rules, partialCredit: 'all_or_nothing' });
      const lenient = gradeItem(item, response, points, { ...rules, partialCredit: 'proportional' });
      if (strict.status === 'graded' && lenient.status === 'graded') expect(strict.score).toBeLessThanOrEqual(lenient.score);
    }
  });

  it('gives full points exactly when the response is wholly right', () => {
    for (const { item, response, points, rules } of samples) {
      const outcome: ItemOutcome = gradeItem(item, response, points, rules);
      if (outcome.status === 'graded' && points > 0) expect(outcome.score === points).toBe(outcome.correct);
    }
  });
});

function brokenInvariants(outcome: ItemOutcome, points: number, rules: ScoringRules): string[] {
  const broken: string[] = [];
  if (outcome.maxScore !== points) broken.push('maxScore is not the points');
  if (outcome.status !== 'graded') return outcome.score === null ? broken : [...broken, 'pending with a score'];
  if (!Number.isFinite(outcome.score)) broken.push('score not finite');
  if (outcome.score > points) broken.push('score above the points');
  if (outcome.score < -rules.negativeMarking * points) broken.push('score below the penalty');
  if (!(outcome.fraction >= 0 && outcome.fraction <= 1)) broken.push('fraction outside [0, 1]');
  if (outcome.correct !== (outcome.fraction === 1)) broken.push('correct disagrees with fraction');
  if (outcome.feedback.some((html) => html.trim() === '')) broken.push('empty feedback shown');
  return broken;
}
