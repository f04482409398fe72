/**
 * The exam of the exam-day bench: 20 auto-graded items of every type catalog defines but essay and code, in
 * the catalog's item format, each with a right and a wrong response and the share of students who get it
 * right (so results and the item analysis see a spread of scores, not 20 identical answers).
 */
import type { ItemContent } from '@tessera/catalog/contract';
import type { AnswerInput } from '@tessera/assessment/contract';

type Response = NonNullable<AnswerInput['response']>;

export interface BenchItem {
  /** Stable name of the item within the bench. */
  key: string;
  points: number;
  /** Share of students who answer it right, 0..1. */
  facility: number;
  content: ItemContent;
  right: Response;
  wrong: Response;
}

const stem = (text: string) => `<p>${text}</p>`;
const options = (ids: string[], correct: string[]) => ids.map((id) => ({ id, text: id, correct: correct.includes(id) }));
const choices = (ids: string[]) => ids.map((id) => ({ id, text: id }));

export const EXAM_ITEMS: readonly BenchItem[] = [
  {
    key: 'capital', points: 1, facility: 0.9,
    content: { type: 'single_choice', title: 'Capital', stem: stem('Capital of France?'), options: options(['PAR', 'LYO', 'NIC', 'MRS'], ['PAR']), feedback: { correct: stem('Yes') } },
    right: { type: 'single_choice', choice: 'PAR' }, wrong: { type: 'single_choice', choice: 'LYO' },
  },
  {
    key: 'planet', points: 1, facility: 0.8,
    content: { type: 'single_choice', title: 'Largest planet', stem: stem('Largest planet of the solar system?'), options: options(['JUP', 'SAT', 'EAR'], ['JUP']) },
    right: { type: 'single_choice', choice: 'JUP' }, wrong: { type: 'single_choice', choice: 'SAT' },
  },
  {
    key: 'water', points: 1, facility: 0.7,
    content: { type: 'single_choice', title: 'Water', stem: stem('What is H₂O?'), options: options(['WAT', 'SALT', 'AIR', 'OIL'], ['WAT']), shuffle: true },
    right: { type: 'single_choice', choice: 'WAT' }, wrong: { type: 'single_choice', choice: 'OIL' },
  },
  {
    key: 'primes', points: 2, facility: 0.6,
    content: { type: 'multiple_choice', title: 'Primes', stem: stem('Which are prime?'), options: options(['P2', 'P3', 'P4', 'P9'], ['P2', 'P3']) },
    right: { type: 'multiple_choice', choices: ['P2', 'P3'] }, wrong: { type: 'multiple_choice', choices: ['P2', 'P4'] },
  },
  {
    key: 'gases', points: 2, facility: 0.5,
    content: { type: 'multiple_choice', title: 'Noble gases', stem: stem('Which are noble gases?'), options: options(['HE', 'NE', 'OX', 'NI'], ['HE', 'NE']) },
    right: { type: 'multiple_choice', choices: ['HE', 'NE'] }, wrong: { type: 'multiple_choice', choices: ['OX'] },
  },
  {
    key: 'evens', points: 2, facility: 0.75,
    content: { type: 'multiple_choice', title: 'Even numbers', stem: stem('Which are even?'), options: options(['N2', 'N4', 'N5', 'N7', 'N8'], ['N2', 'N4', 'N8']) },
    right: { type: 'multiple_choice', choices: ['N2', 'N4', 'N8'] }, wrong: { type: 'multiple_choice', choices: ['N2', 'N5'] },
  },
  {
    key: 'orbit', points: 1, facility: 0.95,
    content: { type: 'true_false', title: 'Orbit', stem: stem('The Earth orbits the Sun.'), answer: true },
    right: { type: 'true_false', value: true }, wrong: { type: 'true_false', value: false },
  },
  {
    key: 'boiling', points: 1, facility: 0.85,
    content: { type: 'true_false', title: 'Boiling', stem: stem('Water boils at 50 °C at sea level.'), answer: false, feedbackFalse: stem('Right: 100 °C.') },
    right: { type: 'true_false', value: false }, wrong: { type: 'true_false', value: true },
  },
  {
    key: 'light', points: 1, facility: 0.9,
    content: { type: 'true_false', title: 'Light', stem: stem('Light travels faster than sound.'), answer: true },
    right: { type: 'true_false', value: true }, wrong: { type: 'true_false', value: false },
  },
  {
    key: 'gravity', points: 2, facility: 0.65,
    content: { type: 'numeric', title: 'Gravity', stem: stem('g in m/s²?'), value: 9.81, tolerance: { mode: 'absolute', amount: 0.05 }, unit: 'm/s²', unitAliases: ['m/s^2'] },
    right: { type: 'numeric', value: 9.8, unit: 'm/s²' }, wrong: { type: 'numeric', value: 10.5, unit: 'm/s²' },
  },
  {
    key: 'lightspeed', points: 2, facility: 0.55,
    content: { type: 'numeric', title: 'Speed of light', stem: stem('Speed of light in km/s?'), value: 299_792, tolerance: { mode: 'relative', amount: 0.01 } },
    right: { type: 'numeric', value: 300_000 }, wrong: { type: 'numeric', value: 150_000 },
  },
  {
    key: 'pi', points: 1, facility: 0.8,
    content: { type: 'numeric', title: 'Pi', stem: stem('π to two decimals?'), value: 3.14, tolerance: { mode: 'absolute', amount: 0.005 } },
    right: { type: 'numeric', value: 3.14 }, wrong: { type: 'numeric', value: 3.41 },
  },
  {
    key: 'hamlet', points: 2, facility: 0.7,
    content: { type: 'short_text', title: 'Hamlet', stem: stem('Who wrote Hamlet?'), accepted: ['William Shakespeare', 'Shakespeare'], patterns: ['(w\\.? )?shakespeare'], normalise: { ignoreDiacritics: true } },
    right: { type: 'short_text', text: '  shakespeare ' }, wrong: { type: 'short_text', text: 'Marlowe' },
  },
  {
    key: 'gold', points: 1, facility: 0.6,
    content: { type: 'short_text', title: 'Gold', stem: stem('Chemical symbol of gold?'), accepted: ['Au'], normalise: { caseSensitive: true } },
    right: { type: 'short_text', text: 'Au' }, wrong: { type: 'short_text', text: 'Ag' },
  },
  {
    key: 'planets', points: 2, facility: 0.5,
    content: { type: 'ordering', title: 'Planets', stem: stem('Order from the Sun outwards.'), choices: choices(['ME', 'VE', 'EA', 'MA']), correctOrder: ['ME', 'VE', 'EA', 'MA'] },
    right: { type: 'ordering', order: ['ME', 'VE', 'EA', 'MA'] }, wrong: { type: 'ordering', order: ['ME', 'EA', 'VE', 'MA'] },
  },
  {
    key: 'steps', points: 2, facility: 0.7,
    content: { type: 'ordering', title: 'Steps', stem: stem('Order the steps of the scientific method.'), choices: choices(['Q', 'H', 'E', 'C']), correctOrder: ['Q', 'H', 'E', 'C'] },
    right: { type: 'ordering', order: ['Q', 'H', 'E', 'C'] }, wrong: { type: 'ordering', order: ['H', 'Q', 'C', 'E'] },
  },
  {
    key: 'capitals', points: 3, facility: 0.6,
    content: {
      type: 'matching', title: 'Capitals', stem: stem('Match each country with its capital.'),
      sources: choices(['FR', 'DE', 'IT']), targets: choices(['PAR', 'BER', 'ROM', 'MAD']),
      pairs: [{ source: 'FR', target: 'PAR' }, { source: 'DE', target: 'BER' }, { source: 'IT', target: 'ROM' }],
    },
    right: { type: 'matching', pairs: [{ source: 'FR', target: 'PAR' }, { source: 'DE', target: 'BER' }, { source: 'IT', target: 'ROM' }] },
    wrong: { type: 'matching', pairs: [{ source: 'FR', target: 'PAR' }, { source: 'DE', target: 'MAD' }, { source: 'IT', target: 'ROM' }] },
  },
  {
    key: 'symbols', points: 3, facility: 0.45,
    content: {
      type: 'matching', title: 'Symbols', stem: stem('Match each element with its symbol.'),
      sources: choices(['IRON', 'LEAD', 'TIN']), targets: choices(['FE', 'PB', 'SN', 'TI']),
      pairs: [{ source: 'IRON', target: 'FE' }, { source: 'LEAD', target: 'PB' }, { source: 'TIN', target: 'SN' }],
    },
    right: { type: 'matching', pairs: [{ source: 'IRON', target: 'FE' }, { source: 'LEAD', target: 'PB' }, { source: 'TIN', target: 'SN' }] },
    wrong: { type: 'matching', pairs: [{ source: 'IRON', target: 'TI' }, { source: 'LEAD', target: 'PB' }] },
  },
  {
    key: 'richard', points: 2, facility: 0.55,
    content: {
      type: 'cloze', title: 'Richard III', stem: stem('Now is the {{season}} of our discontent made glorious {{glorious}} by this sun of {{house}}.'),
      gaps: [
        { id: 'season', kind: 'text', accepted: ['winter'] },
        { id: 'glorious', kind: 'choice', choices: choices(['spring', 'summer']), correct: 'summer' },
        { id: 'house', kind: 'text', accepted: ['York', 'House of York'], caseSensitive: true },
      ],
    },
    right: { type: 'cloze', gaps: { season: 'Winter', glorious: 'summer', house: 'York' } },
    wrong: { type: 'cloze', gaps: { season: 'winter', glorious: 'spring', house: 'york' } },
  },
  {
    key: 'sounds', points: 1, facility: 0.85,
    content: {
      type: 'cloze', title: 'Sounds', stem: stem('The cat says {{cat}} and the dog says {{dog}}.'),
      gaps: [{ id: 'cat', kind: 'text', accepted: ['meow', 'miaow'] }, { id: 'dog', kind: 'choice', choices: choices(['woof', 'moo']), correct: 'woof' }],
    },
    right: { type: 'cloze', gaps: { cat: 'meow', dog: 'woof' } }, wrong: { type: 'cloze', gaps: { cat: 'moo', dog: 'moo' } },
  },
];

/** How many answer sheets students are spread over: enough for a spread of scores, few enough to build once. */
export const ANSWER_VARIANTS = 64;

/**
 * Whether answer sheet `variant` has item `index` right: a fixed hash below the item's facility, so the
 * share of right answers per item follows its facility and the totals vary from sheet to sheet.
 */
export function answersRight(variant: number, index: number, facility: number): boolean {
  let hash = Math.imul(variant + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return (hash >>> 0) / 2 ** 32 < facility;
}

/**
 * The share of the exam's points the answer sheets answer right, in percent (averaged over the sheets). Results
 * average at least this much: some wrong answers earn partial credit.
 */
export function rightPercentOfSheets(): number {
  const total = EXAM_ITEMS.reduce((sum, item) => sum + item.points, 0);
  let right = 0;
  for (let variant = 0; variant < ANSWER_VARIANTS; variant++) {
    EXAM_ITEMS.forEach((item, index) => {
      if (answersRight(variant, index, item.facility)) right += item.points;
    });
  }
  return (right / (total * ANSWER_VARIANTS)) * 100;
}
