import { randomUUID } from 'node:crypto';
import { testBackends, type TestTenant } from '@tessera/platform/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemContent } from '../src/items/item-types.js';
import { createItemsKit, expectProblem, type ItemsKit } from './fixtures/items-kit.js';
import { sampleItems } from './fixtures/items-samples.js';

type Item = Record<string, unknown> & { id: string; type: string; version: number; status: string; publishedVersion: number | null };

let kit: ItemsKit;
let author: TestTenant;
let student: TestTenant;
let tutor: TestTenant;
let other: TestTenant;
/** A skill of the author's tenant, which the samples are tagged with. */
let skill: string;

beforeAll(async () => {
  kit = await createItemsKit();
  author = await kit.tenant(['instructor']);
  student = await kit.as(author, ['student']);
  tutor = await kit.as(author, ['tutor']);
  other = await kit.tenant(['tenant_admin']);
  skill = await createSkill(author);
});

afterAll(async () => {
  await kit?.close();
});

async function create(who: TestTenant, item: ItemContent): Promise<Item> {
  const response = await kit.request(who, 'POST', '/items', item);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Item>();
}

async function publish(who: TestTenant, id: string): Promise<Item> {
  const response = await kit.request(who, 'POST', `/items/${id}/publish`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Item>();
}

async function createSkill(who: TestTenant): Promise<string> {
  const response = await kit.request(who, 'POST', '/skills', { name: `Geography ${randomUUID().slice(0, 8)}` });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

const sample = (type: string) => sampleItems(skill).find((item) => item.type === type)!;

describe(`question bank over HTTP (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('creates every type of item as a draft with an ETag and reads it back with its answers', async () => {
    for (const content of sampleItems(skill)) {
      const response = await kit.request(author, 'POST', '/items', content);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.headers.etag).toBe('"1"');
      const item = response.json<Item>();
      expect(item).toMatchObject({ type: content.type, title: content.title, status: 'draft', version: 1, publishedVersion: null, createdBy: author.subject });
      const read = await kit.request(author, 'GET', String(response.headers.location).replace('/api/v1', ''));
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(item);
    }
  });

  it('strips script and event handlers from rich text', async () => {
    const item = await create(author, { ...sample('single_choice'), stem: '<p onclick="steal()">Pick <script>alert(1)</script><a href="javascript:alert(1)">one</a><img src=x onerror=alert(1)></p>' } as ItemContent);
    expect(item.stem).not.toMatch(/script|onclick|javascript|onerror/i);
    expect(item.stem).toContain('Pick');
  });

  it('replaces a draft with If-Match and refuses stale or missing versions with 412', async () => {
    const item = await create(author, sample('numeric'));
    const changed = { ...sample('numeric'), title: 'Gravity (edited)' };
    const updated = await kit.request(author, 'PUT', `/items/${item.id}`, changed, { 'if-match': '"1"' });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.json<Item>()).toMatchObject({ title: 'Gravity (edited)', version: 2 });
    expectProblem(await kit.request(author, 'PUT', `/items/${item.id}`, changed, { 'if-match': '"1"' }), 412, 'ITEMS.VERSION_MISMATCH');
    expectProblem(await kit.request(author, 'PUT', `/items/${item.id}`, changed), 412, 'CONCURRENCY.IF_MATCH_REQUIRED');
  });

  it('lets exactly one of two concurrent edits (or publications) of the same version win', async () => {
    const item = await create(author, sample('numeric'));
    const edits = await Promise.all(['A', 'B'].map((suffix) =>
      kit.request(author, 'PUT', `/items/${item.id}`, { ...sample('numeric'), title: `Gravity ${suffix}` }, { 'if-match': '"1"' })));
    expect(edits.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const publications = await Promise.all([1, 2].map(() => kit.request(author, 'POST', `/items/${item.id}/publish`, undefined, { 'if-match': '"2"' })));
    expect(publications.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    expect((await kit.request(author, 'GET', `/items/${item.id}`)).json<Item>()).toMatchObject({ publishedVersion: 1, version: 3 });
  });

  it('lets only the item author or a holder of manage_all change it', async () => {
    const item = await create(author, sample('true_false'));
    const colleague = await kit.as(author, ['instructor']);
    expectProblem(await kit.request(colleague, 'PUT', `/items/${item.id}`, sample('true_false'), { 'if-match': '"1"' }), 403, 'AUTH.NOT_OWNER');
    const admin = await kit.as(author, ['tenant_admin']);
    expect((await kit.request(admin, 'PUT', `/items/${item.id}`, sample('true_false'), { 'if-match': '"1"' })).statusCode).toBe(200);
    expectProblem(await kit.request(student, 'POST', '/items', sample('essay')), 403);
  });

  it('refuses bad bodies and unsafe answer patterns with 400', async () => {
    expectProblem(await kit.request(author, 'POST', '/items', { type: 'numeric', title: 'x' }), 400);
    expectProblem(await kit.request(author, 'POST', '/items', { ...sample('essay'), type: 'hotspot' }), 400);
    const unsafe = await kit.request(author, 'POST', '/items', { ...sample('short_text'), patterns: ['(a+)+$'] });
    const body = expectProblem(unsafe, 400, 'ITEMS.UNSAFE_PATTERN');
    expect(body.errors?.[0]?.pointer).toBe('/body/patterns/0');
    expectProblem(await kit.request(author, 'POST', '/items', { ...sample('short_text'), patterns: ['(x|xx)*y'] }), 400, 'ITEMS.UNSAFE_PATTERN');
  });

  it('publishes a draft as version 1, 2, ... and emits catalog.item.published each time', async () => {
    const item = await create(author, sample('single_choice'));
    const first = await kit.request(author, 'POST', `/items/${item.id}/publish`, undefined, { 'if-match': '"1"' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Item>()).toMatchObject({ status: 'published', publishedVersion: 1, version: 2 });
    expect(first.headers.location).toBe(`/api/v1/items/${item.id}/versions/1`);
    expectProblem(await kit.request(author, 'POST', `/items/${item.id}/publish`), 409, 'ITEMS.NOTHING_TO_PUBLISH');

    const edited = await kit.request(author, 'PUT', `/items/${item.id}`, { ...sample('single_choice'), title: 'Capital of France v2' }, { 'if-match': '"2"' });
    expect(edited.json<Item>()).toMatchObject({ status: 'draft', publishedVersion: 1, version: 3 });
    expectProblem(await kit.request(author, 'POST', `/items/${item.id}/publish`, undefined, { 'if-match': '"2"' }), 412, 'ITEMS.VERSION_MISMATCH');
    expect(await publish(author, item.id)).toMatchObject({ publishedVersion: 2, status: 'published' });

    const v1 = await kit.request(author, 'GET', `/items/${item.id}/versions/1`);
    expect(v1.json()).toMatchObject({ id: item.id, version: 1, title: 'Capital of France', publishedBy: author.subject });
    expect((await kit.request(author, 'GET', `/items/${item.id}/versions/2`)).json()).toMatchObject({ version: 2, title: 'Capital of France v2' });
    expectProblem(await kit.request(author, 'GET', `/items/${item.id}/versions/3`), 404, 'ITEMS.VERSION_NOT_FOUND');

    // The relay is not running in this file, so the events wait in the outbox.
    const events = await kit.platform.db.withSystem(async (tx) => (await sql<{ event: { type: string; data: unknown } }>`
      select event from platform.outbox where event ->> 'subject' = ${item.id} order by seq`.execute(tx)).rows.map((row) => row.event));
    expect(events.map((e) => e.type)).toEqual(['tessera.catalog.item.published', 'tessera.catalog.item.published']);
    expect(events.map((e) => e.data)).toEqual([1, 2].map((version) => ({
      itemId: item.id, version, type: 'single_choice', skills: sample('single_choice').skills, difficulty: 0.2,
      parameters: { a: 1.2, b: -0.5, c: 0.25 }, courseId: null, publishedAt: expect.any(String),
      // The whole published content, answers included (assessment grades with it), without version bookkeeping.
      content: expect.objectContaining({ type: 'single_choice', options: expect.arrayContaining([expect.objectContaining({ correct: true })]) }),
    })));
    for (const event of events) expect(Object.keys((event.data as { content: object }).content)).not.toContain('publishedBy');
  });

  it('refuses to publish an invalid item with 422 listing every problem', async () => {
    const broken = await create(author, {
      type: 'single_choice', title: 'Broken', stem: '',
      options: [{ id: 'A', text: 'Same', correct: true }, { id: 'A', text: 'Same', correct: true }],
    });
    const body = expectProblem(await kit.request(author, 'POST', `/items/${broken.id}/publish`), 422, 'ITEMS.NOT_PUBLISHABLE');
    expect(body.problems).toEqual(expect.arrayContaining([
      'stem: the question text is empty', 'options: duplicate identifier "A"', 'options: duplicate text "same"',
      'options: exactly one option of a single-choice item must be correct (2 are)',
    ]));
    const numeric = await create(author, { ...sample('numeric'), value: null } as ItemContent);
    expect(expectProblem(await kit.request(author, 'POST', `/items/${numeric.id}/publish`), 422).problems).toEqual(['value: a numeric item needs the correct value']);
    const cloze = await create(author, { ...sample('cloze'), stem: '<p>Only {{g1}} and {{g9}}</p>' } as ItemContent);
    expect(expectProblem(await kit.request(author, 'POST', `/items/${cloze.id}/publish`), 422).problems)
      .toEqual(['stem: gap "g2" has no {{g2}} marker in the text', 'gaps: the marker {{g9}} has no gap']);
    expect((await kit.request(author, 'GET', `/items/${broken.id}`)).json<Item>().publishedVersion).toBeNull();
  });

  it('keeps the bank from students and shows tutors only published versions, without answers, feedback or hidden tests', async () => {
    const never = await create(author, sample('essay'));
    expectProblem(await kit.request(tutor, 'GET', `/items/${never.id}`), 404, 'ITEMS.ITEM_NOT_FOUND');
    const views: Record<string, Record<string, unknown>> = {};
    for (const content of sampleItems(skill)) {
      const item = await create(author, content);
      await publish(author, item.id);
      // Students meet questions in the lessons that embed them, never by browsing the bank ahead of an assessment.
      for (const url of [`/items/${item.id}`, `/items/${item.id}/versions/1`]) expectProblem(await kit.request(student, 'GET', url), 403);
      const view = await kit.request(tutor, 'GET', `/items/${item.id}`);
      expect(view.statusCode, view.body).toBe(200);
      views[content.type] = view.json();
      expect(view.json()).toMatchObject({ id: item.id, version: 1, type: content.type, stem: expect.any(String) });
      expect(JSON.stringify(view.json())).not.toMatch(/"correct"|"answer"|"accepted"|"patterns"|"correctOrder"|"pairs"|"feedback|"value"|"tolerance"|"hidden":true/);
      expect(await kit.request(tutor, 'GET', `/items/${item.id}/versions/1`).then((r) => r.json())).toEqual(view.json());
    }
    expect(views.single_choice?.options).toEqual([{ id: 'A', text: 'Paris' }, { id: 'B', text: 'Lyon' }, { id: 'C', text: 'Marseille &amp; Nice' }]);
    expect(views.cloze?.gaps).toEqual([{ id: 'g1', kind: 'text' }, { id: 'g2', kind: 'choice', choices: [{ id: 'spring', text: 'spring' }, { id: 'summer', text: 'summer' }] }]);
    expect(views.code?.testCases).toEqual([{ input: '1 2', expected: '3', hidden: false }]);
    expect(views.numeric?.unit).toBe('m/s²');

    expectProblem(await kit.request(student, 'GET', '/items?limit=100'), 403);
    const listed = (await kit.request(tutor, 'GET', '/items?limit=100')).json<{ items: Item[] }>().items;
    expect(listed.map((i) => i.id)).not.toContain(never.id);
    expect(JSON.stringify(listed)).not.toMatch(/"correct"|"accepted"|"hidden":true/);
  });

  it('lists with filters (type, skill, status, q) and pages with a cursor', async () => {
    const tenant = await kit.tenant(['instructor']);
    const tenantSkill = await createSkill(tenant);
    const created: Item[] = [];
    for (const content of sampleItems(tenantSkill)) created.push(await create(tenant, content));
    await publish(tenant, created[0]!.id);
    const ids = async (query: string, who: TestTenant = tenant) => {
      const response = await kit.request(who, 'GET', `/items${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: Item[] }>().items.map((i) => i.id);
    };
    expect(await ids('?type=numeric')).toEqual([created[3]!.id]);
    expect(await ids(`?skill=${tenantSkill}`)).toEqual([created[0]!.id]);
    expect(await ids('?status=published')).toEqual([created[0]!.id]);
    expect((await ids('?status=draft')).length).toBe(9);
    expect(await ids('?q=hamlet')).toEqual([created[4]!.id]);
    expect(await ids('?q=100')).toEqual([created[2]!.id]);
    expect(await ids('?q=1_0')).toEqual([]);
    const tenantTutor = await kit.as(tenant, ['tutor']);
    expect(await ids('?limit=100', tenantTutor)).toEqual([created[0]!.id]);
    expect(await ids('?type=numeric', tenantTutor)).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const response = await kit.request(tenant, 'GET', `/items?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      const body = response.json<{ items: Item[]; nextCursor: string | null }>();
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([...created].reverse().map((i) => i.id));
    expectProblem(await kit.request(tenant, 'GET', '/items?cursor=garbage'), 400, 'PAGINATION.INVALID_CURSOR');
    expectProblem(await kit.request(tenant, 'GET', '/items?type=hotspot'), 400);
  });

  it('deletes a never-published draft, but not a published item', async () => {
    const draft = await create(author, sample('ordering'));
    expectProblem(await kit.request(author, 'DELETE', `/items/${draft.id}`), 412);
    expect((await kit.request(author, 'DELETE', `/items/${draft.id}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(204);
    expectProblem(await kit.request(author, 'GET', `/items/${draft.id}`), 404);
    const published = await create(author, sample('ordering'));
    await publish(author, published.id);
    expectProblem(await kit.request(author, 'DELETE', `/items/${published.id}`, undefined, { 'if-match': '"2"' }), 409, 'ITEMS.ITEM_PUBLISHED');
  });

  it('freezes versions: the database refuses to change one', async () => {
    const item = await create(author, sample('matching'));
    await publish(author, item.id);
    await expect(kit.platform.db.withTenant(author.tenantId, (tx) =>
      sql`update catalog.item_versions set title = 'tampered' where item_id = ${item.id}`.execute(tx))).rejects.toThrow();
  });

  it('refuses skills and courses the tenant does not have (another tenant\'s or made up) with 422, on create, replace and import', async () => {
    const foreignSkill = await createSkill(other);
    const foreignCourse = (await kit.request(other, 'POST', '/courses', { title: 'Elsewhere' })).json<{ id: string }>().id;
    const ownCourse = (await kit.request(author, 'POST', '/courses', { title: 'Here' })).json<{ id: string }>().id;
    for (const skills of [[foreignSkill], [skill, randomUUID()]]) {
      const body = expectProblem(await kit.request(author, 'POST', '/items', { ...sample('essay'), skills }), 422, 'CATALOG.UNKNOWN_SKILL');
      expect(body.errors?.map((e) => e.pointer)).toEqual([`/body/skills/${skills.length - 1}`]);
    }
    for (const courseId of [foreignCourse, randomUUID()]) {
      expectProblem(await kit.request(author, 'POST', '/items', { ...sample('essay'), courseId }), 422, 'CATALOG.UNKNOWN_COURSE');
    }
    const item = await create(author, { ...sample('essay'), skills: [skill], courseId: ownCourse });
    expect(item).toMatchObject({ skills: [skill], courseId: ownCourse });
    expectProblem(await kit.request(author, 'PUT', `/items/${item.id}`, { ...sample('essay'), skills: [foreignSkill] }, { 'if-match': '"1"' }), 422, 'CATALOG.UNKNOWN_SKILL');
    expectProblem(await kit.request(author, 'PUT', `/items/${item.id}`, { ...sample('essay'), courseId: foreignCourse }, { 'if-match': '"1"' }), 422, 'CATALOG.UNKNOWN_COURSE');
    expect((await kit.request(author, 'GET', `/items/${item.id}`)).json<Item>()).toMatchObject({ version: 1, courseId: ownCourse });

    const before = (await kit.request(author, 'GET', '/items?limit=100')).json<{ items: Item[] }>().items.length;
    const imported = await kit.request(author, 'POST', '/items/import', {
      format: 'json', content: { items: [sample('essay'), { ...sample('essay'), skills: [foreignSkill] }, { ...sample('essay'), courseId: foreignCourse }] },
    });
    const body = expectProblem(imported, 422, 'ITEMS.IMPORT_INVALID');
    expect(body.problems).toEqual([
      { index: 1, problem: `/skills/0: no skill ${foreignSkill}` }, { index: 2, problem: `/courseId: no course ${foreignCourse}` },
    ]);
    expect((await kit.request(author, 'GET', '/items?limit=100')).json<{ items: Item[] }>().items.length).toBe(before);
  });

  describe('tenant isolation', () => {
    it('answers 404 to another tenant on every item route and lists nothing of it', async () => {
      const item = await create(author, sample('single_choice'));
      await publish(author, item.id);
      const id = item.id;
      expectProblem(await kit.request(other, 'GET', `/items/${id}`), 404, 'ITEMS.ITEM_NOT_FOUND');
      expectProblem(await kit.request(other, 'PUT', `/items/${id}`, sample('single_choice'), { 'if-match': '"2"' }), 404, 'ITEMS.ITEM_NOT_FOUND');
      expectProblem(await kit.request(other, 'DELETE', `/items/${id}`, undefined, { 'if-match': '"2"' }), 404, 'ITEMS.ITEM_NOT_FOUND');
      expectProblem(await kit.request(other, 'POST', `/items/${id}/publish`), 404, 'ITEMS.ITEM_NOT_FOUND');
      expectProblem(await kit.request(other, 'GET', `/items/${id}/versions/1`), 404, 'ITEMS.VERSION_NOT_FOUND');
      expectProblem(await kit.request(other, 'GET', `/items/export?format=json&ids=${id}`), 404, 'ITEMS.ITEM_NOT_FOUND');
      expectProblem(await kit.request(other, 'GET', `/items/export?format=qti&ids=${id}`), 404, 'ITEMS.ITEM_NOT_FOUND');
      const listed = await kit.request(other, 'GET', '/items?limit=100');
      expect(listed.json<{ items: Item[] }>().items.map((i) => i.id)).not.toContain(id);
      const otherTutor = await kit.as(other, ['tutor']);
      expect((await kit.request(otherTutor, 'GET', '/items?limit=100')).json()).toEqual({ items: [], nextCursor: null });
      expect((await kit.request(author, 'GET', `/items/${id}`)).json<Item>().version).toBe(2);
      // An import lands in the importer's tenant only.
      const imported = await kit.request(other, 'POST', '/items/import', { format: 'json', content: { items: [sample('essay')] } });
      expect(imported.statusCode, imported.body).toBe(201);
      const importedId = imported.json<{ items: Item[] }>().items[0]!.id;
      expectProblem(await kit.request(author, 'GET', `/items/${importedId}`), 404);
    });

    it('requires a token and a uuid', async () => {
      expectProblem(await kit.request(null, 'GET', '/items'), 401);
      expectProblem(await kit.request(null, 'POST', '/items/import', { format: 'json', content: { items: [] } }), 401);
      expectProblem(await kit.request(author, 'GET', '/items/not-a-uuid'), 400);
      expectProblem(await kit.request(author, 'GET', `/items/${randomUUID()}`), 404);
    });
  });
});
