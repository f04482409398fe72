import { CATEGORIES, WORDS } from './vocabulary.js';

/** One search of the fixed mix: what it stands for, and its query string. */
export interface SearchCase {
  name: string;
  query: string;
}

/** The word of frequency rank `rank` (0 is the most common). */
function word(rank: number): string {
  const found = WORDS[rank];
  if (found === undefined) throw new RangeError(`the vocabulary has no word of rank ${rank}`);
  return found;
}

/**
 * The fixed search mix: single words from common to rare, prefixes as typed into a search box, two words,
 * filters on category, level and language, and a browse with filters only. Facets come with every answer.
 */
export function searchMix(): SearchCase[] {
  const cases: Array<[string, Record<string, string>]> = [
    ['common word', { q: word(0) }],
    ['frequent word', { q: word(8) }],
    ['mid word', { q: word(60) }],
    ['rare word', { q: word(280) }],
    ['prefix 3 letters', { q: word(30).slice(0, 3) }],
    ['prefix 5 letters', { q: word(52).slice(0, 5) }],
    ['short prefix', { q: 'pr' }],
    ['two words', { q: `${word(30)} ${word(37)}` }],
    ['two prefixes', { q: `${word(41).slice(0, 4)} ${word(1).slice(0, 4)}` }],
    ['word + category', { q: word(10), category: CATEGORIES[0] }],
    ['word + level + language', { q: word(32), level: 'beginner', language: 'en' }],
    ['prefix + category + level', { q: word(40).slice(0, 4), category: CATEGORIES[1], level: 'intermediate' }],
    ['category only (browse)', { category: CATEGORIES[2] }],
    ['courses only', { q: word(20), kind: 'course' }],
  ];
  return cases.map(([name, params]) => ({ name, query: new URLSearchParams(params).toString() }));
}
