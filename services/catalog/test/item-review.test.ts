import { randomUUID } from 'node:crypto';
import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startCatalogKit, type CatalogKit, type Who } from './support/catalog-kit.js';

/**
 * The question bank's review workflow: draft → in_review → published (approved), rejected back to draft,
 * archived; who did what and when is logged; an item in review is frozen, an archived one leaves search and
 * new course versions while what courses already hold stays.
 */
let kit: CatalogKit;
let author: Who;
let reviewer: Who;
let coAuthor: Who;
let other: Who;

beforeAll(async () => {
  kit = await startCatalogKit();
  author = await kit.tenant(['instructor']);
  reviewer = await kit.reviewer(author);
  coAuthor = await kit.user(author, ['instructor']);
  other = await kit.tenant(['tenant_admin']);
});

afterAll(async () => kit?.close());

interface ItemDraft { id: string; version: number; status: string; publishedVersion: number | null; title: string }
interface ReviewEntry { action: string; actorId: string | null; comment: string | null; version: number | null; at: string }

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const word = () => `zephyrine${randomUUID().replaceAll('-', '').slice(0, 8)}`;
const choice = (stem: string) => ({
  type: 'single_choice', title: `Question ${randomUUID().slice(0, 6)}`, stem: `<p>${stem}</p>`,
  options: [{ id: 'A', text: 'Yes', correct: true }, { id: 'B', text: 'No', correct: false }],
});
const createItem = (stem = 'Is water wet?') => kit.ok<ItemDraft>(author, 'POST', '/api/v1/items', 201, choice(stem));
const draftOf = (itemId: string) => kit.ok<ItemDraft>(author, 'GET', `/api/v1/items/${itemId}`, 200);
const history = (itemId: string) => kit.ok<{ items: ReviewEntry[] }>(author, 'GET', `/api/v1/items/${itemId}/review`, 200);
const step = (who: Who, item: ItemDraft, path: string, body?: unknown) =>
  kit.request(who, 'POST', `/api/v1/items/${item.id}/${path}`, body, ifMatch(item.version));

async function submitted(item: ItemDraft, comment?: string): Promise<ItemDraft> {
  const response = await step(author, item, 'review', comment === undefined ? undefined : { comment });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ItemDraft>();
}

async function searchHits(who: Who, q: string): Promise<string[]> {
  const found = await kit.ok<{ items: Array<{ id: string }> }>(who, 'GET', `/api/v1/search?q=${q}&kind=item`, 200);
  return found.items.map((hit) => hit.id);
}

describe(`item review workflow (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('submits a draft, freezes it in review, and a reviewer approves it: published as version 1, every step logged with who and when', async () => {
    const draft = await createItem();
    const inReview = await submitted(draft, 'Ready for a look');
    expect(inReview).toMatchObject({ status: 'in_review', publishedVersion: null });
    expect(inReview.version).toBeGreaterThan(draft.version);

    // Frozen while in review: neither edited nor deleted, and submitted only once.
    expectProblem(await kit.request(author, 'PUT', `/api/v1/items/${draft.id}`, choice('Changed'), ifMatch(inReview.version)), 409, 'ITEMS.IN_REVIEW');
    expectProblem(await kit.request(author, 'DELETE', `/api/v1/items/${draft.id}`, undefined, ifMatch(inReview.version)), 409, 'ITEMS.IN_REVIEW');
    expectProblem(await step(author, inReview, 'review'), 409, 'ITEMS.INVALID_TRANSITION');

    // Only reviewers decide; the author may not approve their own item.
    expectProblem(await step(author, inReview, 'review/approve'), 403);
    const approved = await step(reviewer, inReview, 'review/approve', { comment: 'Good' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.headers.location).toBe(`/api/v1/items/${draft.id}/versions/1`);
    expect(approved.json<ItemDraft>()).toMatchObject({ status: 'published', publishedVersion: 1 });
    await kit.ok(author, 'GET', `/api/v1/items/${draft.id}/versions/1`, 200);

    const log = (await history(draft.id)).items;
    expect(log.map((entry) => [entry.action, entry.actorId, entry.comment, entry.version])).toEqual([
      ['submitted', author.subject, 'Ready for a look', null],
      ['approved', reviewer.subject, 'Good', 1],
    ]);
    expect(log.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);
  });

  it('rejects an item in review back to draft with the reason, after which the author edits it again', async () => {
    const inReview = await submitted(await createItem());
    expectProblem(await step(reviewer, inReview, 'review/reject', {}), 400);
    const rejected = await step(reviewer, inReview, 'review/reject', { comment: 'Option B is ambiguous' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const draft = rejected.json<ItemDraft>();
    expect(draft).toMatchObject({ status: 'draft', publishedVersion: null });
    await kit.ok(author, 'PUT', `/api/v1/items/${draft.id}`, 200, choice('Clearer wording'), ifMatch(draft.version));
    expect((await history(draft.id)).items.map((entry) => [entry.action, entry.comment])).toEqual([['submitted', null], ['rejected', 'Option B is ambiguous']]);
    // Approving needs the item in review.
    expectProblem(await step(reviewer, await draftOf(draft.id), 'review/approve'), 409, 'ITEMS.INVALID_TRANSITION');
  });

  it('refuses a step on a version the caller did not read or without If-Match (412), and by a co-author on someone else\'s item (403)', async () => {
    const draft = await createItem();
    expectProblem(await kit.request(author, 'POST', `/api/v1/items/${draft.id}/review`, undefined, ifMatch(draft.version + 5)), 412);
    expectProblem(await kit.request(author, 'POST', `/api/v1/items/${draft.id}/review`), 412, 'CONCURRENCY.IF_MATCH_REQUIRED');
    expectProblem(await step(coAuthor, draft, 'review'), 403);
    expect((await draftOf(draft.id)).status).toBe('draft');
  });

  it('archives a published item: it leaves search, tutors\' listing and new course versions, while the course that holds it keeps it', async () => {
    const marker = word();
    const item = await createItem(`Which ${marker} is right?`);
    const { course, lessonId } = await courseEmbedding(item.id);
    await kit.publish(author, course.id);
    const published = await draftOf(item.id);
    expect(published.status).toBe('published');
    expect(await searchHits(author, marker)).toContain(item.id);

    const archived = await step(reviewer, published, 'archive', { comment: 'Retired' });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json<ItemDraft>()).toMatchObject({ status: 'archived', publishedVersion: 1 });
    expect(await searchHits(author, marker)).not.toContain(item.id);
    const tutor = await kit.user(author, ['tutor']);
    const listing = await kit.ok<{ items: Array<{ id: string }> }>(tutor, 'GET', '/api/v1/items?limit=100', 200);
    expect(listing.items.map((listed) => listed.id)).not.toContain(item.id);
    // What was frozen stays readable: the version, and the published lesson that embeds it.
    await kit.ok(author, 'GET', `/api/v1/items/${item.id}/versions/1`, 200);
    await kit.ok(author, 'GET', `/api/v1/lessons/${lessonId}/items/${item.id}`, 200);

    // A new version of the course may not embed it.
    await kit.ok(author, 'PATCH', `/api/v1/courses/${course.id}`, 200, { title: `Course ${randomUUID().slice(0, 6)}` }, ifMatch(await kit.courseVersion(author, course.id)));
    const version = await kit.courseVersion(author, course.id);
    expectProblem(await kit.request(reviewer, 'POST', `/api/v1/courses/${course.id}/publish`, undefined, ifMatch(version)), 422, 'CATALOG.ARCHIVED_ITEM');
    expect((await history(item.id)).items.map((entry) => [entry.action, entry.actorId, entry.version])).toEqual([
      ['published', reviewer.subject, 1],
      ['archived', reviewer.subject, 1],
    ]);
    // Archiving twice is not a step.
    expectProblem(await step(reviewer, archived.json<ItemDraft>(), 'archive'), 409, 'ITEMS.INVALID_TRANSITION');
  });

  it('lists items by each workflow status for authors', async () => {
    const inReview = await submitted(await createItem());
    const listed = await kit.ok<{ items: Array<{ id: string; status: string }> }>(author, 'GET', '/api/v1/items?status=in_review&limit=100', 200);
    expect(listed.items.map((item) => item.id)).toContain(inReview.id);
    expect(listed.items.every((item) => item.status === 'in_review')).toBe(true);
  });

  it('keeps another tenant out: 404 on every step and on the history', async () => {
    const draft = await createItem();
    const outsider = await kit.reviewer(other);
    for (const path of ['review', 'review/approve', 'archive']) expectProblem(await step(outsider, draft, path), 404, 'ITEMS.ITEM_NOT_FOUND');
    expectProblem(await step(outsider, draft, 'review/reject', { comment: 'no' }), 404, 'ITEMS.ITEM_NOT_FOUND');
    expectProblem(await kit.request(outsider, 'GET', `/api/v1/items/${draft.id}/review`), 404, 'ITEMS.ITEM_NOT_FOUND');
    expect((await draftOf(draft.id)).status).toBe('draft');
  });
});

/** A course with one lesson holding a question block for each of `itemIds`. */
async function courseEmbedding(...itemIds: string[]): Promise<{ course: { id: string }; lessonId: string }> {
  const course = await kit.course(author);
  const lesson = await kit.lesson(author, (await kit.module(author, course.id)).id);
  await kit.block(author, lesson.id, { kind: 'rich_text', markdown: 'Answer these:' });
  for (const itemId of itemIds) await kit.block(author, lesson.id, { kind: 'question', itemId });
  return { course, lessonId: lesson.id };
}
