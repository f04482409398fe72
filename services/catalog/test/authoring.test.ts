import { randomUUID } from 'node:crypto';
import { validate } from '@readme/openapi-parser';
import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Course, DraftCourse, Lesson, Module } from '../src/contract/index.js';
import { expectProblem, startCatalogKit, type CatalogKit, type Who } from './support/catalog-kit.js';

let kit: CatalogKit;
let author: Who;
let other: Who;

beforeAll(async () => {
  kit = await startCatalogKit();
  author = await kit.tenant(['instructor']);
  other = await kit.tenant(['instructor']);
});

afterAll(async () => kit?.close());

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

describe(`course authoring (${testBackends.database})`, () => {
  it('creates a draft with defaults, ETag and Location; the creator is its instructor', async () => {
    const response = await kit.request(author, 'POST', '/api/v1/courses', { title: 'Algebra', tags: ['math'], priceRef: 'price_basic' });
    expect(response.statusCode, response.body).toBe(201);
    const course = response.json<Course>();
    expect(course).toMatchObject({
      title: 'Algebra', summary: '', category: null, language: 'en', level: 'beginner', tags: ['math'], priceRef: 'price_basic',
      visibility: 'tenant', status: 'draft', version: 1, publishedVersion: null, instructors: [author.subject],
    });
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/api/v1/courses/${course.id}`);
  });

  it('updates with If-Match, refuses stale (412) and missing (412) ones, and refuses bad input with 400', async () => {
    const course = await kit.course(author);
    const updated = await kit.request(author, 'PATCH', `/api/v1/courses/${course.id}`, { title: 'Renamed', level: 'advanced' }, ifMatch(1));
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.json<Course>()).toMatchObject({ title: 'Renamed', level: 'advanced', version: 2 });
    expectProblem(await kit.request(author, 'PATCH', `/api/v1/courses/${course.id}`, { title: 'Lost' }, ifMatch(1)), 412, 'CATALOG.VERSION_MISMATCH');
    expectProblem(await kit.request(author, 'PATCH', `/api/v1/courses/${course.id}`, { title: 'Blind' }), 412, 'CONCURRENCY.IF_MATCH_REQUIRED');
    expectProblem(await kit.request(author, 'PATCH', `/api/v1/courses/${course.id}`, { level: 'expert' }, ifMatch(2)), 400);
    expectProblem(await kit.request(author, 'PATCH', `/api/v1/courses/${course.id}`, {}, ifMatch(2)), 400);
    expectProblem(await kit.request(author, 'POST', '/api/v1/courses', { title: '' }), 400);
    expectProblem(await kit.request(author, 'POST', '/api/v1/courses', { title: 'x', tenantId: other.tenantId }), 400);
    expectProblem(await kit.request(author, 'GET', '/api/v1/courses/not-a-uuid?view=draft'), 400);
  });

  it('lets only co-authors (or admins) edit a course; students cannot author at all', async () => {
    const course = await kit.course(author);
    const colleague = await kit.user(author, ['instructor']);
    expectProblem(await kit.request(colleague, 'PATCH', `/api/v1/courses/${course.id}`, { title: 'Mine now' }, ifMatch(1)), 403, 'AUTH.NOT_OWNER');
    expectProblem(await kit.request(colleague, 'POST', `/api/v1/courses/${course.id}/modules`, { title: 'M' }), 403, 'AUTH.NOT_OWNER');

    const added = await kit.ok<{ instructors: string[] }>(author, 'POST', `/api/v1/courses/${course.id}/instructors`, 200, { userId: colleague.subject });
    expect(added.instructors).toEqual([author.subject, colleague.subject]);
    expect((await kit.ok<Course>(colleague, 'PATCH', `/api/v1/courses/${course.id}`, 200, { title: 'Co-authored' }, ifMatch(1))).title).toBe('Co-authored');

    const admin = await kit.user(author, ['tenant_admin']);
    expect((await kit.ok<Course>(admin, 'PATCH', `/api/v1/courses/${course.id}`, 200, { summary: 'Admin edit' }, ifMatch(2))).version).toBe(3);

    const student = await kit.user(author, ['student']);
    expectProblem(await kit.request(student, 'POST', '/api/v1/courses', { title: 'Nope' }), 403);
    expectProblem(await kit.request(student, 'GET', `/api/v1/courses/${course.id}?view=draft`), 403);
    expectProblem(await kit.request(student, 'GET', `/api/v1/courses/${course.id}/modules`), 403);

    await kit.ok(author, 'DELETE', `/api/v1/courses/${course.id}/instructors/${colleague.subject}`, 200);
    expectProblem(await kit.request(author, 'DELETE', `/api/v1/courses/${course.id}/instructors/${author.subject}`), 409, 'CATALOG.LAST_INSTRUCTOR');
  });

  it('builds a tree, reorders modules, lessons and blocks, and moves a lesson between modules', async () => {
    const course = await kit.course(author);
    const [m1, m2, m3] = [await kit.module(author, course.id, 'One'), await kit.module(author, course.id, 'Two'), await kit.module(author, course.id, 'Three')];
    expect([m1.position, m2.position, m3.position]).toEqual([1, 2, 3]);
    await kit.ok<Module>(author, 'PATCH', `/api/v1/modules/${m3.id}`, 200, { position: 1 }, ifMatch(1));
    const modules = await kit.ok<{ items: Module[] }>(author, 'GET', `/api/v1/courses/${course.id}/modules`, 200);
    expect(modules.items.map((m) => m.title)).toEqual(['Three', 'One', 'Two']);

    const a = await kit.lesson(author, m1.id, { title: 'A' });
    const b = await kit.lesson(author, m1.id, { title: 'B' });
    const first = await kit.lesson(author, m1.id, { title: 'First', position: 1 });
    expect((await kit.ok<{ items: Lesson[] }>(author, 'GET', `/api/v1/modules/${m1.id}/lessons`, 200)).items.map((l) => l.title)).toEqual(['First', 'A', 'B']);
    const moved = await kit.ok<Lesson>(author, 'PATCH', `/api/v1/lessons/${a.id}`, 200, { moduleId: m2.id }, ifMatch(a.version));
    expect(moved).toMatchObject({ moduleId: m2.id, position: 1, version: 2 });
    expect((await kit.ok<{ items: Lesson[] }>(author, 'GET', `/api/v1/modules/${m1.id}/lessons`, 200)).items.map((l) => [l.title, l.position]))
      .toEqual([['First', 1], ['B', 2]]);
    expectProblem(await kit.request(author, 'PATCH', `/api/v1/lessons/${b.id}`, { moduleId: randomUUID() }, ifMatch(b.version)), 422, 'CATALOG.MODULE_NOT_IN_COURSE');

    const blocks = [await kit.block(author, first.id), await kit.block(author, first.id), await kit.block(author, first.id)];
    await kit.ok<Block>(author, 'PATCH', `/api/v1/blocks/${blocks[0]!.id}`, 200, { position: 3 }, ifMatch(1));
    const order = (await kit.ok<{ items: Block[] }>(author, 'GET', `/api/v1/lessons/${first.id}/blocks`, 200)).items.map((x) => x.id);
    expect(order).toEqual([blocks[1]!.id, blocks[2]!.id, blocks[0]!.id]);
    await kit.ok(author, 'DELETE', `/api/v1/blocks/${blocks[1]!.id}`, 204, undefined, ifMatch(1));
    expect((await kit.ok<{ items: Block[] }>(author, 'GET', `/api/v1/lessons/${first.id}/blocks`, 200)).items.map((x) => x.position)).toEqual([1, 2]);

    const draft = await kit.ok<DraftCourse>(author, 'GET', `/api/v1/courses/${course.id}?view=draft`, 200);
    expect(draft.modules.map((m) => [m.title, m.lessons.map((l) => l.title)])).toEqual([['Three', []], ['One', ['First', 'B']], ['Two', ['A']]]);
    // Every change of the tree moved the course's version on (it is the aggregate's ETag).
    expect(draft.version).toBeGreaterThan(10);

    await kit.ok(author, 'DELETE', `/api/v1/modules/${m3.id}`, 204, undefined, ifMatch(2));
    expect((await kit.ok<{ items: Module[] }>(author, 'GET', `/api/v1/courses/${course.id}/modules`, 200)).items.map((m) => [m.title, m.position]))
      .toEqual([['One', 1], ['Two', 2]]);
  });

  it('refuses concurrent edits of the same block: one wins, the other gets 412', async () => {
    const course = await kit.course(author);
    const lesson = await kit.lesson(author, (await kit.module(author, course.id)).id);
    const block = await kit.block(author, lesson.id);
    const results = await Promise.all(['left', 'right'].map((text) =>
      kit.request(author, 'PATCH', `/api/v1/blocks/${block.id}`, { markdown: text }, ifMatch(block.version))));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
  });

  it('validates blocks per kind', async () => {
    const course = await kit.course(author);
    const lesson = await kit.lesson(author, (await kit.module(author, course.id)).id);
    const url = `/api/v1/lessons/${lesson.id}/blocks`;
    expectProblem(await kit.request(author, 'POST', url, { kind: 'rich_text' }), 400, 'CATALOG.INVALID_BLOCK');
    expectProblem(await kit.request(author, 'POST', url, { kind: 'rich_text', markdown: 'a', html: '<p>b</p>' }), 400, 'CATALOG.INVALID_BLOCK');
    expectProblem(await kit.request(author, 'POST', url, { kind: 'video', markdown: 'a' }), 400, 'CATALOG.INVALID_BLOCK');
    expectProblem(await kit.request(author, 'POST', url, { kind: 'question' }), 400, 'CATALOG.INVALID_BLOCK');
    expectProblem(await kit.request(author, 'POST', url, { kind: 'poll', markdown: 'a' }), 400);
    const video = await kit.block(author, lesson.id, { kind: 'video', mediaId: (await kit.media(author)).id, title: 'Intro' });
    expect(video).toMatchObject({ kind: 'video', title: 'Intro', html: null, markdown: null });
    expectProblem(await kit.request(author, 'PATCH', `/api/v1/blocks/${video.id}`, { itemId: randomUUID() }, ifMatch(1)), 400, 'CATALOG.INVALID_BLOCK');
  });

  it('hides every authoring route from another tenant (404) and lists nothing of it', async () => {
    const course = await kit.course(author);
    const module = await kit.module(author, course.id);
    const lesson = await kit.lesson(author, module.id);
    const block = await kit.block(author, lesson.id);
    const probes: Array<[string, string, unknown?]> = [
      ['GET', `/api/v1/courses/${course.id}?view=draft`], ['PATCH', `/api/v1/courses/${course.id}`, { title: 'x' }],
      ['GET', `/api/v1/courses/${course.id}/instructors`], ['POST', `/api/v1/courses/${course.id}/instructors`, { userId: other.subject }],
      ['DELETE', `/api/v1/courses/${course.id}/instructors/${author.subject}`],
      ['GET', `/api/v1/courses/${course.id}/modules`], ['POST', `/api/v1/courses/${course.id}/modules`, { title: 'x' }],
      ['GET', `/api/v1/modules/${module.id}`], ['PATCH', `/api/v1/modules/${module.id}`, { title: 'x' }], ['DELETE', `/api/v1/modules/${module.id}`],
      ['GET', `/api/v1/modules/${module.id}/lessons`], ['POST', `/api/v1/modules/${module.id}/lessons`, { title: 'x' }],
      ['GET', `/api/v1/lessons/${lesson.id}?view=draft`], ['PATCH', `/api/v1/lessons/${lesson.id}`, { title: 'x' }], ['DELETE', `/api/v1/lessons/${lesson.id}`],
      ['GET', `/api/v1/lessons/${lesson.id}/blocks`], ['POST', `/api/v1/lessons/${lesson.id}/blocks`, { kind: 'rich_text', markdown: 'x' }],
      ['GET', `/api/v1/blocks/${block.id}`], ['PATCH', `/api/v1/blocks/${block.id}`, { markdown: 'x' }], ['DELETE', `/api/v1/blocks/${block.id}`],
    ];
    for (const [method, url, body] of probes) {
      const response = await kit.request(other, method, url, body, ifMatch(1));
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(404);
    }
    const drafts = await kit.ok<{ items: unknown[] }>(await kit.user(other, ['tenant_admin']), 'GET', '/api/v1/courses?view=draft', 200);
    expect(drafts.items).toEqual([]);
    expect((await kit.ok<Block>(author, 'GET', `/api/v1/blocks/${block.id}`, 200)).version).toBe(1);
  });

  it('documents the catalog routes in a valid OpenAPI document, each with a permission-checked security', async () => {
    const response = await kit.request(null, 'GET', '/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ paths: Record<string, Record<string, { security?: unknown }>> }>();
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, JSON.stringify(result)).toBe(true);
    for (const path of ['/api/v1/courses', '/api/v1/courses/{courseId}', '/api/v1/courses/{courseId}/publish', '/api/v1/skills/{skillId}/prerequisites',
      '/api/v1/lessons/{lessonId}/next', '/api/v1/content/{kind}/{id}/prerequisites', '/api/v1/search']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/v1/courses']?.post?.security).toEqual([{ bearer: [] }]);
  });
});
