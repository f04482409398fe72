import { randomUUID } from 'node:crypto';
import { testBackends, testTenant, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COURSES_CONSUMER, createTestProvider, ENROLLMENTS_CONSUMER, resumeOrders, TEST_CARDS } from '../src/index.js';
import { billingKit, payHeaders, type BillingKit } from './support/billing-kit.js';

let kit: BillingKit;
let instructor: TestTenant;

interface PublishedLessons { courseId: string; lessonIds: [string, string, string] }

/** A course of three lessons published by the instructor, as catalog announces it. */
async function publishedCourse(lessonTitles: [string, string, string] = ['Intro', 'Middle', 'End'], courseId: string = randomUUID(), lessonIds?: string[]): Promise<PublishedLessons> {
  const ids = (lessonIds ?? lessonTitles.map(() => randomUUID())) as [string, string, string];
  await kit.deliver(kit.admin, COURSES_CONSUMER, 'catalog.course.published', {
    courseId, title: 'Lessons for sale', publishedBy: instructor.subject, version: 1,
    modules: [
      { moduleId: randomUUID(), title: 'One', position: 1, lessons: [{ lessonId: ids[0], title: lessonTitles[0], position: 1, skills: [] }] },
      { moduleId: randomUUID(), title: 'Two', position: 2, lessons: ids.slice(1).map((lessonId, i) => ({ lessonId, title: lessonTitles[i + 1], position: i + 1, skills: [] })) },
    ],
  });
  return { courseId, lessonIds: ids };
}

async function priceLesson(lessonId: string, amountMinor: number, who: TestTenant = instructor): Promise<{ id: string }> {
  const response = await kit.request(who, 'PUT', `/billing/lessons/${lessonId}/price`, { amountMinor, currency: 'EUR' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

beforeAll(async () => {
  kit = await billingKit();
  instructor = await kit.member(kit.admin, ['instructor']);
});

afterAll(async () => {
  await kit?.close();
});

describe(`buying a single lesson (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('sells a priced lesson: one order per student, paid with a test card, booked like a course, and announced for catalog to open it', async () => {
    const course = await publishedCourse();
    const price = await priceLesson(course.lessonIds[1], 500);
    expect((await kit.request(kit.admin, 'GET', `/billing/lessons/${course.lessonIds[1]}/price`)).json()).toMatchObject({ id: price.id, productKind: 'lesson', amountMinor: 500 });
    const student = await kit.member(kit.admin);

    const opened = await kit.request(student, 'POST', `/billing/lessons/${course.lessonIds[1]}/orders`);
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ productKind: 'lesson', productId: course.lessonIds[1], productTitle: 'Middle', enrollmentId: null, status: 'awaiting_payment', subtotalMinor: 500 });
    const again = await kit.request(student, 'POST', `/billing/lessons/${course.lessonIds[1]}/orders`);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(opened.json().id);

    const paid = await kit.request(student, 'POST', `/billing/orders/${opened.json().id}/pay`, { paymentMethod: TEST_CARDS.success }, payHeaders());
    expect(paid.json()).toMatchObject({ status: 'paid', productTitle: 'Middle' });
    const captured = (await kit.events(kit.admin, 'billing.payment.captured')).filter((event) => event.orderId === opened.json().id);
    expect(captured).toEqual([expect.objectContaining({ productKind: 'lesson', productId: course.lessonIds[1], userId: student.subject, enrollmentId: null })]);
    const balances = (await kit.request(kit.admin, 'GET', '/billing/ledger/balances')).json<{ totals: unknown[] }>();
    expect(balances.totals).toEqual([{ currency: 'EUR', sumMinor: 0 }]);

    const owned = await kit.request(student, 'POST', `/billing/lessons/${course.lessonIds[1]}/orders`);
    expect(owned.statusCode).toBe(409);
    expect(owned.json()).toMatchObject({ code: 'BILLING.LESSON_OWNED' });
    const history = (await kit.request(student, 'GET', '/billing/orders')).json<{ items: Array<{ productTitle: string | null }> }>();
    expect(history.items.map((order) => order.productTitle)).toEqual(['Middle']);
  });

  it('lists the lessons sold on their own in course order, with what the caller owns', async () => {
    const course = await publishedCourse(['Alpha', 'Beta', 'Gamma']);
    await priceLesson(course.lessonIds[2], 300);
    await priceLesson(course.lessonIds[0], 200);
    const student = await kit.member(kit.admin);
    const order = (await kit.request(student, 'POST', `/billing/lessons/${course.lessonIds[2]}/orders`)).json<{ id: string }>();
    await kit.request(student, 'POST', `/billing/orders/${order.id}/pay`, { paymentMethod: TEST_CARDS.success }, payHeaders());

    const offers = await kit.request(student, 'GET', `/billing/courses/${course.courseId}/lesson-offers`);
    expect(offers.statusCode).toBe(200);
    expect(offers.json().items.map((o: { title: string; owned: boolean; price: { amountMinor: number } }) => [o.title, o.price.amountMinor, o.owned]))
      .toEqual([['Alpha', 200, false], ['Gamma', 300, true]]);
    const someoneElse = await kit.request(await kit.member(kit.admin), 'GET', `/billing/courses/${course.courseId}/lesson-offers`);
    expect(someoneElse.json().items.every((o: { owned: boolean }) => !o.owned)).toBe(true);
  });

  it('a full refund gives the lesson back for sale to the student and is announced as a full refund', async () => {
    const course = await publishedCourse();
    await priceLesson(course.lessonIds[0], 800);
    const student = await kit.member(kit.admin);
    const order = (await kit.request(student, 'POST', `/billing/lessons/${course.lessonIds[0]}/orders`)).json<{ id: string }>();
    await kit.request(student, 'POST', `/billing/orders/${order.id}/pay`, { paymentMethod: TEST_CARDS.success }, payHeaders());
    const refund = await kit.request(kit.admin, 'POST', `/billing/orders/${order.id}/refunds`, { amountMinor: 800, reason: 'wrong lesson' }, payHeaders());
    expect(refund.statusCode, refund.body).toBe(200);
    expect(refund.json().status).toBe('refunded');
    expect((await kit.events(kit.admin, 'billing.refund.issued')).filter((event) => event.orderId === order.id)).toEqual([expect.objectContaining({ full: true })]);
    expect((await kit.request(student, 'POST', `/billing/lessons/${course.lessonIds[0]}/orders`)).statusCode).toBe(201);
  });

  it('a declined card leaves no lesson and room to try again; an unpaid order past its time is cancelled by the resume job', async () => {
    const course = await publishedCourse();
    await priceLesson(course.lessonIds[0], 400);
    const student = await kit.member(kit.admin);
    const first = (await kit.request(student, 'POST', `/billing/lessons/${course.lessonIds[0]}/orders`)).json<{ id: string }>();
    const declined = await kit.request(student, 'POST', `/billing/orders/${first.id}/pay`, { paymentMethod: TEST_CARDS.declined }, payHeaders());
    expect(declined.json()).toMatchObject({ status: 'failed', failure: { code: 'card_declined' } });

    const second = await kit.request(student, 'POST', `/billing/lessons/${course.lessonIds[0]}/orders`);
    expect(second.statusCode).toBe(201);
    const { db, outbox, logger, config, tenantDatabases } = kit.platform;
    const provider = createTestProvider({ webhookSecret: 'lesson-purchase-secret-0123456789' });
    await resumeOrders({ db, outbox, logger, config, tenantDatabases, provider }, new Date(Date.now() + 60 * 60_000));
    expect((await kit.request(student, 'GET', `/billing/orders/${second.json().id}`)).json()).toMatchObject({ status: 'cancelled', failure: { code: 'timeout' } });
    expect((await kit.request(student, 'POST', `/billing/lessons/${course.lessonIds[0]}/orders`)).statusCode).toBe(201);
  });

  it('two racing purchases of one lesson open one order', async () => {
    const course = await publishedCourse();
    await priceLesson(course.lessonIds[2], 100);
    const student = await kit.member(kit.admin);
    const responses = await Promise.all([0, 1, 2].map(() => kit.request(student, 'POST', `/billing/lessons/${course.lessonIds[2]}/orders`)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
  });

  it('refuses what cannot be bought: no price, unknown or withdrawn lesson, a place in the course, another tenant\'s lesson', async () => {
    const course = await publishedCourse();
    await priceLesson(course.lessonIds[0], 100);
    const student = await kit.member(kit.admin);
    const unpriced = await kit.request(student, 'POST', `/billing/lessons/${course.lessonIds[1]}/orders`);
    expect(unpriced.statusCode).toBe(404);
    expect(unpriced.json()).toMatchObject({ code: 'BILLING.PRICE_NOT_FOUND' });
    expect((await kit.request(student, 'POST', `/billing/lessons/${randomUUID()}/orders`)).json()).toMatchObject({ code: 'BILLING.LESSON_NOT_FOUND' });
    expect((await kit.request(student, 'POST', '/billing/lessons/not-a-uuid/orders')).statusCode).toBe(400);

    await kit.deliver(student, ENROLLMENTS_CONSUMER, 'enrollment.enrollment.activated', {
      enrollmentId: randomUUID(), courseId: course.courseId, userId: student.subject, courseVersion: 1, status: 'active', priceRef: null,
    });
    expect((await kit.request(student, 'POST', `/billing/lessons/${course.lessonIds[0]}/orders`)).json()).toMatchObject({ code: 'BILLING.ALREADY_ENROLLED' });

    // A new version without the lesson withdraws it from sale.
    await publishedCourse(['Intro', 'Middle', 'End'], course.courseId, [randomUUID(), course.lessonIds[1], course.lessonIds[2]]);
    const buyer = await kit.member(kit.admin);
    expect((await kit.request(buyer, 'POST', `/billing/lessons/${course.lessonIds[0]}/orders`)).statusCode).toBe(404);

    const stranger = await testTenant(kit.platform, ['student']);
    expect((await kit.request(stranger, 'POST', `/billing/lessons/${course.lessonIds[1]}/orders`)).statusCode).toBe(404);
    expect((await kit.request(stranger, 'GET', `/billing/lessons/${course.lessonIds[0]}/price`)).statusCode).toBe(404);
    expect((await kit.request(stranger, 'GET', `/billing/courses/${course.courseId}/lesson-offers`)).statusCode).toBe(404);
  });

  it('lets only the course\'s publisher or an admin price its lessons, in the tenant\'s currency', async () => {
    const course = await publishedCourse();
    const other = await kit.member(kit.admin, ['instructor']);
    expect((await kit.request(other, 'PUT', `/billing/lessons/${course.lessonIds[0]}/price`, { amountMinor: 100, currency: 'EUR' })).statusCode).toBe(403);
    expect((await kit.request(instructor, 'PUT', `/billing/lessons/${course.lessonIds[0]}/price`, { amountMinor: 100, currency: 'USD' })).statusCode).toBe(422);
    expect((await kit.request(instructor, 'PUT', `/billing/lessons/${course.lessonIds[0]}/price`, { amountMinor: -1, currency: 'EUR' })).statusCode).toBe(400);
    expect((await kit.request(instructor, 'PUT', `/billing/lessons/${course.lessonIds[0]}/price`, { amountMinor: 1.5, currency: 'EUR' })).statusCode).toBe(400);
    const admin = await kit.request(kit.admin, 'PUT', `/billing/lessons/${course.lessonIds[0]}/price`, { amountMinor: 150, currency: 'EUR', payeeId: null });
    expect(admin.json()).toMatchObject({ productKind: 'lesson', amountMinor: 150, payeeId: null });
    const stale = await kit.request(instructor, 'PUT', `/billing/lessons/${course.lessonIds[0]}/price`, { amountMinor: 120, currency: 'EUR' }, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);
  });
});
