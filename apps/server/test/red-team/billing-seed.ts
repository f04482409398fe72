import { randomBytes } from 'node:crypto';
import { bearer, expectStatus, type Api } from './api.js';

/** Who takes part: what the seed needs of a seeded user. */
interface SeededUser {
  id: string;
  accessToken: string;
}

const POLL = { attempts: 800, intervalMs: 25 };
/** The test processor's card that is always approved. */
const APPROVED_CARD = '4242424242424242';

export interface SeededBilling {
  /** A paid tenant course (marked paid when written, priced once billing learnt of it). */
  course: { id: string; title: string };
  price: { id: string };
  /** The paid course's lesson, also sold on its own. */
  lesson: { id: string };
  /** The second student's enrollment in it, and the order that paid for it (then refunded in part). */
  enrollment: { id: string };
  order: { id: string };
  coupon: { code: string };
  /** The admin's payout (the paid course's payee is the admin who published it), from a run after the order was paid. */
  payout: { id: string };
  /** The second student's request for a refund of the rest of their order, waiting for an admin. */
  refundRequest: { id: string };
}

interface BillingCast {
  label: string;
  admin: SeededUser;
  instructor: SeededUser;
  classmate: SeededUser;
  idempotencyKeys: Map<string, string>;
}

const tag = () => randomBytes(4).toString('hex');

/**
 * A paid course bought by the second student through the whole saga (enroll → order → pay with a test card →
 * active), partly refunded by the admin, and a coupon: the billing objects B must never see or touch.
 */
export async function seedBilling(api: Api, cast: BillingCast): Promise<SeededBilling> {
  const course = await paidCourse(api, cast);
  const price = await priceOnceKnown(api, cast.admin, course.id);
  await expectStatus(api, {
    method: 'PUT', url: `/api/v1/billing/lessons/${course.lessonId}/price`, headers: bearer(cast.admin.accessToken), body: { amountMinor: 499, currency: 'EUR' },
  }, 200);
  const enrollment = await enrollOnceKnown(api, cast.classmate, course.id);
  const order = await orderOnceOpened(api, cast.classmate, enrollment.id);
  const payKey = `red-team-seed-${tag()}`;
  cast.idempotencyKeys.set('/api/v1/billing/orders/{orderId}/pay', payKey);
  const { body: paid } = await expectStatus<{ status: string }>(api, {
    method: 'POST', url: `/api/v1/billing/orders/${order.id}/pay`, headers: { ...bearer(cast.classmate.accessToken), 'idempotency-key': payKey }, body: { paymentMethod: APPROVED_CARD },
  }, 200);
  if (paid.status !== 'paid') throw new Error(`Seeding: the order is ${paid.status}, not paid`);
  const refundKey = `red-team-seed-${tag()}`;
  cast.idempotencyKeys.set('/api/v1/billing/orders/{orderId}/refunds', refundKey);
  await expectStatus(api, {
    method: 'POST', url: `/api/v1/billing/orders/${order.id}/refunds`, headers: { ...bearer(cast.admin.accessToken), 'idempotency-key': refundKey },
    body: { amountMinor: 100, reason: `Goodwill of ${cast.label}` },
  }, 200);
  const code = `RT-${tag().toUpperCase()}`;
  await expectStatus(api, { method: 'POST', url: '/api/v1/billing/coupons', headers: bearer(cast.admin.accessToken), body: { code, percentBp: 1000 } }, 201);
  const payout = await payoutOfAdmin(api, cast);
  const { body: refundRequest } = await expectStatus<{ id: string }>(api, {
    method: 'POST', url: `/api/v1/billing/orders/${order.id}/refund-requests`, headers: bearer(cast.classmate.accessToken), body: { reason: `Refund request of ${cast.label}` },
  }, 201);
  return {
    course: { id: course.id, title: course.title }, price, lesson: { id: course.lessonId }, enrollment, order, coupon: { code }, payout, refundRequest: { id: refundRequest.id },
  };
}

/** Pays out what the tenant owes (no minimum) and finds the admin's payout in the tenant's list. */
async function payoutOfAdmin(api: Api, cast: BillingCast): Promise<{ id: string }> {
  const runKey = `red-team-seed-${tag()}`;
  cast.idempotencyKeys.set('/api/v1/billing/payouts/run', runKey);
  await expectStatus(api, {
    method: 'POST', url: '/api/v1/billing/payouts/run', headers: { ...bearer(cast.admin.accessToken), 'idempotency-key': runKey }, body: { minimumMinor: 0 },
  }, 200);
  const { body } = await expectStatus<{ items: Array<{ id: string; payeeId: string }> }>(api, { method: 'GET', url: '/api/v1/admin/billing/payouts', headers: bearer(cast.admin.accessToken) }, 200);
  const payout = body.items.find((item) => item.payeeId === cast.admin.id);
  if (!payout) throw new Error(`Seeding: no payout to the admin among ${body.items.length}`);
  return { id: payout.id };
}

async function paidCourse(api: Api, cast: BillingCast): Promise<{ id: string; title: string; lessonId: string }> {
  const headers = bearer(cast.instructor.accessToken);
  const title = `Paid course of ${cast.label} ${tag()}`;
  const post = async (url: string, body: unknown) => (await expectStatus<{ id: string }>(api, { method: 'POST', url, headers, body }, 201)).body;
  const course = await post('/api/v1/courses', { title, visibility: 'tenant', summary: `About ${title}`, priceRef: 'course' });
  const module = await post(`/api/v1/courses/${course.id}/modules`, { title: `Module of ${title}` });
  const lesson = await post(`/api/v1/modules/${module.id}/lessons`, { title: `Lesson of ${title}` });
  await post(`/api/v1/lessons/${lesson.id}/blocks`, { kind: 'rich_text', markdown: `Text of ${title}` });
  const { response } = await expectStatus(api, { method: 'GET', url: `/api/v1/courses/${course.id}?view=draft`, headers }, 200);
  await expectStatus(api, {
    method: 'POST', url: `/api/v1/courses/${course.id}/publish`, headers: { ...bearer(cast.admin.accessToken), 'if-match': String(response.headers.etag) }, body: {},
  }, 200);
  return { id: course.id, title, lessonId: lesson.id };
}

/** Prices the course as the admin once billing has learnt of it from `catalog.course.published` (404 until then). */
async function priceOnceKnown(api: Api, admin: SeededUser, courseId: string): Promise<{ id: string }> {
  return poll(`billing never learnt of course ${courseId}`, async () => {
    const response = await api({ method: 'PUT', url: `/api/v1/billing/courses/${courseId}/price`, headers: bearer(admin.accessToken), body: { amountMinor: 1_999, currency: 'EUR' } });
    return response.statusCode === 200 ? { id: response.json<{ id: string }>().id } : undefined;
  });
}

async function enrollOnceKnown(api: Api, student: SeededUser, courseId: string): Promise<{ id: string }> {
  return poll(`enrollment never learnt of course ${courseId}`, async () => {
    const response = await api({ method: 'POST', url: `/api/v1/courses/${courseId}/enroll`, headers: bearer(student.accessToken), body: {} });
    if (response.statusCode !== 201) return undefined;
    const enrollment = response.json<{ id: string; status: string }>();
    if (enrollment.status !== 'pending_payment') throw new Error(`Seeding: the paid enrollment is ${enrollment.status}`);
    return { id: enrollment.id };
  });
}

async function orderOnceOpened(api: Api, student: SeededUser, enrollmentId: string): Promise<{ id: string }> {
  return poll(`billing never opened the order of enrollment ${enrollmentId}`, async () => {
    const response = await api({ method: 'GET', url: `/api/v1/billing/enrollments/${enrollmentId}/order`, headers: bearer(student.accessToken) });
    return response.statusCode === 200 ? { id: response.json<{ id: string }>().id } : undefined;
  });
}

async function poll<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  for (let tries = 0; tries < POLL.attempts; tries++) {
    const found = await attempt();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, POLL.intervalMs));
  }
  throw new Error(`Seeding: ${what}`);
}
