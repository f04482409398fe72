import { randomUUID } from 'node:crypto';
import type { Tx } from '@tessera/platform';
import type { LessonOffer, Order } from '../contract/schemas.js';
import type { BillingDatabase } from '../db/billing.table.js';
import { findCourse, hasLivePlace } from '../db/course.repository.js';
import { findLesson, lessonsOnSale } from '../db/lesson.repository.js';
import { findLiveLessonOrder, findOrder, insertLessonOrder, paidLessonIds, type OrderRow } from '../db/order.repository.js';
import { findPriceOf, findPricesOf } from '../db/price.repository.js';
import { quote } from '../domain/pricing.js';
import type { BillingDeps } from './deps.js';
import { billingErrors } from './errors.js';
import { failOrder } from './fail-order.js';
import { ORDER_PAYMENT_WINDOW_MS, quoteColumns, toOrder } from './orders.js';
import { toPrice } from './prices.js';
import { settingsIn } from './settings.js';

type Db = Tx<BillingDatabase>;

/**
 * Opens the caller's order for a lesson sold on its own, or answers the one they hold: an order still waiting for
 * or in payment is the same purchase (a second click, another tab), so it comes back as it is; a paid one means
 * the lesson is theirs (409). A place in the course includes its lessons (409). Paying it is the course's
 * checkout; when it is captured catalog opens the lesson to the buyer (`billing.payment.captured`).
 */
export async function orderLesson(deps: BillingDeps, tenantId: string, userId: string, lessonId: string, now = new Date()): Promise<{ order: Order; created: boolean }> {
  return deps.db.withTenant<BillingDatabase, { order: Order; created: boolean }>(tenantId, async (tx) => {
    const lesson = await findLesson(tx, tenantId, lessonId);
    if (!lesson?.on_sale) throw billingErrors.lessonNotFound(lessonId);
    const price = await findPriceOf(tx, tenantId, 'lesson', lessonId);
    if (!price) throw billingErrors.priceNotFound(`lesson ${lessonId}`);
    if (await hasLivePlace(tx, tenantId, userId, lesson.course_id)) throw billingErrors.courseOwned(lesson.course_id);
    const held = await heldOrder(deps, tx, tenantId, userId, lessonId, now);
    if (held) return { order: toOrder(held, lesson.title), created: false };
    const settings = await settingsIn(deps, tx, tenantId);
    const priced = quote({ unitPriceMinor: price.amount_minor, currency: price.currency, coupon: null, taxRateBp: settings.taxRateBp, commissionBp: settings.commissionBp });
    const id = randomUUID();
    const inserted = await insertLessonOrder(tx, tenantId, {
      id, user_id: userId, enrollment_id: null, product_kind: 'lesson', product_id: lessonId, price_id: price.id, payee_id: price.payee_id,
      ...quoteColumns(priced), coupon_code: null, status: 'awaiting_payment', expires_at: new Date(now.getTime() + ORDER_PAYMENT_WINDOW_MS),
    });
    const order = inserted ? await findOrder(tx, tenantId, id) : await findLiveLessonOrder(tx, tenantId, userId, lessonId);
    if (!order) throw billingErrors.orderNotFound(`of lesson ${lessonId}`);
    return { order: toOrder(order, lesson.title), created: inserted };
  });
}

/** The live order the user holds for the lesson; an unpaid one past its time is cancelled first (none then). */
async function heldOrder(deps: BillingDeps, tx: Db, tenantId: string, userId: string, lessonId: string, now: Date): Promise<OrderRow | undefined> {
  const live = await findLiveLessonOrder(tx, tenantId, userId, lessonId, true);
  if (!live) return undefined;
  if (live.status === 'paid' || live.status === 'partially_refunded') throw billingErrors.lessonOwned(lessonId, live.id);
  if (live.status !== 'awaiting_payment' || live.expires_at > now) return live;
  await expireLessonOrder(deps, tx, tenantId, live);
  return undefined;
}

/** An unpaid lesson order past its time: cancelled (nothing was authorized, so nothing is voided). */
export async function expireLessonOrder(deps: BillingDeps, tx: Db, tenantId: string, order: OrderRow): Promise<void> {
  await failOrder(deps, tx, tenantId, order, 'timeout', 'The order was not paid in time', null, 'cancelled');
}

/** The course's lessons sold on their own, in course order, with their prices and whether the caller bought each. */
export async function lessonOffersOf(deps: BillingDeps, tenantId: string, userId: string | null, courseId: string): Promise<LessonOffer[]> {
  return deps.db.withTenant<BillingDatabase, LessonOffer[]>(tenantId, async (tx) => {
    if (!(await findCourse(tx, tenantId, courseId))) throw billingErrors.courseNotFound(courseId);
    const lessons = await lessonsOnSale(tx, tenantId, courseId);
    const ids = lessons.map((lesson) => lesson.lesson_id);
    const prices = new Map((await findPricesOf(tx, tenantId, 'lesson', ids)).map((price) => [price.product_id, price]));
    const owned = userId ? await paidLessonIds(tx, tenantId, userId, ids) : new Set<string>();
    return lessons.flatMap((lesson) => {
      const price = prices.get(lesson.lesson_id);
      return price ? [{ lessonId: lesson.lesson_id, title: lesson.title, price: toPrice(price), owned: owned.has(lesson.lesson_id) }] : [];
    });
  });
}
