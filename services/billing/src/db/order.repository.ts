import type { Selectable, Updateable } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { BillingDatabase, OrdersTable } from './billing.table.js';

type Db = Tx<BillingDatabase>;
export type OrderRow = Omit<Selectable<OrdersTable>, 'tenant_id'>;
export type NewOrderRow = Omit<OrderRow, 'attempt' | 'refunded_minor' | 'version' | 'created_at' | 'updated_at' | 'challenge' | 'failure_code' | 'failure_message' | 'paid_at' | 'provider' | 'payment_ref'>;

/** Inserts the order; false when its enrollment already has one (a redelivered event). */
export async function insertOrder(tx: Db, tenantId: string, row: NewOrderRow): Promise<boolean> {
  const result = await tx.insertInto('billing.orders').values({ tenant_id: tenantId, ...row, updated_at: new Date() })
    .onConflict((oc) => oc.columns(['tenant_id', 'enrollment_id']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Inserts a lesson order; false when the user already holds a live order for the lesson (a racing request made it). */
export async function insertLessonOrder(tx: Db, tenantId: string, row: NewOrderRow): Promise<boolean> {
  const result = await tx.insertInto('billing.orders').values({ tenant_id: tenantId, ...row, updated_at: new Date() })
    .onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Statuses of an order that holds its lesson: waiting for or in payment, or paid (the partial unique index's). */
export const LIVE_LESSON_ORDER = ['awaiting_payment', 'authorizing', 'requires_action', 'capturing', 'paid', 'partially_refunded'] as const;

export async function findLiveLessonOrder(tx: Db, tenantId: string, userId: string, lessonId: string, lock = false): Promise<OrderRow | undefined> {
  const query = tx.selectFrom('billing.orders').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId)
    .where('product_kind', '=', 'lesson').where('product_id', '=', lessonId).where('status', 'in', LIVE_LESSON_ORDER);
  return stripTenant(await (lock ? query.forUpdate() : query).executeTakeFirst());
}

/** Lessons of `lessonIds` the user has paid for (and not had wholly refunded). */
export async function paidLessonIds(tx: Db, tenantId: string, userId: string, lessonIds: readonly string[]): Promise<Set<string>> {
  if (lessonIds.length === 0) return new Set();
  const rows = await tx.selectFrom('billing.orders').select('product_id').where('tenant_id', '=', tenantId).where('user_id', '=', userId)
    .where('product_kind', '=', 'lesson').where('product_id', 'in', lessonIds).where('status', 'in', ['paid', 'partially_refunded']).execute();
  return new Set(rows.map((row) => row.product_id));
}

/** Lesson orders nobody paid before they expired, across tenants (system access). */
export async function expiredLessonOrders(tx: Db, now: Date, limit: number): Promise<Array<{ tenantId: string; id: string }>> {
  const rows = await tx.selectFrom('billing.orders').select(['tenant_id', 'id'])
    .where('product_kind', '=', 'lesson').where('status', '=', 'awaiting_payment').where('expires_at', '<', now).limit(limit).execute();
  return rows.map((row) => ({ tenantId: row.tenant_id, id: row.id }));
}

export async function findOrder(tx: Db, tenantId: string, id: string, lock = false): Promise<OrderRow | undefined> {
  const query = tx.selectFrom('billing.orders').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  return stripTenant(await (lock ? query.forUpdate() : query).executeTakeFirst());
}

export async function findOrderOfEnrollment(tx: Db, tenantId: string, enrollmentId: string, lock = false): Promise<OrderRow | undefined> {
  const query = tx.selectFrom('billing.orders').selectAll().where('tenant_id', '=', tenantId).where('enrollment_id', '=', enrollmentId);
  return stripTenant(await (lock ? query.forUpdate() : query).executeTakeFirst());
}

export async function findOrderByPaymentRef(tx: Db, tenantId: string, paymentRef: string, lock = false): Promise<OrderRow | undefined> {
  const query = tx.selectFrom('billing.orders').selectAll().where('tenant_id', '=', tenantId).where('payment_ref', '=', paymentRef);
  return stripTenant(await (lock ? query.forUpdate() : query).executeTakeFirst());
}

export async function changeOrder(tx: Db, tenantId: string, id: string, change: Updateable<OrdersTable>): Promise<void> {
  await tx.updateTable('billing.orders').set((eb) => ({ ...change, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** A page of the user's orders (all of the tenant's when `userId` is null), newest first, after the cursor. */
export async function listOrders(tx: Db, tenantId: string, userId: string | null, after: { createdAt: Date; id: string } | null, limit: number): Promise<OrderRow[]> {
  let query = tx.selectFrom('billing.orders').selectAll().where('tenant_id', '=', tenantId);
  if (userId !== null) query = query.where('user_id', '=', userId);
  if (after) {
    query = query.where((eb) => eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]));
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => stripTenant(row) as OrderRow);
}

/** Orders a crash or an unreachable provider left mid-saga, older than `before`, across tenants (system access). */
export async function ordersInFlight(tx: Db, before: Date, limit: number): Promise<Array<{ tenantId: string; id: string }>> {
  const rows = await tx.selectFrom('billing.orders').select(['tenant_id', 'id'])
    .where('status', 'in', ['authorizing', 'capturing']).where('updated_at', '<', before).limit(limit).execute();
  return rows.map((row) => ({ tenantId: row.tenant_id, id: row.id }));
}

function stripTenant(row: Selectable<OrdersTable> | undefined): OrderRow | undefined {
  if (!row) return undefined;
  const { tenant_id: _tenant, ...rest } = row;
  return rest;
}
