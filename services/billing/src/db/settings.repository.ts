import type { Tx } from '@tessera/platform';
import type { BillingDatabase, SettingsTable } from './billing.table.js';

type Db = Tx<BillingDatabase>;
export type StoredSettings = Omit<SettingsTable, 'tenant_id' | 'updated_at'>;

export async function findSettings(tx: Db, tenantId: string): Promise<StoredSettings | undefined> {
  return tx.selectFrom('billing.settings').select(['currency', 'commission_bp', 'tax_rate_bp', 'refund_window_days', 'version'])
    .where('tenant_id', '=', tenantId).executeTakeFirst();
}

/** Saves `settings` if the stored row is still at `expectedVersion` (0: none yet); false when it moved on. */
export async function saveSettings(tx: Db, tenantId: string, settings: StoredSettings, expectedVersion: number): Promise<boolean> {
  if (expectedVersion === 0) {
    const inserted = await tx.insertInto('billing.settings').values({ tenant_id: tenantId, ...settings })
      .onConflict((oc) => oc.column('tenant_id').doNothing()).executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const updated = await tx.updateTable('billing.settings').set({ ...settings, updated_at: new Date() })
    .where('tenant_id', '=', tenantId).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
