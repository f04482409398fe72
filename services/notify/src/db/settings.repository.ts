import type { Tx } from '@tessera/platform';
import type { NotifyDatabase, TenantSettingsTable } from './notify.table.js';

type Db = Tx<NotifyDatabase>;

/** A tenant's notify settings as stored (absent: never set). */
export type StoredSettings = Omit<TenantSettingsTable, 'tenant_id' | 'updated_at'>;

export async function findSettings(tx: Db, tenantId: string): Promise<StoredSettings | undefined> {
  return tx.selectFrom('notify.tenant_settings').select(['sends_per_minute', 'brand_name', 'brand_color', 'brand_logo_url', 'email_footer', 'version'])
    .where('tenant_id', '=', tenantId).executeTakeFirst();
}

/** Writes the settings if they are still at `expectedVersion` (0: never set); false when someone changed them first. */
export async function saveSettings(tx: Db, tenantId: string, settings: StoredSettings, expectedVersion: number): Promise<boolean> {
  const values = { ...settings, updated_at: new Date() };
  if (expectedVersion === 0) {
    const row = await tx.insertInto('notify.tenant_settings').values({ tenant_id: tenantId, ...values }).onConflict((oc) => oc.column('tenant_id').doNothing()).returning('tenant_id').executeTakeFirst();
    return row !== undefined;
  }
  const result = await tx.updateTable('notify.tenant_settings').set(values).where('tenant_id', '=', tenantId).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
