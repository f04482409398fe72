import { testBackends } from '@tessera/platform/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search } from '../src/app/search.js';
import type { SearchQuery, SearchResult } from '../src/contract/index.js';
import { startCatalogKit, type CatalogKit, type Who } from './support/catalog-kit.js';

let kit: CatalogKit;
let a: Who;
let b: Who;
const ids: Record<string, string> = {};

/** A published course of one lesson whose block says `text`. */
async function publish(who: Who, key: string, title: string, text: string, body: Record<string, unknown>): Promise<void> {
  const course = await kit.course(who, { title, summary: `${title} summary`, ...body });
  const module = await kit.module(who, course.id, 'Module');
  const lesson = await kit.lesson(who, module.id, { title: `${title} lesson` });
  await kit.block(who, lesson.id, { kind: 'rich_text', markdown: text });
  await kit.publish(who, course.id);
  ids[key] = course.id;
  ids[`${key}Lesson`] = lesson.id;
}

beforeAll(async () => {
  kit = await startCatalogKit();
  a = await kit.tenant(['instructor']);
  b = await kit.tenant(['instructor']);
  // Tenant A: "quasar" in the titles of two courses and their lessons, and in the text of a third course's lesson.
  await publish(a, 'one', 'Quasar Basics', 'Stars and light.', { category: 'Astronomy', level: 'beginner', tags: ['space'], visibility: 'public' });
  await publish(a, 'two', 'Quasar Jets', 'Jets and more jets.', { category: 'Astronomy', level: 'advanced', tags: ['space', 'physics'] });
  await publish(a, 'three', 'Galaxies', 'A quasar sits in the core of some galaxies.', { category: 'Astronomy', level: 'intermediate' });
  await publish(b, 'bOwn', 'Pulsars of B', 'Tenant B knows no quasar text in its titles, only here: quasar.', { category: 'Astronomy' });
});

afterAll(async () => kit?.close());

const query = (q: Partial<SearchQuery>): SearchQuery => ({ limit: 20, ...q });
const idsOf = (result: SearchResult) => result.items.map((hit) => hit.id);

/** Calls catalog.search as the application role, with `tenantId` set (or none), as a tenant search or a public one. */
async function callSearchFunction(tenantId: string | null, words: string, publicCatalog: boolean): Promise<{ total: number; hits: Array<{ id: string; tenant_id: string }> }> {
  return kit.platform.db.withTenant(tenantId, async (tx) => {
    const { rows } = await sql<{ total: number; hits: Array<{ id: string; tenant_id: string }> }>`
      select total, hits from catalog.search(to_tsquery('simple', ${words}), ${publicCatalog}, true, null, null, null, null, null, null,
        0, 50, 1000, 'StartSel=[,StopSel=]', 1000)`.execute(tx);
    return rows[0]!;
  });
}

describe(`search bounds and isolation (${testBackends.database})`, () => {
  it('counts exactly and says so when the matches are within the cap', async () => {
    const result = await kit.ok<SearchResult>(a, 'GET', '/api/v1/search?q=quasar', 200);
    // The two Quasar courses and their lessons by title, the galaxies lesson by its text.
    expect(result.total).toBe(5);
    expect(result.items).toHaveLength(5);
    expect(result.facetsCapped).toBe(false);
    expect(idsOf(result)).toEqual(expect.arrayContaining([ids.one, ids.two, ids.threeLesson]));
  });

  it('counts at most the cap, ranks title matches within it, and marks total and facets as capped', async () => {
    const all = await search(kit.platform.db, { tenantId: a.tenantId, items: false }, query({ q: 'quasar' }));
    expect(all).toMatchObject({ total: 5, facetsCapped: false });
    const capped = await search(kit.platform.db, { tenantId: a.tenantId, items: false }, query({ q: 'quasar' }), 3);
    expect(capped.facetsCapped).toBe(true);
    expect(capped.total).toBe(3);
    expect(capped.items).toHaveLength(3);
    // Title matches are the first tier of the ranking: the galaxies lesson (a body match) is left out, not a titled one.
    expect(idsOf(capped)).not.toContain(ids.threeLesson);
    expect(capped.items.every((hit) => hit.title.startsWith('Quasar'))).toBe(true);
    // Facets count the counted matches only.
    expect(capped.facets.kind.reduce((sum, f) => sum + f.count, 0)).toBe(3);
    expect(capped.facets.category).toEqual([{ value: 'Astronomy', count: 3 }]);
    // Paging stays within the counted matches.
    const first = await search(kit.platform.db, { tenantId: a.tenantId, items: false }, query({ q: 'quasar', limit: 2 }), 3);
    expect(first.nextCursor).not.toBeNull();
    const second = await search(kit.platform.db, { tenantId: a.tenantId, items: false }, query({ q: 'quasar', limit: 2, cursor: first.nextCursor! }), 3);
    expect(idsOf(second)).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect([...idsOf(first), ...idsOf(second)].sort()).toEqual(idsOf(capped).sort());
  });

  it('caps browsing without words too, newest first', async () => {
    const capped = await search(kit.platform.db, { tenantId: a.tenantId, items: false }, query({ category: 'Astronomy', kind: 'course' }), 2);
    expect(capped).toMatchObject({ total: 2, facetsCapped: true });
    expect(idsOf(capped)).toEqual([ids.three, ids.two]);
  });

  it('scopes catalog.search to the transaction\'s tenant, never to another or to none', async () => {
    const ofA = [ids.one, ids.oneLesson, ids.two, ids.twoLesson, ids.threeLesson];
    const asA = await callSearchFunction(a.tenantId, 'quasar:*', false);
    expect(asA.hits.map((hit) => hit.id)).toEqual(expect.arrayContaining(ofA));
    expect(asA.hits.every((hit) => hit.tenant_id === a.tenantId)).toBe(true);
    const asB = await callSearchFunction(b.tenantId, 'quasar:*', false);
    expect(asB.hits.map((hit) => hit.id)).toEqual([ids.bOwnLesson]);
    expect(await callSearchFunction(null, 'quasar:*', false)).toEqual({ total: 0, hits: [] });
  });

  it('gives the public catalog only public courses and lessons, whoever asks', async () => {
    for (const tenantId of [null, b.tenantId]) {
      const found = await callSearchFunction(tenantId, 'quasar:*', true);
      expect(found.hits.map((hit) => hit.id).sort()).toEqual([ids.one, ids.oneLesson].sort());
    }
  });

  it('keeps the slim search index under row-level security', async () => {
    const count = (tenantId: string | null) => kit.platform.db.withTenant(tenantId, async (tx) =>
      (await sql<{ n: number }>`select count(*)::int as n from catalog.search_index where id = any(${[ids.one, ids.two, ids.three]}::uuid[])`.execute(tx)).rows[0]!.n);
    expect(await count(a.tenantId)).toBe(3);
    expect(await count(b.tenantId)).toBe(0);
    expect(await count(null)).toBe(0);
  });
});
