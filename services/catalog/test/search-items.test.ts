import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../src/contract/index.js';
import { expectProblem, startCatalogKit, type CatalogKit, type Who } from './support/catalog-kit.js';

let kit: CatalogKit;
let a: Who;
let b: Who;
/** Staff reads the question bank, so search shows them items; students none (they meet items in lessons). */
let tutorA: Who;
let studentA: Who;
let redox: string;
const ids: Record<string, string> = {};

/** Words that only answers, feedback, hints, hidden tests or unpublished drafts hold: search must never find them. */
const SECRETS = ['zucchinifeedback', 'kiwifeedback', 'lycheehint', 'photosynthesis', 'secrethiddenoutput', 'unpublisheddraftword', 'revisedword'];

const item = {
  oxidation: (skills: string[]) => ({
    type: 'single_choice', title: 'Oxidation states', skills,
    stem: '<p>What is the oxidation state of <strong>oxygen</strong> in water? It\'s "tricky" &amp; fun.</p>',
    feedback: { general: '<p>Think kiwifeedback.</p>' }, hints: ['<p>Remember lycheehint.</p>'],
    options: [{ id: 'A', text: 'Minus two', correct: true, feedback: '<p>zucchinifeedback</p>' }, { id: 'B', text: 'Plus one', correct: false }],
  }),
  plants: {
    type: 'short_text', title: 'Plant energy', stem: '<p>Which process turns light into sugar in plants?</p>', accepted: ['photosynthesis'],
  },
  program: {
    type: 'code', title: 'Balance a reaction', stem: '<p>Write a function that balances a reaction.</p>', language: 'python',
    testCases: [{ input: 'H2 O2', expected: 'visibleoutput', hidden: false }, { input: 'C O2', expected: 'secrethiddenoutput', hidden: true }],
  },
  reactivity: {
    type: 'ordering', title: 'Reactivity series', stem: '<p>Order these metals from most to least reactive.</p>',
    choices: [{ id: 'k', text: 'Potassium' }, { id: 'na', text: 'Sodium' }, { id: 'ca', text: 'Calcium' }], correctOrder: ['k', 'na', 'ca'],
  },
  draft: { type: 'true_false', title: 'Oxidation draft', stem: '<p>unpublisheddraftword</p>', answer: true },
  combustion: (stem: string) => ({ type: 'true_false', title: 'Combustion', stem, answer: true }),
  tenantB: { type: 'true_false', title: 'Oxidation in tenant B', stem: '<p>Rust is oxidation.</p>', answer: true },
};

async function createItem(who: Who, body: object): Promise<{ id: string; version: number }> {
  return kit.ok<{ id: string; version: number }>(who, 'POST', '/api/v1/items', 201, body);
}

async function publishItem(who: Who, id: string): Promise<{ version: number }> {
  return kit.ok<{ version: number }>(who, 'POST', `/api/v1/items/${id}/publish`, 200);
}

beforeAll(async () => {
  kit = await startCatalogKit();
  a = await kit.tenant(['instructor']);
  b = await kit.tenant(['instructor']);
  tutorA = await kit.user(a, ['tutor']);
  studentA = await kit.user(a, ['student']);
  redox = (await kit.skill(a, 'Redox')).id;

  const course = await kit.course(a, { title: 'Chemistry of Reactions', summary: 'Balancing chemical equations', category: 'Science', level: 'beginner', visibility: 'public' });
  const module = await kit.module(a, course.id, 'Reactions');
  const lesson = await kit.lesson(a, module.id, { title: 'Oxidation' });
  await kit.block(a, lesson.id, { kind: 'rich_text', markdown: 'Oxidation is the loss of electrons.' });
  await kit.publish(a, course.id);
  Object.assign(ids, { course: course.id, lesson: lesson.id });

  for (const [key, body] of [['oxidation', item.oxidation([redox])], ['plants', item.plants], ['program', item.program], ['reactivity', item.reactivity]] as const) {
    ids[key] = (await createItem(a, body)).id;
    await publishItem(a, ids[key]!);
  }
  ids.draft = (await createItem(a, item.draft)).id;
  // Published, then edited: search keeps showing the published text until the next publication.
  const combustion = await createItem(a, item.combustion('<p>Combustion needs oxygen.</p>'));
  ids.combustion = combustion.id;
  await publishItem(a, combustion.id);
  const { version } = await kit.ok<{ version: number }>(a, 'GET', `/api/v1/items/${combustion.id}`, 200);
  await kit.ok(a, 'PUT', `/api/v1/items/${combustion.id}`, 200, item.combustion('<p>Combustion needs revisedword.</p>'), { 'if-match': `"${version}"` });

  ids.itemB = (await createItem(b, item.tenantB)).id;
  await publishItem(b, ids.itemB);
});

afterAll(async () => kit?.close());

const search = (who: Who | null, query: string) => kit.ok<SearchResult>(who, 'GET', `${who ? '/api/v1/search' : '/api/v1/public/search'}?${query}`, 200);
const idsOf = (result: SearchResult) => result.items.map((hit) => hit.id);

describe(`search over items (${testBackends.database})`, () => {
  it('ranks items with courses and lessons: title matches first, body matches after', async () => {
    const result = await search(tutorA, 'q=oxidation');
    expect(idsOf(result).slice(0, 2).sort()).toEqual([ids.oxidation, ids.lesson].sort());
    expect(idsOf(result)).toEqual(expect.arrayContaining([ids.course]));
    expect(idsOf(result)).not.toContain(ids.draft);
    expect(idsOf(result)).not.toContain(ids.itemB);
    const hit = result.items.find((h) => h.id === ids.oxidation);
    expect(hit).toMatchObject({ kind: 'item', courseId: null, tenantId: a.tenantId, version: 1, title: 'Oxidation states', level: null, language: null, category: null, tags: [] });
  });

  it('matches prefixes of every word, in the question and the choices students see', async () => {
    expect(idsOf(await search(tutorA, 'q=oxid%20stat'))).toEqual([ids.oxidation]);
    expect(idsOf(await search(tutorA, 'q=sug'))).toEqual([ids.plants]);
    expect(idsOf(await search(tutorA, 'q=minus%20tw'))).toEqual([ids.oxidation]);
    expect(idsOf(await search(tutorA, 'q=potass'))).toEqual([ids.reactivity]);
  });

  it('filters by kind and skills; course filters leave items out', async () => {
    const items = await search(tutorA, 'kind=item&limit=50');
    expect(idsOf(items).sort()).toEqual([ids.oxidation, ids.plants, ids.program, ids.reactivity, ids.combustion].sort());
    expect(items.facets.kind).toEqual([{ value: 'item', count: 5 }]);
    expect(idsOf(await search(tutorA, `skills=${redox}`))).toEqual([ids.oxidation]);
    expect(idsOf(await search(tutorA, 'q=oxidation&level=beginner')).sort()).toEqual([ids.course, ids.lesson].sort());
    expect(idsOf(await search(tutorA, 'q=oxidation&kind=lesson'))).toEqual([ids.lesson]);
    expectProblem(await kit.request(tutorA, 'GET', '/api/v1/search?kind=quiz'), 400);
  });

  it('counts facets over courses, lessons and items alike', async () => {
    const result = await search(tutorA, 'q=oxidation&limit=1');
    expect(result.total).toBe(3);
    expect(result.facets.kind).toEqual([{ value: 'course', count: 1 }, { value: 'item', count: 1 }, { value: 'lesson', count: 1 }]);
    // Items have no category, level or language: they count only under kind.
    expect(result.facets.category).toEqual([{ value: 'Science', count: 2 }]);
    expect(result.facets.level).toEqual([{ value: 'beginner', count: 2 }]);
    expect(result.facets.language).toEqual([{ value: 'en', count: 2 }]);
  });

  it('highlights matches in an HTML-escaped snippet of the question', async () => {
    const hit = (await search(tutorA, 'q=oxygen&kind=item')).items.find((h) => h.id === ids.oxidation);
    expect(hit?.snippet).toContain('<mark>oxygen</mark>');
    expect(hit?.snippet).toContain('It&#39;s &#34;tricky&#34;');
    expect(hit?.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('shows students courses and lessons but no items: the question bank is not theirs to browse', async () => {
    const result = await search(studentA, 'q=oxidation');
    expect(idsOf(result).sort()).toEqual([ids.course, ids.lesson].sort());
    expect(result.total).toBe(2);
    expect(result.facets.kind.map((f) => f.value)).not.toContain('item');
    expect(await search(studentA, 'kind=item&limit=50')).toMatchObject({ items: [], total: 0 });
    expect((await search(studentA, `skills=${redox}`)).items).toEqual([]);
  });

  it('never finds answers, feedback, hints, hidden tests or unpublished drafts, for staff or authors', async () => {
    for (const who of [tutorA, a]) {
      for (const word of SECRETS) expect((await search(who, `q=${word}`)).total, word).toBe(0);
      const all = JSON.stringify(await search(who, 'kind=item&limit=50'));
      for (const word of [...SECRETS, 'correct', 'visibleoutput']) expect(all).not.toContain(word);
    }
  });

  it('shows the latest published version of an item, replacing the previous one when republished', async () => {
    expect(idsOf(await search(tutorA, 'q=combustion%20oxygen'))).toEqual([ids.combustion]);
    await publishItem(a, ids.combustion!);
    expect((await search(tutorA, 'q=combustion%20oxygen')).total).toBe(0);
    const result = await search(tutorA, 'q=revisedword');
    expect(result.items).toEqual([expect.objectContaining({ id: ids.combustion, version: 2 })]);
    expect((await search(tutorA, 'q=combustion')).total).toBe(1);
  });

  it('keeps items to their tenant and out of the public catalog', async () => {
    const inB = await search(b, 'q=oxidation');
    expect(idsOf(inB)).toEqual([ids.itemB]);
    expect(idsOf(await search(tutorA, 'q=rust'))).toEqual([]);
    const publicHits = await search(null, 'q=oxidation');
    expect(idsOf(publicHits).sort()).toEqual([ids.course, ids.lesson].sort());
    expect(publicHits.facets.kind.map((f) => f.value)).not.toContain('item');
    expect((await search(null, 'kind=item')).items).toEqual([]);
  });
});
