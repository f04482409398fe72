import type { Selectable } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { ProductKind } from '../contract/schemas.js';
import type { BillingDatabase, PricesTable } from './billing.table.js';

type Db = Tx<BillingDatabase>;
export type PriceRow = Omit<Selectable<PricesTable>, 'tenant_id'>;

const COLUMNS = ['id', 'product_kind', 'product_id', 'amount_minor', 'currency', 'payee_id', 'version', 'created_at', 'updated_at'] as const;

export async function findPriceOf(tx: Db, tenantId: string, kind: ProductKind, productId: string, lock = false): Promise<PriceRow | undefined> {
  const query = tx.selectFrom('billing.prices').select(COLUMNS)
    .where('tenant_id', '=', tenantId).where('product_kind', '=', kind).where('product_id', '=', productId);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function findPrice(tx: Db, tenantId: string, id: string): Promise<PriceRow | undefined> {
  return tx.selectFrom('billing.prices').select(COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function insertPrice(tx: Db, tenantId: string, row: Omit<PriceRow, 'created_at'>): Promise<void> {
  await tx.insertInto('billing.prices').values({ tenant_id: tenantId, ...row }).execute();
}

export async function updatePrice(tx: Db, tenantId: string, id: string, change: Pick<PriceRow, 'amount_minor' | 'currency' | 'payee_id' | 'version' | 'updated_at'>): Promise<void> {
  await tx.updateTable('billing.prices').set(change).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function listPrices(tx: Db, tenantId: string, limit: number): Promise<PriceRow[]> {
  return tx.selectFrom('billing.prices').select(COLUMNS).where('tenant_id', '=', tenantId).orderBy('updated_at', 'desc').limit(limit).execute();
}

/** The prices of several products of a kind (those without one are missing). */
export async function findPricesOf(tx: Db, tenantId: string, kind: ProductKind, productIds: readonly string[]): Promise<PriceRow[]> {
  if (productIds.length === 0) return [];
  return tx.selectFrom('billing.prices').select(COLUMNS)
    .where('tenant_id', '=', tenantId).where('product_kind', '=', kind).where('product_id', 'in', productIds).execute();
}
