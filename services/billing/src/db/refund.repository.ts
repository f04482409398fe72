import type { Selectable, Updateable } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { BillingDatabase, RefundsTable } from './billing.table.js';

type Db = Tx<BillingDatabase>;
export type RefundRow = Omit<Selectable<RefundsTable>, 'tenant_id'>;

/** Inserts the refund unless its key is taken; returns the refund stored under the key either way. */
export async function insertRefund(tx: Db, tenantId: string, row: Omit<RefundRow, 'created_at' | 'updated_at' | 'decided_by' | 'provider_ref'>): Promise<{ refund: RefundRow; created: boolean }> {
  const inserted = await tx.insertInto('billing.refunds').values({ tenant_id: tenantId, ...row, updated_at: new Date() })
    .onConflict((oc) => oc.columns(['tenant_id', 'refund_key']).doNothing()).executeTakeFirst();
  const refund = await findRefundByKey(tx, tenantId, row.refund_key);
  if (!refund) throw new Error(`Refund ${row.refund_key} vanished in its own transaction`);
  return { refund, created: Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1 };
}

export async function findRefundByKey(tx: Db, tenantId: string, key: string): Promise<RefundRow | undefined> {
  const row = await tx.selectFrom('billing.refunds').selectAll().where('tenant_id', '=', tenantId).where('refund_key', '=', key).executeTakeFirst();
  return row ? strip(row) : undefined;
}

export async function findRefund(tx: Db, tenantId: string, id: string, lock = false): Promise<RefundRow | undefined> {
  const query = tx.selectFrom('billing.refunds').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
  return row ? strip(row) : undefined;
}

export async function changeRefund(tx: Db, tenantId: string, id: string, change: Updateable<RefundsTable>): Promise<void> {
  await tx.updateTable('billing.refunds').set({ ...change, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** What is reserved by refunds the provider is returning right now. */
export async function pendingRefunds(tx: Db, tenantId: string, orderId: string): Promise<number> {
  const row = await tx.selectFrom('billing.refunds').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('sum'))
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId).where('status', '=', 'pending').executeTakeFirst();
  return Number(row?.sum ?? 0);
}

export async function refundsOfOrder(tx: Db, tenantId: string, orderId: string): Promise<RefundRow[]> {
  return (await tx.selectFrom('billing.refunds').selectAll().where('tenant_id', '=', tenantId).where('order_id', '=', orderId).orderBy('created_at').execute()).map(strip);
}

export async function refundsWithStatus(tx: Db, tenantId: string, status: RefundRow['status'], limit: number): Promise<RefundRow[]> {
  return (await tx.selectFrom('billing.refunds').selectAll().where('tenant_id', '=', tenantId).where('status', '=', status).orderBy('created_at').limit(limit).execute()).map(strip);
}

function strip(row: Selectable<RefundsTable>): RefundRow {
  const { tenant_id: _tenant, ...rest } = row;
  return rest;
}
