import type { Selectable } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { BillingDatabase, CouponsTable } from './billing.table.js';

type Db = Tx<BillingDatabase>;
export type CouponRow = Omit<Selectable<CouponsTable>, 'tenant_id' | 'version' | 'created_at'>;

const COLUMNS = ['code', 'kind', 'percent_bp', 'amount_minor', 'currency', 'expires_at', 'max_redemptions', 'redemptions', 'active'] as const;

/** Inserts the coupon; false when the tenant already has one with this code. */
export async function insertCoupon(tx: Db, tenantId: string, row: Omit<CouponsTable, 'tenant_id' | 'redemptions' | 'active' | 'version' | 'created_at'>): Promise<boolean> {
  const result = await tx.insertInto('billing.coupons').values({ tenant_id: tenantId, ...row })
    .onConflict((oc) => oc.columns(['tenant_id', 'code']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findCoupon(tx: Db, tenantId: string, code: string, lock = false): Promise<CouponRow | undefined> {
  const query = tx.selectFrom('billing.coupons').select(COLUMNS).where('tenant_id', '=', tenantId).where('code', '=', code);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function listCoupons(tx: Db, tenantId: string, limit: number): Promise<CouponRow[]> {
  return tx.selectFrom('billing.coupons').select(COLUMNS).where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').limit(limit).execute();
}

export async function deactivateCoupon(tx: Db, tenantId: string, code: string): Promise<boolean> {
  const result = await tx.updateTable('billing.coupons').set({ active: false }).where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Counts one more use (or one fewer, `delta` -1, when the payment it was reserved for failed). */
export async function countRedemption(tx: Db, tenantId: string, code: string, delta: 1 | -1): Promise<void> {
  await tx.updateTable('billing.coupons').set((eb) => ({ redemptions: eb('redemptions', '+', delta) }))
    .where('tenant_id', '=', tenantId).where('code', '=', code).execute();
}
