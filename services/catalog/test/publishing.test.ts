import { randomUUID } from 'node:crypto';
import { DEMO_TENANT_ID } from '@tessera/identity';
import { consumerSpec, type CloudEvent, type Subscription } from '@tessera/platform';
import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Course, CoursePublishedData, PublishedCourse, ReviewEntry } from '../src/contract/index.js';
import { CACHE_INVALIDATION_CONSUMER, catalogService, DEMO_COURSE_ID } from '../src/index.js';
import { cachePublished } from '../src/app/published-reads.js';
import { expectProblem, startCatalogKit, type CatalogKit, type Who } from './support/catalog-kit.js';

const POLL = { timeout: 15_000, interval: 25 };
let kit: CatalogKit;
let author: Who;
let student: Who;
let other: Who;
const subscriptions: Subscription[] = [];
const observed: CloudEvent[] = [];

beforeAll(async () => {
  kit = await startCatalogKit();
  for (const { spec, handler } of catalogService.consumers!(kit.platform)) subscriptions.push(await kit.platform.bus.subscribe(spec, handler));
  subscriptions.push(await kit.platform.bus.subscribe(consumerSpec({ durable: 'catalog-publishing-test', events: 'catalog.course.*' }), async (event) => {
    observed.push(event);
  }));
  kit.platform.relay.start();
  author = await kit.tenant(['instructor']);
  student = await kit.user(author, ['student']);
  other = await kit.tenant(['tenant_admin']);
});

afterAll(async () => {
  await Promise.all(subscriptions.map((s) => s.drain()));
  await kit?.close();
});

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const eventsOf = (courseId: string, name: string) => observed.filter((e) => e.subject === courseId && e.type === `tessera.${name}`);

describe(`review workflow and versions (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('submits, rejects with a comment, resubmits and approves; who and when are logged; students see only published', async () => {
    const course = await kit.course(author, { title: 'Workflow', priceRef: 'price_1', visibility: 'public', tags: ['t'] });
    const skill = await kit.skill(author, `Skill-${randomUUID().slice(0, 4)}`);
    const module = await kit.module(author, course.id, 'M1');
    const lesson = await kit.lesson(author, module.id, { title: 'L1', skills: [skill.id] });
    await kit.block(author, lesson.id);
    expectProblem(await kit.request(student, 'GET', `/api/v1/courses/${course.id}`), 404, 'CATALOG.COURSE_NOT_PUBLISHED');

    let version = await kit.courseVersion(author, course.id);
    const submitted = await kit.ok<Course>(author, 'POST', `/api/v1/courses/${course.id}/review`, 200, undefined, ifMatch(version));
    expect(submitted).toMatchObject({ status: 'in_review', submittedBy: author.subject });
    expectProblem(await kit.request(author, 'POST', `/api/v1/courses/${course.id}/modules`, { title: 'frozen' }), 409, 'CATALOG.COURSE_IN_REVIEW');
    const reviewer = await kit.reviewer(author);
    // Authors do not review their own work: approving, rejecting, publishing and archiving are for reviewers (admins).
    for (const step of ['review/approve', 'review/reject', 'publish', 'archive']) {
      expectProblem(await kit.request(author, 'POST', `/api/v1/courses/${course.id}/${step}`, { comment: 'mine' }, ifMatch(submitted.version)), 403);
    }
    expectProblem(await kit.request(reviewer, 'POST', `/api/v1/courses/${course.id}/review/reject`, {}, ifMatch(submitted.version)), 400);
    const rejected = await kit.ok<Course>(reviewer, 'POST', `/api/v1/courses/${course.id}/review/reject`, 200, { comment: 'Needs an intro' }, ifMatch(submitted.version));
    expect(rejected.status).toBe('draft');

    version = (await kit.ok<Course>(author, 'POST', `/api/v1/courses/${course.id}/review`, 200, { comment: 'Fixed' }, ifMatch(rejected.version))).version;
    expectProblem(await kit.request(student, 'POST', `/api/v1/courses/${course.id}/review/approve`, {}, ifMatch(version)), 403);
    expectProblem(await kit.request(reviewer, 'POST', `/api/v1/courses/${course.id}/review/approve`, {}, ifMatch(version - 1)), 412, 'CATALOG.VERSION_MISMATCH');
    const published = await kit.ok<PublishedCourse>(reviewer, 'POST', `/api/v1/courses/${course.id}/review/approve`, 200, { comment: 'Good' }, ifMatch(version));
    expect(published).toMatchObject({ id: course.id, version: 1, title: 'Workflow', publishedBy: reviewer.subject, skills: [skill.id], instructors: [author.subject] });

    const history = await kit.ok<{ items: ReviewEntry[] }>(author, 'GET', `/api/v1/courses/${course.id}/review`, 200);
    expect(history.items.map((e) => [e.action, e.actorId, e.comment])).toEqual([
      ['submitted', author.subject, null], ['rejected', reviewer.subject, 'Needs an intro'], ['submitted', author.subject, 'Fixed'],
      ['approved', reviewer.subject, 'Good'], ['published', reviewer.subject, 'Good'],
    ]);
    // The course is paid (priceRef): a student without a place sees all of it but the lessons' content.
    const seen = await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${course.id}`, 200);
    const outline = { ...published, modules: published.modules.map((m) => ({ ...m, lessons: m.lessons.map((l) => ({ ...l, blocks: [] })) })) };
    expect(seen).toEqual(outline);
    expect(await kit.ok<PublishedCourse>(reviewer, 'GET', `/api/v1/courses/${course.id}`, 200)).toEqual(published);
    expect((await kit.ok<Course>(author, 'GET', `/api/v1/courses/${course.id}?view=draft`, 200))).toMatchObject({ status: 'published', publishedVersion: 1 });

    await expect.poll(() => eventsOf(course.id, 'catalog.course.published').length, POLL).toBe(1);
    const data = eventsOf(course.id, 'catalog.course.published')[0]!.data as CoursePublishedData;
    expect(data).toEqual({
      courseId: course.id, version: 1, title: 'Workflow', visibility: 'public', priceRef: 'price_1', language: 'en', level: 'beginner',
      category: null, tags: ['t'], skills: [skill.id],
      modules: [{ moduleId: module.id, title: 'M1', position: 1, lessons: [{ lessonId: lesson.id, title: 'L1', position: 1, skills: [skill.id] }] }],
      publishedAt: published.publishedAt, publishedBy: reviewer.subject,
    });
  });

  it('edits a published course as a new draft: students keep v1 until v2 is published; old versions stay readable', async () => {
    const v1 = await kit.publishedCourse(author, { title: 'Versioned', lessons: 2 });
    expectProblem(await kit.request(await kit.reviewer(author), 'POST', `/api/v1/courses/${v1.id}/publish`, {}, ifMatch(await kit.courseVersion(author, v1.id))), 409, 'CATALOG.INVALID_TRANSITION');
    const lessonId = v1.modules[0]!.lessons[0]!.id;
    await kit.ok(author, 'PATCH', `/api/v1/lessons/${lessonId}`, 200, { title: 'Renamed lesson' }, ifMatch(1));
    const draft = await kit.ok<Course>(author, 'GET', `/api/v1/courses/${v1.id}?view=draft`, 200);
    expect(draft).toMatchObject({ status: 'draft', publishedVersion: 1 });
    expect((await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${v1.id}`, 200)).modules[0]!.lessons[0]!.title).toBe('Lesson 1');

    const v2 = await kit.publish(author, v1.id);
    expect(v2.version).toBe(2);
    // No stale version after publish: the cached v1 was replaced as the publish committed.
    expect((await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${v1.id}`, 200)).modules[0]!.lessons[0]!.title).toBe('Renamed lesson');
    expect((await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${v1.id}/versions/1`, 200)).modules[0]!.lessons[0]!.title).toBe('Lesson 1');
    expect((await kit.ok<{ items: Array<{ version: number }> }>(student, 'GET', `/api/v1/courses/${v1.id}/versions`, 200)).items.map((v) => v.version)).toEqual([2, 1]);
    expectProblem(await kit.request(student, 'GET', `/api/v1/courses/${v1.id}/versions/3`), 404, 'CATALOG.VERSION_NOT_FOUND');
    const structure = await kit.ok<{ version: number; modules: Array<{ lessons: Array<{ title: string }> }> }>(student, 'GET', `/api/v1/courses/${v1.id}/structure?version=1`, 200);
    expect(structure.version).toBe(1);
    expect(structure.modules[0]!.lessons.map((l) => l.title)).toEqual(['Lesson 1', 'Lesson 2']);
  });

  it('never serves a stale version after publish, even when a slow reader wrote the old one back', async () => {
    const v1 = await kit.publishedCourse(author, { title: 'Cached', lessons: 1 });
    expect((await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${v1.id}`, 200)).version).toBe(1);
    await kit.ok(author, 'PATCH', `/api/v1/courses/${v1.id}`, 200, { title: 'Cached v2' }, ifMatch(await kit.courseVersion(author, v1.id)));
    await kit.publish(author, v1.id);
    expect((await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${v1.id}`, 200))).toMatchObject({ version: 2, title: 'Cached v2' });

    // The race: a reader that loaded v2 just before the v3 commit stores it after the publisher replaced it.
    // The consumer of catalog.course.published drops it again (called here directly, as a delivery would).
    await kit.ok(author, 'PATCH', `/api/v1/courses/${v1.id}`, 200, { title: 'Cached v3' }, ifMatch(await kit.courseVersion(author, v1.id)));
    await kit.publish(author, v1.id);
    await expect.poll(() => eventsOf(v1.id, 'catalog.course.published').length, POLL).toBe(3);
    await cachePublished(kit.platform.cache, author.tenantId, v1);
    expect((await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${v1.id}`, 200)).version).toBe(1);
    const invalidate = catalogService.consumers!(kit.platform).find((c) => c.spec.durable === CACHE_INVALIDATION_CONSUMER)!;
    await invalidate.handler(eventsOf(v1.id, 'catalog.course.published')[2]!, { attempt: 2, subject: 'redelivery' });
    expect((await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${v1.id}`, 200))).toMatchObject({ version: 3, title: 'Cached v3' });
  });

  it('refuses an invalid course with 422 listing every problem', async () => {
    const course = await kit.course(author);
    const reviewer = await kit.reviewer(author);
    const none = expectProblem(await kit.request(reviewer, 'POST', `/api/v1/courses/${course.id}/publish`, {}, ifMatch(1)), 422, 'CATALOG.COURSE_INVALID');
    expect((none.problems as Array<{ code: string }>).map((p) => p.code)).toEqual(['NO_MODULES']);

    const [basic, advanced] = [await kit.skill(author, `Basic-${randomUUID().slice(0, 4)}`), await kit.skill(author, `Adv-${randomUUID().slice(0, 4)}`)];
    await kit.ok(author, 'PUT', `/api/v1/skills/${advanced.id}/prerequisites`, 200, { requires: [basic.id] }, ifMatch(1));
    const empty = await kit.module(author, course.id, 'Empty module');
    const full = await kit.module(author, course.id, 'Full module');
    const blank = await kit.lesson(author, full.id, { title: 'No blocks' });
    const early = await kit.lesson(author, full.id, { title: 'Early', skills: [advanced.id] });
    await kit.block(author, early.id);
    // A draft item may be incomplete; a course embedding it may not be published (it would publish the item).
    const broken = await kit.ok<{ id: string }>(author, 'POST', '/api/v1/items', 201, {
      type: 'single_choice', title: 'Unanswerable', stem: '<p>Pick one</p>', options: [{ id: 'A', text: 'One', correct: false }, { id: 'B', text: 'Two', correct: false }],
    });
    const question = await kit.block(author, early.id, { kind: 'question', itemId: broken.id });
    const late = await kit.lesson(author, full.id, { title: 'Late', skills: [basic.id] });
    await kit.block(author, late.id, { kind: 'rich_text', html: '<script>only a script</script>' });

    const body = expectProblem(await kit.request(reviewer, 'POST', `/api/v1/courses/${course.id}/publish`, {}, ifMatch(await kit.courseVersion(author, course.id))), 422, 'CATALOG.COURSE_INVALID');
    const problems = body.problems as Array<{ code: string; moduleId?: string; lessonId?: string; blockId?: string; itemId?: string; skillId?: string }>;
    expect(problems.map((p) => p.code).sort()).toEqual(['EMPTY_LESSON', 'EMPTY_MODULE', 'EMPTY_TEXT', 'ITEM_PROBLEM', 'PREREQUISITE_TAUGHT_LATER']);
    expect(problems.find((p) => p.code === 'EMPTY_MODULE')).toMatchObject({ moduleId: empty.id });
    expect(problems.find((p) => p.code === 'EMPTY_LESSON')).toMatchObject({ lessonId: blank.id });
    expect(problems.find((p) => p.code === 'ITEM_PROBLEM')).toMatchObject({ blockId: question.id, itemId: broken.id });
    expect(problems.find((p) => p.code === 'PREREQUISITE_TAUGHT_LATER')).toMatchObject({ lessonId: early.id, skillId: basic.id });
    expect(body.detail).toContain('5 problems');
    expect((await kit.ok<Course>(author, 'GET', `/api/v1/courses/${course.id}?view=draft`, 200)).status).toBe('draft');
  });

  it('lets exactly one of two concurrent publishes of the same version through', async () => {
    const course = await kit.course(author);
    const lesson = await kit.lesson(author, (await kit.module(author, course.id)).id);
    await kit.block(author, lesson.id);
    const version = await kit.courseVersion(author, course.id);
    const reviewer = await kit.reviewer(author);
    const results = await Promise.all([0, 1].map(() => kit.request(reviewer, 'POST', `/api/v1/courses/${course.id}/publish`, {}, ifMatch(version))));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    expect((await kit.ok<{ items: unknown[] }>(author, 'GET', `/api/v1/courses/${course.id}/versions`, 200)).items).toHaveLength(1);
  });

  it('archives: new readers get 404, enrolled students keep their version, the event is published', async () => {
    const course = await kit.publishedCourse(author, { title: 'To archive' });
    expect((await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${course.id}`, 200)).version).toBe(1);
    const archived = await kit.ok<Course>(await kit.reviewer(author), 'POST', `/api/v1/courses/${course.id}/archive`, 200, undefined, ifMatch(await kit.courseVersion(author, course.id)));
    expect(archived.status).toBe('archived');
    expectProblem(await kit.request(student, 'GET', `/api/v1/courses/${course.id}`), 404, 'CATALOG.COURSE_NOT_PUBLISHED');
    expect((await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${course.id}/versions/1`, 200)).title).toBe('To archive');
    expectProblem(await kit.request(author, 'PATCH', `/api/v1/courses/${course.id}`, { title: 'x' }, ifMatch(archived.version)), 409, 'CATALOG.COURSE_ARCHIVED');
    await expect.poll(() => eventsOf(course.id, 'catalog.course.archived').length, POLL).toBe(1);
    expect(eventsOf(course.id, 'catalog.course.archived')[0]!.data).toMatchObject({ courseId: course.id, version: 1 });
    const list = await kit.ok<{ items: Array<{ id: string }> }>(student, 'GET', '/api/v1/courses?limit=100', 200);
    expect(list.items.map((c) => c.id)).not.toContain(course.id);
  });

  it('hides every workflow and version route from another tenant', async () => {
    const course = await kit.publishedCourse(author);
    for (const [method, url, body] of [
      ['GET', `/api/v1/courses/${course.id}`], ['GET', `/api/v1/courses/${course.id}/versions`], ['GET', `/api/v1/courses/${course.id}/versions/1`],
      ['POST', `/api/v1/courses/${course.id}/review`, {}], ['GET', `/api/v1/courses/${course.id}/review`],
      ['POST', `/api/v1/courses/${course.id}/review/approve`, {}], ['POST', `/api/v1/courses/${course.id}/review/reject`, { comment: 'x' }],
      ['POST', `/api/v1/courses/${course.id}/publish`, {}], ['POST', `/api/v1/courses/${course.id}/archive`, {}],
    ] as Array<[string, string, unknown?]>) {
      const response = await kit.request(other, method, url, body, ifMatch(1));
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(404);
    }
    expect((await kit.ok<{ items: unknown[] }>(other, 'GET', '/api/v1/courses', 200)).items).toEqual([]);
    expect((await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${course.id}`, 200)).version).toBe(1);
  });

  it('seeds a published public demo course, once however often it runs', async () => {
    // Identity's seed registers the demo tenant (it runs first); the public catalog shows active tenants only.
    await kit.platform.tenants.save({ id: DEMO_TENANT_ID, slug: 'demo', tier: 'standard', status: 'active', databaseName: null });
    await catalogService.seedDemo!(kit.platform);
    await catalogService.seedDemo!(kit.platform);
    const demo = await kit.ok<{ items: Array<{ id: string; title: string }> }>(null, 'GET', '/api/v1/public/courses?limit=100', 200);
    expect(demo.items.filter((c) => c.id === DEMO_COURSE_ID)).toHaveLength(1);
    const course = await kit.ok<PublishedCourse>(null, 'GET', `/api/v1/public/courses/${DEMO_COURSE_ID}`, 200);
    expect(course).toMatchObject({ version: 1, visibility: 'public' });
    expect(course.modules[0]!.lessons).toHaveLength(3);
    // The last lesson asks questions (the demo quiz is built from them), published with the course.
    expect(course.modules[0]!.lessons[2]!.blocks.filter((b) => b.kind === 'question' && b.itemVersion === 1)).toHaveLength(4);
  });
});
