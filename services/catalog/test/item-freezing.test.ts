import { randomUUID } from 'node:crypto';
import { consumerSpec, type CloudEvent, type Subscription } from '@tessera/platform';
import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Course, ItemPublishedData, PublishedCourse } from '../src/contract/index.js';
import { expectProblem, startCatalogKit, type CatalogKit, type Who } from './support/catalog-kit.js';

/**
 * A published course version freezes the items its question blocks embed: publishing the course publishes
 * items with unpublished changes, and students of that version keep seeing the item versions frozen with it.
 */
const POLL = { timeout: 15_000, interval: 25 };
let kit: CatalogKit;
let author: Who;
let student: Who;
let other: Who;
const subscriptions: Subscription[] = [];
const observed: CloudEvent[] = [];

beforeAll(async () => {
  kit = await startCatalogKit();
  subscriptions.push(await kit.platform.bus.subscribe(consumerSpec({ durable: 'catalog-item-freezing-test', events: 'catalog.item.*' }), async (event) => {
    observed.push(event);
  }));
  kit.platform.relay.start();
  author = await kit.tenant(['instructor']);
  student = await kit.user(author, ['student']);
  other = await kit.tenant(['instructor']);
});

afterAll(async () => {
  await Promise.all(subscriptions.map((s) => s.drain()));
  await kit?.close();
});

interface ItemDraft { id: string; version: number; status: string; publishedVersion: number | null; stem: string }

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const choice = (stem: string, correct = true) => ({
  type: 'single_choice', title: `Question ${randomUUID().slice(0, 6)}`, stem: `<p>${stem}</p>`,
  options: [{ id: 'A', text: 'Yes', correct }, { id: 'B', text: 'No', correct: false }],
});
const createItem = (stem: string, correct = true) => kit.ok<ItemDraft>(author, 'POST', '/api/v1/items', 201, choice(stem, correct));
const draftOf = (itemId: string) => kit.ok<ItemDraft>(author, 'GET', `/api/v1/items/${itemId}`, 200);

async function rewordItem(itemId: string, stem: string, correct = true): Promise<ItemDraft> {
  const draft = await draftOf(itemId);
  return kit.ok<ItemDraft>(author, 'PUT', `/api/v1/items/${itemId}`, 200, choice(stem, correct), ifMatch(draft.version));
}

/** A course with one lesson: a line of text and a question block for each of `itemIds`. */
async function courseEmbedding(...itemIds: string[]): Promise<{ course: Course; lessonId: string }> {
  const course = await kit.course(author);
  const lesson = await kit.lesson(author, (await kit.module(author, course.id)).id);
  await kit.block(author, lesson.id, { kind: 'rich_text', markdown: 'Answer these:' });
  for (const itemId of itemIds) await kit.block(author, lesson.id, { kind: 'question', itemId });
  return { course, lessonId: lesson.id };
}

/** A new draft of the course (a changed title), published as its next version. */
async function republish(courseId: string): Promise<PublishedCourse> {
  await kit.ok(author, 'PATCH', `/api/v1/courses/${courseId}`, 200, { title: `Course ${randomUUID().slice(0, 6)}` }, ifMatch(await kit.courseVersion(author, courseId)));
  return kit.publish(author, courseId);
}

const questionsOf = (course: PublishedCourse) => course.modules.flatMap((m) => m.lessons.flatMap((l) => l.blocks)).filter((b) => b.kind === 'question');

describe(`items frozen with the course that embeds them (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('publishes a never-published item with the course; students get the version frozen with their course version', async () => {
    const item = await createItem('First wording');
    const { course, lessonId } = await courseEmbedding(item.id);
    const seen = async (query = '') => kit.ok<{ id: string; version: number; stem: string }>(student, 'GET', `/api/v1/lessons/${lessonId}/items/${item.id}${query}`, 200);

    const v1 = await kit.publish(author, course.id);
    expect(questionsOf(v1)).toEqual([expect.objectContaining({ itemId: item.id, itemVersion: 1 })]);
    expect(await draftOf(item.id)).toMatchObject({ status: 'published', publishedVersion: 1 });
    expect(await seen()).toMatchObject({ id: item.id, version: 1, stem: '<p>First wording</p>' });
    const found = await kit.ok<{ items: Array<{ id: string; kind: string; version: number }> }>(await kit.user(author, ['tutor']), 'GET', '/api/v1/search?kind=item&limit=50', 200);
    expect(found.items.find((hit) => hit.id === item.id)).toMatchObject({ kind: 'item', version: 1 });
    await expect.poll(() => observed.filter((e) => e.subject === item.id).length, POLL).toBe(1);
    expect(observed.find((e) => e.subject === item.id)!.data).toMatchObject({ itemId: item.id, version: 1, type: 'single_choice' } satisfies Partial<ItemPublishedData>);

    // The bank publishes v2: course v1 keeps showing v1, as published and as students in progress ask for it.
    await rewordItem(item.id, 'Second wording');
    expect((await kit.ok<ItemDraft>(author, 'POST', `/api/v1/items/${item.id}/publish`, 200)).publishedVersion).toBe(2);
    for (const query of ['', '?version=1']) expect(await seen(query)).toMatchObject({ version: 1, stem: '<p>First wording</p>' });
    expect(questionsOf(await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${course.id}`, 200))[0]).toMatchObject({ itemVersion: 1 });

    // Course v2 shows item v2; v1 is still v1.
    const v2 = await republish(course.id);
    expect(questionsOf(v2)).toEqual([expect.objectContaining({ itemId: item.id, itemVersion: 2 })]);
    expect(await seen()).toMatchObject({ version: 2, stem: '<p>Second wording</p>' });
    expect(await seen('?version=2')).toMatchObject({ version: 2, stem: '<p>Second wording</p>' });
    expect(await seen('?version=1')).toMatchObject({ version: 1, stem: '<p>First wording</p>' });

    // An edited but unpublished item is published with the next course version, not shown before it.
    await rewordItem(item.id, 'Third wording');
    expect(await seen()).toMatchObject({ version: 2 });
    const v3 = await republish(course.id);
    expect(questionsOf(v3)[0]).toMatchObject({ itemVersion: 3 });
    expect(await draftOf(item.id)).toMatchObject({ status: 'published', publishedVersion: 3 });
    expect(await seen()).toMatchObject({ version: 3, stem: '<p>Third wording</p>' });
    expect(await seen('?version=2')).toMatchObject({ version: 2, stem: '<p>Second wording</p>' });
    expect(await kit.ok<{ stem: string }>(author, 'GET', `/api/v1/items/${item.id}/versions/3`, 200)).toMatchObject({ stem: '<p>Third wording</p>' });
    await expect.poll(() => observed.filter((e) => e.subject === item.id).map((e) => (e.data as ItemPublishedData).version).sort(), POLL).toEqual([1, 2, 3]);

    expectProblem(await kit.request(await kit.user(other, ['student']), 'GET', `/api/v1/lessons/${lessonId}/items/${item.id}`), 404);
  });

  it('publishes an unchanged course again only when an item it embeds changed since (a correction reaching its students)', async () => {
    const item = await createItem('Before the correction');
    const { course } = await courseEmbedding(item.id);
    await kit.publish(author, course.id);
    const reviewer = await kit.reviewer(author);
    const publishAgain = async () => kit.request(reviewer, 'POST', `/api/v1/courses/${course.id}/publish`, undefined, ifMatch(await kit.courseVersion(author, course.id)));
    expectProblem(await publishAgain(), 409, 'CATALOG.INVALID_TRANSITION');

    await rewordItem(item.id, 'After the correction');
    const unpublishedEdit = await publishAgain();
    expect(unpublishedEdit.statusCode).toBe(200);
    expect(questionsOf(unpublishedEdit.json<PublishedCourse>())[0]).toMatchObject({ itemVersion: 2 });
    expectProblem(await publishAgain(), 409, 'CATALOG.INVALID_TRANSITION');

    await rewordItem(item.id, 'Published from the bank');
    await kit.ok(author, 'POST', `/api/v1/items/${item.id}/publish`, 200);
    const bankPublished = await publishAgain();
    expect(bankPublished.statusCode).toBe(200);
    expect(questionsOf(bankPublished.json<PublishedCourse>())[0]).toMatchObject({ itemVersion: 3 });
    expect(questionsOf(await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${course.id}`, 200))[0]).toMatchObject({ itemVersion: 3 });
  });

  it('refuses a course whose items have problems with 422 listing each, and publishes none of its items', async () => {
    const fine = await createItem('Never published, fine');
    const broken = await createItem('Never published, no correct option', false);
    const wasFine = await createItem('Published, then broken');
    await kit.ok(author, 'POST', `/api/v1/items/${wasFine.id}/publish`, 200);
    await rewordItem(wasFine.id, 'Published, then broken', false);
    const { course } = await courseEmbedding(fine.id, broken.id, wasFine.id);

    const version = await kit.courseVersion(author, course.id);
    const body = expectProblem(await kit.request(await kit.reviewer(author), 'POST', `/api/v1/courses/${course.id}/publish`, {}, ifMatch(version)), 422, 'CATALOG.COURSE_INVALID');
    const problems = body.problems as Array<{ code: string; itemId?: string }>;
    expect(problems.map((p) => p.code)).toEqual(['ITEM_PROBLEM', 'ITEM_PROBLEM']);
    expect(problems.map((p) => p.itemId).sort()).toEqual([broken.id, wasFine.id].sort());

    expect(await draftOf(fine.id)).toMatchObject({ status: 'draft', publishedVersion: null });
    expect(await draftOf(broken.id)).toMatchObject({ status: 'draft', publishedVersion: null });
    expect(await draftOf(wasFine.id)).toMatchObject({ status: 'draft', publishedVersion: 1 });
    expectProblem(await kit.request(author, 'GET', `/api/v1/items/${wasFine.id}/versions/2`), 404, 'ITEMS.VERSION_NOT_FOUND');
    expect(await kit.ok<Course>(author, 'GET', `/api/v1/courses/${course.id}?view=draft`, 200)).toMatchObject({ status: 'draft', publishedVersion: null, version });
    expect((await kit.ok<{ items: unknown[] }>(author, 'GET', `/api/v1/courses/${course.id}/versions`, 200)).items).toEqual([]);
  });

  it('refuses question blocks naming an item the tenant does not have with 422, on create and update', async () => {
    const { lessonId } = await courseEmbedding();
    const foreign = await kit.ok<{ id: string }>(other, 'POST', '/api/v1/items', 201, choice('Another tenant\'s'));
    for (const itemId of [foreign.id, randomUUID()]) {
      const body = expectProblem(await kit.request(author, 'POST', `/api/v1/lessons/${lessonId}/blocks`, { kind: 'question', itemId }), 422, 'CATALOG.UNKNOWN_ITEM');
      expect((body.errors as Array<{ pointer: string }>).map((e) => e.pointer)).toEqual(['/body/itemId']);
    }
    const own = await createItem('Own question');
    const block = await kit.block(author, lessonId, { kind: 'question', itemId: own.id });
    expectProblem(await kit.request(author, 'PATCH', `/api/v1/blocks/${block.id}`, { itemId: foreign.id }, ifMatch(block.version)), 422, 'CATALOG.UNKNOWN_ITEM');
    expect(await kit.ok<{ itemId: string; version: number }>(author, 'GET', `/api/v1/blocks/${block.id}`, 200)).toMatchObject({ itemId: own.id, version: block.version });
  });
});
