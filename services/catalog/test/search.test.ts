import { testBackends } from '@tessera/platform/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedCourse, SearchResult } from '../src/contract/index.js';
import { expectProblem, startCatalogKit, type CatalogKit, type Who } from './support/catalog-kit.js';

let kit: CatalogKit;
let a: Who;
let b: Who;
let studentA: Who;
const ids: Record<string, string> = {};

interface Spec {
  key: string;
  title: string;
  summary: string;
  body?: Record<string, unknown>;
  lessons: Array<[string, string]>;
}

/** The fixed corpus: a few courses of tenant A (public, tenant-only, unlisted, archived) and of tenant B. */
const corpusA: Spec[] = [
  { key: 'linear', title: 'Linear Algebra', summary: 'Vectors, matrices and linear maps', body: { category: 'Mathematics', level: 'intermediate', tags: ['math', 'algebra'], visibility: 'public' },
    lessons: [['Vectors', 'A vector has a magnitude and a direction.'], ['Matrices', 'Matrix multiplication composes linear maps.']] },
  { key: 'beginners', title: 'Algebra for Beginners', summary: 'Equations with one unknown', body: { category: 'Mathematics', level: 'beginner', tags: ['math'] },
    lessons: [['Equations', 'Solve for x by doing the same to both sides.']] },
  { key: 'cooking', title: 'Cooking with Vegetables', summary: 'Seasonal recipes <b>for everyone</b>', body: { category: 'Cooking', level: 'beginner', tags: ['food'], language: 'fr', visibility: 'public' },
    lessons: [['Soups', 'Balancing flavours is an algebra of its own: salt, acid, fat and heat.']] },
  { key: 'unlisted', title: 'Unlisted Algebra', summary: 'Only by link', body: { visibility: 'unlisted', category: 'Mathematics' }, lessons: [['Hidden', 'algebra by link']] },
  { key: 'archived', title: 'Archived Algebra', summary: 'Gone', body: { category: 'Mathematics' }, lessons: [['Old', 'old algebra']] },
];
const corpusB: Spec[] = [
  { key: 'bPublic', title: 'Algebra in Tenant B', summary: 'Public course of another tenant', body: { visibility: 'public', category: 'Mathematics' }, lessons: [['B1', 'groups and rings']] },
  { key: 'bPrivate', title: 'Private Algebra of B', summary: 'Tenant-only course of another tenant', body: { category: 'Mathematics' }, lessons: [['B2', 'fields']] },
];

async function publishSpec(who: Who, spec: Spec): Promise<PublishedCourse> {
  const course = await kit.course(who, { title: spec.title, summary: spec.summary, ...spec.body });
  const module = await kit.module(who, course.id, `${spec.title} module`);
  for (const [title, text] of spec.lessons) {
    const lesson = await kit.lesson(who, module.id, { title });
    await kit.block(who, lesson.id, { kind: 'rich_text', markdown: text });
    ids[title] = lesson.id;
  }
  const published = await kit.publish(who, course.id);
  ids[spec.key] = course.id;
  return published;
}

beforeAll(async () => {
  kit = await startCatalogKit();
  a = await kit.tenant(['instructor']);
  b = await kit.tenant(['instructor']);
  studentA = await kit.user(a, ['student']);
  for (const spec of corpusA) await publishSpec(a, spec);
  for (const spec of corpusB) await publishSpec(b, spec);
  const version = (await kit.ok<{ version: number }>(a, 'GET', `/api/v1/courses/${ids.archived}?view=draft`, 200)).version;
  await kit.ok(await kit.reviewer(a), 'POST', `/api/v1/courses/${ids.archived}/archive`, 200, undefined, { 'if-match': `"${version}"` });
});

afterAll(async () => kit?.close());

const search = (who: Who | null, query: string) => kit.ok<SearchResult>(who, 'GET', `${who ? '/api/v1/search' : '/api/v1/public/search'}?${query}`, 200);
const idsOf = (result: SearchResult) => result.items.map((hit) => hit.id);

describe(`search (${testBackends.database})`, () => {
  it('ranks title matches above summary and body matches, and never returns unlisted, archived or foreign content', async () => {
    const result = await search(studentA, 'q=algebra');
    const top = idsOf(result).slice(0, 2).sort();
    expect(top).toEqual([ids.linear, ids.beginners].sort());
    expect(idsOf(result)).toContain(ids.Soups);
    expect(idsOf(result).indexOf(ids.Soups!)).toBeGreaterThan(1);
    for (const hidden of [ids.unlisted, ids.Hidden, ids.archived, ids.Old, ids.bPublic, ids.bPrivate]) expect(idsOf(result)).not.toContain(hidden);
    expect(result.total).toBe(result.items.length);
    const scores = result.items.map((hit) => hit.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });

  it('matches word prefixes, all words of the query', async () => {
    expect(idsOf(await search(studentA, 'q=alg')).sort()).toEqual(idsOf(await search(studentA, 'q=algebra')).sort());
    expect(idsOf(await search(studentA, 'q=linear%20alg'))).toEqual([ids.linear]);
    expect(idsOf(await search(studentA, 'q=matri'))).toEqual(expect.arrayContaining([ids.Matrices, ids.linear]));
    expect((await search(studentA, 'q=nothingmatchesthis')).items).toEqual([]);
    // Query syntax characters are not syntax: no word means no text condition, never a 500.
    expect((await search(studentA, `q=${encodeURIComponent("&|!:*()'\\")}`)).total).toBeGreaterThan(0);
  });

  it('filters by category, level, language, tags, kind and skills', async () => {
    expect(idsOf(await search(studentA, 'q=algebra&category=Mathematics&level=beginner&kind=course'))).toEqual([ids.beginners]);
    expect(idsOf(await search(studentA, 'tags=algebra&tags=math&kind=course'))).toEqual([ids.linear]);
    expect(idsOf(await search(studentA, 'language=fr&kind=lesson'))).toEqual([ids.Soups]);
    expect((await search(studentA, 'kind=course')).items.every((hit) => hit.kind === 'course')).toBe(true);
    expect((await search(studentA, `skills=${ids.linear}`)).items).toEqual([]);
  });

  it('counts facets over every match and highlights matches in escaped snippets', async () => {
    const result = await search(studentA, 'q=algebra&limit=1');
    expect(result.items).toHaveLength(1);
    // Matches: the two algebra courses (titles) and the soup lesson (body).
    expect(result.total).toBe(3);
    expect(result.facets.category).toEqual([{ value: 'Mathematics', count: 2 }, { value: 'Cooking', count: 1 }]);
    expect(result.facets.kind).toEqual([{ value: 'course', count: 2 }, { value: 'lesson', count: 1 }]);
    expect(result.facets.level).toEqual([{ value: 'beginner', count: 2 }, { value: 'intermediate', count: 1 }]);
    expect(result.facets.language).toEqual([{ value: 'en', count: 2 }, { value: 'fr', count: 1 }]);
    expect(result.facets.tags).toEqual([{ value: 'math', count: 2 }, { value: 'algebra', count: 1 }, { value: 'food', count: 1 }]);
    const soups = (await search(studentA, 'q=flavours')).items.find((hit) => hit.id === ids.Soups);
    expect(soups?.snippet).toContain('<mark>flavours</mark>');
    const cooking = (await search(studentA, 'q=seasonal&kind=course')).items[0];
    expect(cooking?.snippet).toContain('<mark>Seasonal</mark>');
    expect(cooking?.snippet).not.toContain('<b>');
  });

  it('pages with a cursor without repeating hits', async () => {
    const first = await search(studentA, 'q=algebra&limit=2');
    expect(first.nextCursor).not.toBeNull();
    const second = await search(studentA, `q=algebra&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(idsOf(second).some((id) => idsOf(first).includes(id))).toBe(false);
    expectProblem(await kit.request(studentA, 'GET', '/api/v1/search?cursor=bogus'), 400, 'PAGINATION.INVALID_CURSOR');
  });

  it('keeps each tenant to its own catalog', async () => {
    const inB = await search(b, 'q=algebra');
    expect(idsOf(inB).sort()).toEqual([ids.bPublic, ids.bPrivate, ids.B1].filter((id) => idsOf(inB).includes(id!)).sort());
    for (const id of [ids.linear, ids.beginners, ids.Soups, ids.Vectors]) expect(idsOf(inB)).not.toContain(id);
    expect(inB.items.every((hit) => hit.tenantId === b.tenantId)).toBe(true);
  });

  it('searches and lists the public catalog of every tenant without a token, public courses only', async () => {
    const result = await search(null, 'q=algebra');
    expect(idsOf(result)).toEqual(expect.arrayContaining([ids.linear, ids.bPublic, ids.Soups]));
    for (const hidden of [ids.beginners, ids.bPrivate, ids.unlisted, ids.archived]) expect(idsOf(result)).not.toContain(hidden);
    const list = await kit.ok<{ items: Array<{ id: string; tenantId: string }> }>(null, 'GET', '/api/v1/public/courses?limit=100', 200);
    expect(list.items.map((c) => c.id).sort()).toEqual([ids.linear, ids.cooking, ids.bPublic].sort());
    const filtered = await kit.ok<{ items: Array<{ id: string }> }>(null, 'GET', '/api/v1/public/courses?category=Cooking', 200);
    expect(filtered.items.map((c) => c.id)).toEqual([ids.cooking]);
    const course = await kit.ok<PublishedCourse & { tenantId: string }>(null, 'GET', `/api/v1/public/courses/${ids.bPublic}`, 200);
    expect(course).toMatchObject({ id: ids.bPublic, tenantId: b.tenantId, title: 'Algebra in Tenant B' });
    // Where to enroll, yes; who wrote and published it, no: staff ids stay inside the tenant.
    expect(course).not.toHaveProperty('instructors');
    expect(course).not.toHaveProperty('publishedBy');
    const staff = [b.subject, (await kit.reviewer(b)).subject];
    for (const response of [JSON.stringify(course), JSON.stringify(list), JSON.stringify(await search(null, 'q=algebra'))]) {
      for (const id of staff) expect(response).not.toContain(id);
    }
    for (const hidden of [ids.beginners, ids.bPrivate, ids.unlisted, ids.archived]) {
      expectProblem(await kit.request(null, 'GET', `/api/v1/public/courses/${hidden}`), 404);
    }
  });

  it('leaves the courses of suspended and deleted tenants out of the public catalog', async () => {
    const c = await kit.tenant(['instructor']);
    const course = await kit.publishedCourse(c, { title: 'Zoology of Tenant C', body: { visibility: 'public' } });
    const publicView = async () => ({
      search: idsOf(await search(null, 'q=zoology')),
      listed: (await kit.ok<{ items: Array<{ id: string }> }>(null, 'GET', '/api/v1/public/courses?limit=100', 200)).items.some((item) => item.id === course.id),
      read: (await kit.request(null, 'GET', `/api/v1/public/courses/${course.id}`)).statusCode,
    });
    const shown = { search: [course.id], listed: true, read: 200 };
    const hidden = { search: [], listed: false, read: 404 };
    expect(await publicView()).toEqual(shown);
    await kit.platform.tenants.setStatus(c.tenantId, 'suspended');
    expect(await publicView()).toEqual(hidden);
    await kit.platform.tenants.setStatus(c.tenantId, 'active');
    expect(await publicView()).toEqual(shown);
    await kit.platform.tenants.setStatus(c.tenantId, 'deleted');
    expect(await publicView()).toEqual(hidden);
    // Other tenants' public courses stay.
    expect(idsOf(await search(null, 'q=algebra'))).toEqual(expect.arrayContaining([ids.linear, ids.bPublic]));
  });

  it('answers repeated searches from the cache, and publishing or archiving makes the next search fresh', async () => {
    const c = await kit.tenant(['instructor']);
    const student = await kit.user(c, ['student']);
    const first = await kit.publishedCourse(c, { title: 'Volcanology One', body: { visibility: 'public' } });
    const tenantView = async () => idsOf(await search(student, 'q=volcanology'));
    const publicView = async () => idsOf(await search(null, 'q=volcanology'));
    expect(await tenantView()).toContain(first.id);
    expect(await publicView()).toContain(first.id);
    // Behind the API's back (no publish, no event), the index loses the course: cached answers still show it.
    await kit.platform.db.withSystem((tx) => sql`delete from catalog.search_documents where course_id = ${first.id}`.execute(tx));
    expect(await tenantView()).toContain(first.id);
    expect(await publicView()).toContain(first.id);
    // A publication in the tenant replaces both the tenant's and the public catalog's answers.
    const second = await kit.publishedCourse(c, { title: 'Volcanology Two', body: { visibility: 'public' } });
    expect(await tenantView()).toEqual([second.id]);
    expect(await publicView()).toEqual([second.id]);
    const version = (await kit.ok<{ version: number }>(c, 'GET', `/api/v1/courses/${second.id}?view=draft`, 200)).version;
    await kit.ok(await kit.reviewer(c), 'POST', `/api/v1/courses/${second.id}/archive`, 200, undefined, { 'if-match': `"${version}"` });
    expect(await tenantView()).toEqual([]);
    expect(await publicView()).toEqual([]);
  });

  it('lists the tenant catalog with filters, without unlisted or archived courses', async () => {
    const list = await kit.ok<{ items: Array<{ id: string }> }>(studentA, 'GET', '/api/v1/courses?limit=100', 200);
    expect(list.items.map((c) => c.id).sort()).toEqual([ids.linear, ids.beginners, ids.cooking].sort());
    const maths = await kit.ok<{ items: Array<{ id: string }> }>(studentA, 'GET', '/api/v1/courses?category=Mathematics&tag=math&level=beginner', 200);
    expect(maths.items.map((c) => c.id)).toEqual([ids.beginners]);
    const paged = await kit.ok<{ items: Array<{ id: string }>; nextCursor: string }>(studentA, 'GET', '/api/v1/courses?limit=2', 200);
    const rest = await kit.ok<{ items: Array<{ id: string }> }>(studentA, 'GET', `/api/v1/courses?limit=2&cursor=${paged.nextCursor}`, 200);
    expect([...paged.items, ...rest.items].map((c) => c.id).sort()).toEqual(list.items.map((c) => c.id).sort());
    // The unlisted course is still readable by link.
    expect((await kit.ok<PublishedCourse>(studentA, 'GET', `/api/v1/courses/${ids.unlisted}`, 200)).title).toBe('Unlisted Algebra');
  });
});
