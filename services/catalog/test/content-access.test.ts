import { randomUUID } from 'node:crypto';
import { toCloudEvent, type CloudEvent, type MessageHandler, type Subscription } from '@tessera/platform';
import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedCourse } from '../src/contract/index.js';
import { catalogService, ENROLLMENT_ACCESS_CONSUMER, PURCHASE_ACCESS_CONSUMER } from '../src/index.js';
import { expectProblem, startCatalogKit, type CatalogKit, type Who } from './support/catalog-kit.js';

/**
 * A paid course's content opens to students enrolled in it (enrollment's events) or, lesson by lesson, to
 * those who bought the lesson (billing's events); staff read it regardless, free courses stay open.
 */
let kit: CatalogKit;
let author: Who;
let other: Who;
let paid: PublishedCourse;
let free: PublishedCourse;
let itemId: string;
let handlers: Record<'enrollment' | 'billing', MessageHandler>;
let subscriptions: Subscription[] = [];

const POLL = { timeout: 15_000, interval: 25 };

beforeAll(async () => {
  kit = await startCatalogKit();
  author = await kit.tenant(['instructor']);
  other = await kit.tenant(['instructor']);
  const registrations = catalogService.consumers!(kit.platform);
  handlers = {
    enrollment: registrations.find((r) => r.spec.durable === ENROLLMENT_ACCESS_CONSUMER)!.handler,
    billing: registrations.find((r) => r.spec.durable === PURCHASE_ACCESS_CONSUMER)!.handler,
  };
  subscriptions = await Promise.all(registrations.map(({ spec, handler }) => kit.platform.bus.subscribe(spec, handler)));
  kit.platform.relay.start();

  const item = await kit.ok<{ id: string }>(author, 'POST', '/api/v1/items', 201, {
    type: 'single_choice', title: 'Paid question', stem: '<p>Which?</p>',
    options: [{ id: 'A', text: 'This', correct: true }, { id: 'B', text: 'That', correct: false }],
  });
  await kit.ok(author, 'POST', `/api/v1/items/${item.id}/publish`, 200);
  itemId = item.id;
  const draft = await kit.course(author, { title: 'Paid course', priceRef: 'course' });
  const module = await kit.module(author, draft.id);
  for (const title of ['First', 'Second']) {
    const lesson = await kit.lesson(author, module.id, { title });
    await kit.block(author, lesson.id, { kind: 'rich_text', markdown: `Text of ${title}` });
    await kit.block(author, lesson.id, { kind: 'question', itemId });
  }
  paid = await kit.publish(author, draft.id);
  free = await kit.publishedCourse(author, { title: 'Free course' });
});

afterAll(async () => {
  await Promise.all(subscriptions.map((subscription) => subscription.drain()));
  await kit?.close();
});

const lessonIdsOf = (course: PublishedCourse) => course.modules.flatMap((m) => m.lessons.map((l) => l.id));
const firstLesson = () => lessonIdsOf(paid)[0]!;
const secondLesson = () => lessonIdsOf(paid)[1]!;

/** The content routes of the paid course and their answers for `who`: [lesson 1, its item, lesson 2, its item, whole version]. */
async function statuses(who: Who, course: PublishedCourse = paid, query = ''): Promise<number[]> {
  const urls = [
    ...lessonIdsOf(course).flatMap((lessonId) => [`/api/v1/lessons/${lessonId}${query}`, `/api/v1/lessons/${lessonId}/items/${itemId}${query}`]),
    `/api/v1/courses/${course.id}/versions/${course.version}`,
  ];
  return Promise.all(urls.map(async (url) => (await kit.request(who, 'GET', url)).statusCode));
}

const LOCKED = [403, 403, 403, 403, 403];
const OPEN = [200, 200, 200, 200, 200];
const FIRST_LESSON_ONLY = [200, 200, 403, 403, 403];

/** Hands an event straight to the consumer's handler, as a delivery would; returns the envelope (to deliver again). */
async function deliver(tenantId: string, name: string, data: Record<string, unknown>, event?: CloudEvent): Promise<CloudEvent> {
  const envelope = event ?? toCloudEvent({ name, subject: String(data.orderId ?? data.enrollmentId), data }, { tenantId });
  await handlers[name.startsWith('billing.') ? 'billing' : 'enrollment'](envelope, { attempt: 1, subject: `test.${name}` });
  return envelope;
}

const enrollment = (who: Who, status: string, enrollmentId: string, courseId = paid.id) => ({
  enrollmentId, courseId, userId: who.subject, courseVersion: 1, status, priceRef: 'course',
});
const payment = (who: Who, orderId: string, lessonId: string, productKind = 'lesson') => ({
  orderId, userId: who.subject, enrollmentId: null, productKind, productId: lessonId, totalMinor: 500, currency: 'EUR',
});
const refund = (who: Who, orderId: string, full: boolean) => ({
  orderId, userId: who.subject, enrollmentId: null, refundId: randomUUID(), amountMinor: full ? 500 : 100, currency: 'EUR', full,
});

describe(`paid course content (${testBackends.database})`, () => {
  it('refuses a paid course\'s lessons, their items and whole versions to a student with nothing, naming what to buy', async () => {
    const student = await kit.user(author, ['student']);
    expect(await statuses(student)).toEqual(LOCKED);
    expect(await statuses(student, paid, '?version=1')).toEqual(LOCKED);

    const lesson = expectProblem(await kit.request(student, 'GET', `/api/v1/lessons/${firstLesson()}`), 403, 'CATALOG.CONTENT_LOCKED');
    expect(lesson).toMatchObject({ status: 403, detail: 'Enroll in the course or buy this lesson to open it', courseId: paid.id, lessonId: firstLesson() });
    const item = expectProblem(await kit.request(student, 'GET', `/api/v1/lessons/${firstLesson()}/items/${itemId}`), 403, 'CATALOG.CONTENT_LOCKED');
    expect(item).toMatchObject({ courseId: paid.id, lessonId: firstLesson() });
    const version = expectProblem(await kit.request(student, 'GET', `/api/v1/courses/${paid.id}/versions/1`), 403, 'CATALOG.CONTENT_LOCKED');
    expect(version).toMatchObject({ courseId: paid.id, lessonId: null });
    // Nothing of the content leaks with the refusal, and an item the lesson does not embed is refused alike.
    expect(JSON.stringify([lesson, item, version])).not.toMatch(/Text of|Which\?/);
    expectProblem(await kit.request(student, 'GET', `/api/v1/lessons/${firstLesson()}/items/${randomUUID()}`), 403, 'CATALOG.CONTENT_LOCKED');

    // Titles stay open: the structure, what comes next, prerequisites and search.
    for (const url of [
      `/api/v1/courses/${paid.id}/structure`, `/api/v1/lessons/${firstLesson()}/next`, `/api/v1/content/lesson/${firstLesson()}/prerequisites`,
      `/api/v1/courses/${paid.id}/versions`, '/api/v1/search?q=paid',
    ]) await kit.ok(student, 'GET', url, 200);
    // Unknown lessons and versions are still "not found".
    expectProblem(await kit.request(student, 'GET', `/api/v1/lessons/${randomUUID()}`), 404, 'CATALOG.LESSON_NOT_FOUND');
    expectProblem(await kit.request(student, 'GET', `/api/v1/courses/${paid.id}/versions/9`), 404, 'CATALOG.VERSION_NOT_FOUND');
  });

  it('opens the whole course once the enrollment is activated, keeps it when completed, closes it when cancelled', async () => {
    const student = await kit.user(author, ['student']);
    const bystander = await kit.user(author, ['student']);
    const enrollmentId = randomUUID();
    const activated = await deliver(author.tenantId, 'enrollment.enrollment.activated', enrollment(student, 'active', enrollmentId));
    expect(await statuses(student)).toEqual(OPEN);
    expect(await statuses(student, paid, '?version=1')).toEqual(OPEN);
    expect(await statuses(bystander)).toEqual(LOCKED);

    await deliver(author.tenantId, 'enrollment.enrollment.completed', enrollment(student, 'completed', enrollmentId));
    expect(await statuses(student)).toEqual(OPEN);

    await deliver(author.tenantId, 'enrollment.enrollment.cancelled', enrollment(student, 'cancelled', enrollmentId));
    expect(await statuses(student)).toEqual(LOCKED);
    // A redelivered activation, or another event granting the same enrollment, does not reopen it.
    await deliver(author.tenantId, 'enrollment.enrollment.activated', {}, activated);
    await deliver(author.tenantId, 'enrollment.enrollment.activated', enrollment(student, 'active', enrollmentId));
    expect(await statuses(student)).toEqual(LOCKED);

    // A new enrollment of the same student opens it again; one that expires closes only itself.
    const again = randomUUID();
    await deliver(author.tenantId, 'enrollment.enrollment.activated', enrollment(student, 'active', again));
    await deliver(author.tenantId, 'enrollment.enrollment.expired', enrollment(student, 'expired', randomUUID()));
    expect(await statuses(student)).toEqual(OPEN);
    await deliver(author.tenantId, 'enrollment.enrollment.expired', enrollment(student, 'expired', again));
    expect(await statuses(student)).toEqual(LOCKED);
  });

  it('keeps a course closed when the revoke is delivered before its grant', async () => {
    const student = await kit.user(author, ['student']);
    const enrollmentId = randomUUID();
    await deliver(author.tenantId, 'enrollment.enrollment.cancelled', enrollment(student, 'cancelled', enrollmentId));
    await deliver(author.tenantId, 'enrollment.enrollment.activated', enrollment(student, 'active', enrollmentId));
    expect(await statuses(student)).toEqual(LOCKED);

    const orderId = randomUUID();
    await deliver(author.tenantId, 'billing.refund.issued', refund(student, orderId, true));
    await deliver(author.tenantId, 'billing.payment.captured', payment(student, orderId, firstLesson()));
    expect(await statuses(student)).toEqual(LOCKED);
  });

  it('opens only the lesson bought, until the order is fully refunded (a partial refund keeps it)', async () => {
    const student = await kit.user(author, ['student']);
    const orderId = randomUUID();
    await deliver(author.tenantId, 'billing.payment.captured', payment(student, orderId, firstLesson()));
    expect(await statuses(student)).toEqual(FIRST_LESSON_ONLY);
    expect(await statuses(student, paid, '?version=1')).toEqual(FIRST_LESSON_ONLY);
    const second = expectProblem(await kit.request(student, 'GET', `/api/v1/lessons/${secondLesson()}`), 403, 'CATALOG.CONTENT_LOCKED');
    expect(second.lessonId).toBe(secondLesson());

    await deliver(author.tenantId, 'billing.refund.issued', refund(student, orderId, false));
    expect(await statuses(student)).toEqual(FIRST_LESSON_ONLY);
    await deliver(author.tenantId, 'billing.refund.issued', refund(student, orderId, true));
    expect(await statuses(student)).toEqual(LOCKED);
  });

  it('leaves course orders and other billing events to enrollment', async () => {
    const student = await kit.user(author, ['student']);
    await deliver(author.tenantId, 'billing.payment.captured', payment(student, randomUUID(), paid.id, 'course'));
    await deliver(author.tenantId, 'billing.payment.failed', payment(student, randomUUID(), firstLesson()));
    expect(await statuses(student)).toEqual(LOCKED);
    // A payload that does not say what catalog needs fails the delivery (retried, then dead-lettered).
    await expect(deliver(author.tenantId, 'billing.payment.captured', { orderId: randomUUID(), productKind: 'lesson' })).rejects.toThrow(/unexpected payload/);
    await expect(deliver(author.tenantId, 'enrollment.enrollment.activated', { enrollmentId: randomUUID() })).rejects.toThrow(/unexpected payload/);
  });

  it('lets instructors, reviewers and tutors read a paid course without a grant', async () => {
    const colleague = await kit.user(author, ['instructor']);
    for (const who of [author, colleague, await kit.reviewer(author), await kit.user(author, ['tutor'])]) expect(await statuses(who)).toEqual(OPEN);
  });

  it('shows a paid course\'s outline without its content to a student without a place, and all of it with one', async () => {
    const student = await kit.user(author, ['student']);
    const outline = await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${paid.id}`, 200);
    expect(outline.modules.flatMap((m) => m.lessons.map((l) => [l.title, l.blocks.length]))).toEqual([['First', 0], ['Second', 0]]);
    expect(JSON.stringify(outline)).not.toMatch(/Text of|Which\?/);
    // A lesson bought alone opens that lesson, not the course's content.
    await deliver(author.tenantId, 'billing.payment.captured', payment(student, randomUUID(), firstLesson()));
    expect(JSON.stringify(await kit.ok(student, 'GET', `/api/v1/courses/${paid.id}`, 200))).not.toMatch(/Text of/);

    await deliver(author.tenantId, 'enrollment.enrollment.activated', enrollment(student, 'active', randomUUID()));
    const whole = await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${paid.id}`, 200);
    expect(whole.modules.flatMap((m) => m.lessons.map((l) => l.blocks.length))).toEqual([2, 2]);
    expect((await kit.ok<PublishedCourse>(author, 'GET', `/api/v1/courses/${paid.id}`, 200)).modules[0]!.lessons[0]!.blocks).toHaveLength(2);
    const freeCourse = await kit.ok<PublishedCourse>(await kit.user(author, ['student']), 'GET', `/api/v1/courses/${free.id}`, 200);
    expect(freeCourse.modules.flatMap((m) => m.lessons).every((l) => l.blocks.length > 0)).toBe(true);
  });

  it('keeps free courses open to every member of the tenant', async () => {
    const student = await kit.user(author, ['student']);
    const freeItems = (await statuses(student, free)).filter((_, index) => index % 2 === 1);
    // The free course embeds no item: its item routes are "not found", not locked.
    expect(freeItems).toEqual([404, 404]);
    expect((await statuses(student, free)).filter((_, index) => index % 2 === 0)).toEqual([200, 200, 200]);
  });

  it('never opens a course through another tenant\'s grant', async () => {
    const student = await kit.user(author, ['student']);
    const stranger = await kit.user(other, ['student']);
    await deliver(other.tenantId, 'enrollment.enrollment.activated', enrollment(student, 'active', randomUUID()));
    await deliver(other.tenantId, 'enrollment.enrollment.activated', enrollment(stranger, 'active', randomUUID()));
    expect(await statuses(student)).toEqual(LOCKED);
    // Another tenant's lesson is unknown there: its purchase cannot be granted (the delivery fails, to be seen).
    await expect(deliver(other.tenantId, 'billing.payment.captured', payment(student, randomUUID(), firstLesson()))).rejects.toThrow(/has not published it/);
    expect(await statuses(student)).toEqual(LOCKED);
    // And for the other tenant's members the course does not exist.
    expectProblem(await kit.request(stranger, 'GET', `/api/v1/lessons/${firstLesson()}`), 404);
    expectProblem(await kit.request(stranger, 'GET', `/api/v1/courses/${paid.id}/versions/1`), 404);
  });

  it('takes grants and revokes from the bus', async () => {
    const student = await kit.user(author, ['student']);
    const buyer = await kit.user(author, ['student']);
    const enrollmentId = randomUUID();
    const emit = (name: string, data: Record<string, unknown>) => kit.platform.db.withTenant(author.tenantId, (tx) =>
      kit.platform.outbox.emit(tx, author.tenantId, [{ name, subject: String(data.orderId ?? data.enrollmentId), data }]));
    await emit('enrollment.enrollment.activated', enrollment(student, 'active', enrollmentId));
    await emit('billing.payment.captured', payment(buyer, randomUUID(), secondLesson()));
    await expect.poll(() => statuses(student), POLL).toEqual(OPEN);
    await expect.poll(() => statuses(buyer), POLL).toEqual([403, 403, 200, 200, 403]);
    await emit('enrollment.enrollment.cancelled', enrollment(student, 'cancelled', enrollmentId));
    await expect.poll(() => statuses(student), POLL).toEqual(LOCKED);
  });

  it('judges an older version by the current one, and an archived course by its last version', async () => {
    const course = await kit.publishedCourse(author, { title: 'Free, then paid', lessons: 1 });
    const student = await kit.user(author, ['student']);
    const enrolled = await kit.user(author, ['student']);
    await deliver(author.tenantId, 'enrollment.enrollment.activated', enrollment(enrolled, 'active', randomUUID(), course.id));
    const lessonId = lessonIdsOf(course)[0]!;
    const reads = (who: Who) => Promise.all([`/api/v1/lessons/${lessonId}?version=1`, `/api/v1/courses/${course.id}/versions/1`]
      .map(async (url) => (await kit.request(who, 'GET', url)).statusCode));
    expect(await reads(student)).toEqual([200, 200]);

    await kit.ok(author, 'PATCH', `/api/v1/courses/${course.id}`, 200, { priceRef: 'course' }, { 'if-match': `"${await kit.courseVersion(author, course.id)}"` });
    await kit.publish(author, course.id);
    expect(await reads(student)).toEqual([403, 403]);
    expect(await reads(enrolled)).toEqual([200, 200]);

    const version = await kit.courseVersion(author, course.id);
    await kit.ok(await kit.reviewer(author), 'POST', `/api/v1/courses/${course.id}/archive`, 200, undefined, { 'if-match': `"${version}"` });
    expect(await reads(student)).toEqual([403, 403]);
    expect(await reads(enrolled)).toEqual([200, 200]);
  });
});
