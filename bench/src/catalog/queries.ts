import { CATEGORIES, LANGUAGES, LEVELS, WORDS } from './vocabulary.js';

/** One search of the fixed mix: what it stands for, and its query string. */
export interface SearchCase {
  name: string;
  query: string;
}

/** Distinct searches of one shape of the mix: each is asked once, so none is answered from the search cache. */
export interface SearchShape {
  name: string;
  queries: string[];
}

/** The search run once before the measured ones; it belongs to neither the mix nor the shapes. */
export const WARM_UP_SEARCH = new URLSearchParams({ q: 'warmup' }).toString();

type Params = Record<string, string>;

/** The word of frequency rank `rank` (0 is the most common). */
function word(rank: number): string {
  const found = WORDS[rank];
  if (found === undefined) throw new RangeError(`the vocabulary has no word of rank ${rank}`);
  return found;
}

/** The cases of the mix, as parameters. */
function mixParams(): Array<[string, Params]> {
  return [
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
}

/**
 * The fixed search mix: single words from common to rare, prefixes as typed into a search box, two words,
 * filters on category, level and language, and a browse with filters only. Facets come with every answer.
 */
export function searchMix(): SearchCase[] {
  return mixParams().map(([name, params]) => ({ name, query: new URLSearchParams(params).toString() }));
}

/**
 * For each case of the mix, `instances` distinct searches of the same shape with other words or filters. No
 * search repeats across shapes nor repeats one of the mix or the warm-up, so every one is answered by the
 * database. Candidates are taken in order and those already used are skipped (the frequent words follow the
 * common ones, for instance); a shape whose candidates run out has fewer instances (short prefixes: the
 * vocabulary has only so many distinct 2-letter prefixes).
 */
export function searchShapes(instances = 30): SearchShape[] {
  const used = new Set([WARM_UP_SEARCH, ...searchMix().map((c) => c.query)].map(searchKey));
  return mixParams().map(([name]) => {
    const queries: string[] = [];
    for (const params of candidatesOf(name)) {
      if (queries.length >= instances) break;
      const query = new URLSearchParams(params).toString();
      const key = searchKey(query);
      if (used.has(key)) continue;
      used.add(key);
      queries.push(query);
    }
    return { name, queries };
  });
}

/**
 * What the search cache tells apart: the words as matched (lower case, letters and digits) and every filter,
 * whatever their order. Two query strings with the same key would share one cached answer.
 */
function searchKey(query: string): string {
  const params = [...new URLSearchParams(query)].map(([name, value]): [string, string] =>
    [name, name === 'q' ? (value.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ') : value]);
  return JSON.stringify(params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The searches of a shape, in the order they are tried: successive words of the vocabulary, rotating filters. */
function* candidatesOf(shape: string): Generator<Params> {
  switch (shape) {
    case 'common word': yield* ranksFrom(0, (r) => ({ q: word(r) })); return;
    case 'frequent word': yield* ranksFrom(8, (r) => ({ q: word(r) })); return;
    case 'mid word': yield* ranksFrom(60, (r) => ({ q: word(r) })); return;
    case 'rare word': yield* ranksFrom(250, (r) => ({ q: word(r) })); return;
    case 'prefix 3 letters': yield* prefixesFrom(30, 3); return;
    case 'prefix 5 letters': yield* prefixesFrom(52, 5); return;
    case 'short prefix': yield* prefixesFrom(0, 2); return;
    case 'two words': yield* pairs(30, 37, (a, b) => ({ q: `${a} ${b}` })); return;
    case 'two prefixes': yield* pairs(41, 1, (a, b) => ({ q: `${a.slice(0, 4)} ${b.slice(0, 4)}` })); return;
    case 'word + category': yield* ranksFrom(10, (r, i) => ({ q: word(r), category: rotate(CATEGORIES, i) })); return;
    case 'word + level + language':
      yield* ranksFrom(32, (r, i) => ({ q: word(r), level: rotate(LEVELS, i), language: rotate(LANGUAGES, i)[0] })); return;
    case 'prefix + category + level':
      yield* ranksFrom(40, (r, i) => ({ q: word(r).slice(0, 4), category: rotate(CATEGORIES, i + 1), level: rotate(LEVELS, i + 1) })); return;
    case 'category only (browse)': yield* browses(); return;
    case 'courses only': yield* ranksFrom(20, (r) => ({ q: word(r), kind: 'course' })); return;
    default: throw new Error(`no search shape named "${shape}"`);
  }
}

/** One search per word from rank `start` to the rarest; `i` counts the searches made. */
function* ranksFrom(start: number, search: (rank: number, i: number) => Params): Generator<Params> {
  for (let rank = start; rank < WORDS.length; rank++) yield search(rank, rank - start);
}

/** The `letters`-letter prefixes of successive words from rank `start`, of words longer than the prefix. */
function* prefixesFrom(start: number, letters: number): Generator<Params> {
  for (let rank = start; rank < WORDS.length; rank++) {
    if (word(rank).length > letters) yield { q: word(rank).slice(0, letters) };
  }
}

/** The i-th search pairs the words of ranks `first + i` and `second + i`, as long as the vocabulary lasts. */
function* pairs(first: number, second: number, search: (a: string, b: string) => Params): Generator<Params> {
  for (let i = 0; Math.max(first, second) + i < WORDS.length; i++) yield search(word(first + i), word(second + i));
}

/** Every category with every level. */
function* browses(): Generator<Params> {
  for (const level of LEVELS) {
    for (const category of CATEGORIES) yield { category, level };
  }
}

function rotate<T>(values: readonly T[], i: number): T {
  return values[i % values.length] as T;
}
