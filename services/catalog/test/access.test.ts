import { randomUUID } from 'node:crypto';
import { testBackends } from '@tessera/platform/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Course } from '../src/contract/index.js';
import { expectProblem, startCatalogKit, type CatalogKit, type Who } from './support/catalog-kit.js';

/**
 * Who may see and name what inside a tenant: media and items a course shows, the question bank, drafts of
 * other instructors' courses.
 */
let kit: CatalogKit;
let author: Who;
let colleague: Who;
let student: Who;
let other: Who;

beforeAll(async () => {
  kit = await startCatalogKit();
  author = await kit.tenant(['instructor']);
  colleague = await kit.user(author, ['instructor']);
  student = await kit.user(author, ['student']);
  other = await kit.tenant(['instructor']);
});

afterAll(async () => kit?.close());

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

async function lessonOf(who: Who): Promise<{ course: Course; moduleId: string; lessonId: string }> {
  const course = await kit.course(who);
  const module = await kit.module(who, course.id);
  const lesson = await kit.lesson(who, module.id);
  return { course, moduleId: module.id, lessonId: lesson.id };
}

describe(`access inside a tenant (${testBackends.database})`, () => {
  it('refuses video and file blocks showing media the tenant does not have (422), and publishing once the media is gone', async () => {
    const { course, lessonId } = await lessonOf(author);
    const foreign = await kit.media(other);
    for (const mediaId of [foreign.id, randomUUID()]) {
      for (const kind of ['video', 'file']) {
        const body = expectProblem(await kit.request(author, 'POST', `/api/v1/lessons/${lessonId}/blocks`, { kind, mediaId }), 422, 'CATALOG.UNKNOWN_MEDIA');
        expect((body.errors as Array<{ pointer: string }>).map((e) => e.pointer)).toEqual(['/body/mediaId']);
      }
    }
    const own = await kit.media(author);
    const file = await kit.block(author, lessonId, { kind: 'file', mediaId: own.id, title: 'Handout' });
    expectProblem(await kit.request(author, 'PATCH', `/api/v1/blocks/${file.id}`, { mediaId: foreign.id }, ifMatch(file.version)), 422, 'CATALOG.UNKNOWN_MEDIA');
    expect((await kit.ok<{ mediaId: string }>(author, 'GET', `/api/v1/blocks/${file.id}`, 200)).mediaId).toBe(own.id);

    // Media can disappear after the block was written (a tenant's data erased in part, a restore): publishing lists it.
    await kit.platform.db.withTenant(author.tenantId, (tx) => sql`delete from catalog.media where id = ${own.id}`.execute(tx));
    const version = await kit.courseVersion(author, course.id);
    const body = expectProblem(await kit.request(await kit.reviewer(author), 'POST', `/api/v1/courses/${course.id}/publish`, {}, ifMatch(version)), 422, 'CATALOG.COURSE_INVALID');
    expect(body.problems).toEqual([expect.objectContaining({ code: 'MISSING_MEDIA', lessonId, blockId: file.id, mediaId: own.id })]);
  });

  it('lets students read an item only as a published lesson embeds it, without answers; the bank is for staff', async () => {
    const { course, lessonId } = await lessonOf(author);
    const item = await kit.ok<{ id: string }>(author, 'POST', '/api/v1/items', 201, {
      type: 'single_choice', title: 'Embedded question', stem: '<p>Which is right?</p>',
      options: [{ id: 'A', text: 'This one', correct: true, feedback: '<p>secretfeedback</p>' }, { id: 'B', text: 'That one', correct: false }],
    });
    await kit.ok(author, 'POST', `/api/v1/items/${item.id}/publish`, 200);
    const elsewhere = await kit.ok<{ id: string }>(author, 'POST', '/api/v1/items', 201, { type: 'essay', title: 'Not in a lesson', stem: '<p>Discuss.</p>', rubric: [{ criterion: 'Depth', points: 1 }] });
    await kit.ok(author, 'POST', `/api/v1/items/${elsewhere.id}/publish`, 200);
    await kit.block(author, lessonId, { kind: 'rich_text', markdown: 'Answer this:' });
    await kit.block(author, lessonId, { kind: 'question', itemId: item.id });
    const url = (itemId: string, query = '') => `/api/v1/lessons/${lessonId}/items/${itemId}${query}`;
    expectProblem(await kit.request(student, 'GET', url(item.id)), 404, 'CATALOG.LESSON_NOT_FOUND');
    await kit.publish(author, course.id);

    const lesson = await kit.ok<{ blocks: Array<{ kind: string; itemId: string | null }> }>(student, 'GET', `/api/v1/lessons/${lessonId}`, 200);
    expect(lesson.blocks.find((b) => b.kind === 'question')?.itemId).toBe(item.id);
    for (const query of ['', '?version=1']) {
      const view = await kit.ok<Record<string, unknown>>(student, 'GET', url(item.id, query), 200);
      expect(view).toMatchObject({ id: item.id, version: 1, options: [{ id: 'A', text: 'This one' }, { id: 'B', text: 'That one' }] });
      expect(JSON.stringify(view)).not.toMatch(/correct|secretfeedback/);
    }
    expectProblem(await kit.request(student, 'GET', url(elsewhere.id)), 404, 'ITEMS.ITEM_NOT_FOUND');
    expectProblem(await kit.request(student, 'GET', url(item.id, '?version=2')), 404, 'CATALOG.VERSION_NOT_FOUND');
    for (const bank of [`/api/v1/items/${item.id}`, `/api/v1/items/${item.id}/versions/1`, '/api/v1/items']) {
      expectProblem(await kit.request(student, 'GET', bank), 403);
    }
    expect((await kit.ok<{ id: string }>(await kit.user(author, ['tutor']), 'GET', `/api/v1/items/${item.id}`, 200)).id).toBe(item.id);
    expectProblem(await kit.request(await kit.user(other, ['student']), 'GET', url(item.id)), 404);
  });

  it('shows drafts only to the course\'s co-authors and reviewers, not to every instructor', async () => {
    const { course, moduleId, lessonId } = await lessonOf(author);
    const block = await kit.block(author, lessonId);
    const drafts = [
      `/api/v1/courses/${course.id}?view=draft`, `/api/v1/courses/${course.id}/structure?view=draft`, `/api/v1/courses/${course.id}/modules`,
      `/api/v1/modules/${moduleId}`, `/api/v1/modules/${moduleId}/lessons`, `/api/v1/lessons/${lessonId}?view=draft`,
      `/api/v1/lessons/${lessonId}/blocks`, `/api/v1/blocks/${block.id}`, `/api/v1/content/lesson/${lessonId}/prerequisites?view=draft`,
      `/api/v1/content/course/${course.id}/prerequisites?view=draft`, `/api/v1/courses/${course.id}/review`,
    ];
    const statuses = async (who: Who) => Promise.all(drafts.map(async (url) => [url, (await kit.request(who, 'GET', url)).statusCode]));
    expect(await statuses(colleague)).toEqual(drafts.map((url) => [url, 403]));
    expect(await statuses(student)).toEqual(drafts.map((url) => [url, 403]));
    expect(await statuses(await kit.reviewer(author))).toEqual(drafts.map((url) => [url, 200]));
    expect(await statuses(author)).toEqual(drafts.map((url) => [url, 200]));
    expect(await statuses(other)).toEqual(drafts.map((url) => [url, 404]));

    await kit.ok(author, 'POST', `/api/v1/courses/${course.id}/instructors`, 200, { userId: colleague.subject });
    expect(await statuses(colleague)).toEqual(drafts.map((url) => [url, 200]));
  });

  it('keeps the review step with reviewers: co-authors submit, only an admin approves, publishes or archives', async () => {
    const { course, lessonId } = await lessonOf(author);
    await kit.block(author, lessonId);
    const submitted = await kit.ok<Course>(author, 'POST', `/api/v1/courses/${course.id}/review`, 200, undefined, ifMatch(await kit.courseVersion(author, course.id)));
    expectProblem(await kit.request(colleague, 'POST', `/api/v1/courses/${course.id}/review`, undefined, ifMatch(submitted.version)), 403, 'AUTH.NOT_OWNER');
    for (const who of [author, colleague]) {
      for (const step of ['review/approve', 'publish', 'archive']) {
        expectProblem(await kit.request(who, 'POST', `/api/v1/courses/${course.id}/${step}`, {}, ifMatch(submitted.version)), 403);
      }
    }
    const published = await kit.ok<{ version: number }>(await kit.reviewer(author), 'POST', `/api/v1/courses/${course.id}/review/approve`, 200, {}, ifMatch(submitted.version));
    expect(published.version).toBe(1);
  });
});
