import type { ServiceContext, ServiceJob } from '@tessera/platform';
import type { BillingDatabase } from '../db/billing.table.js';
import { expiredLessonOrders, findOrder, ordersInFlight } from '../db/order.repository.js';
import type { BillingDeps } from './deps.js';
import { failOrder } from './fail-order.js';
import { expireLessonOrder } from './lesson-orders.js';
import { captureOrder } from './pay.js';

export const RESUME_EVERY_MS = 30_000;
/** An order left `authorizing` this long was interrupted before the provider answered (or its answer was lost). */
export const AUTHORIZING_GIVE_UP_MS = 5 * 60_000;
const CAPTURE_RETRY_AFTER_MS = 15_000;
const ORDERS_PER_RUN = 200;

export function resumeOrdersJob(deps: BillingDeps & Pick<ServiceContext, 'tenantDatabases'>): ServiceJob {
  return { name: 'billing.resume-orders', everyMs: RESUME_EVERY_MS, run: async () => { await resumeOrders(deps); } };
}

/**
 * Finishes sagas a crash or an unreachable provider left in flight. `capturing`: the capture is retried with its
 * idempotency key (the provider captures once) and booked. `authorizing` for too long: the card is no longer at
 * hand, so the order fails and enrollment releases the seat; an authorization the provider may have made lapses
 * uncaptured (no money moves). Lesson orders nobody paid in time are cancelled. Returns how many orders moved on.
 */
export async function resumeOrders(deps: BillingDeps & Pick<ServiceContext, 'tenantDatabases'>, now = new Date()): Promise<number> {
  let moved = 0;
  for (const database of [deps.db, ...await deps.tenantDatabases.openAll()]) {
    const stuck = await database.withSystem<BillingDatabase, Array<{ tenantId: string; id: string }>>((tx) => ordersInFlight(tx, new Date(now.getTime() - CAPTURE_RETRY_AFTER_MS), ORDERS_PER_RUN));
    const expired = await database.withSystem<BillingDatabase, Array<{ tenantId: string; id: string }>>((tx) => expiredLessonOrders(tx, now, ORDERS_PER_RUN));
    for (const { tenantId, id } of expired) {
      if (await expireOne(deps, tenantId, id, now)) moved++;
    }
    for (const { tenantId, id } of stuck) {
      try {
        if (await resumeOne(deps, tenantId, id, now)) moved++;
      } catch (error) {
        deps.logger.warn({ err: error, orderId: id }, 'could not resume an order; the next run tries again');
      }
    }
  }
  return moved;
}

/** A lesson order nobody paid in time (a course's order ends with its enrollment, which enrollment expires). */
async function expireOne(deps: BillingDeps, tenantId: string, orderId: string, now: Date): Promise<boolean> {
  return deps.db.withTenant<BillingDatabase, boolean>(tenantId, async (tx) => {
    const order = await findOrder(tx, tenantId, orderId, true);
    if (order?.status !== 'awaiting_payment' || order.expires_at > now) return false;
    await expireLessonOrder(deps, tx, tenantId, order);
    return true;
  });
}

async function resumeOne(deps: BillingDeps, tenantId: string, orderId: string, now: Date): Promise<boolean> {
  const order = await deps.db.withTenant<BillingDatabase, Awaited<ReturnType<typeof findOrder>>>(tenantId, (tx) => findOrder(tx, tenantId, orderId));
  if (order?.status === 'capturing') return (await captureOrder(deps, tenantId, orderId)).status !== 'capturing';
  if (order?.status !== 'authorizing' || order.updated_at.getTime() > now.getTime() - AUTHORIZING_GIVE_UP_MS) return false;
  await deps.db.withTenant<BillingDatabase, void>(tenantId, async (tx) => {
    const current = await findOrder(tx, tenantId, orderId, true);
    if (current?.status === 'authorizing') await failOrder(deps, tx, tenantId, current, 'interrupted', 'The payment was interrupted before the card issuer answered; nothing was charged', null);
  });
  return true;
}
