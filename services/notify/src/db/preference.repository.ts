import type { Tx } from '@tessera/platform';
import type { Preferences } from '../contract/schemas.js';
import type { NotifyDatabase } from './notify.table.js';

type Db = Tx<NotifyDatabase>;

/** The user's stored preferences, or undefined when they never chose. */
export async function findPreferences(tx: Db, tenantId: string, userId: string, lock = false): Promise<Preferences | undefined> {
  let query = tx.selectFrom('notify.preferences').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { categories: row.channels, quietHours: row.quiet_hours, timeZone: row.time_zone, digest: row.digest, version: row.version } : undefined;
}

/**
 * Stores changed preferences: the first change inserts (false when another request inserted first: the caller
 * read defaults that are no longer current), later ones update the row the caller locked.
 */
export async function savePreferences(tx: Db, tenantId: string, userId: string, preferences: Preferences, first: boolean): Promise<boolean> {
  const values = {
    channels: JSON.stringify(preferences.categories), quiet_hours: preferences.quietHours ? JSON.stringify(preferences.quietHours) : null,
    time_zone: preferences.timeZone, digest: preferences.digest, version: preferences.version, updated_at: new Date(),
  };
  if (!first) {
    await tx.updateTable('notify.preferences').set(values).where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
    return true;
  }
  const inserted = await tx.insertInto('notify.preferences').values({ tenant_id: tenantId, user_id: userId, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doNothing()).returning('user_id').executeTakeFirst();
  return inserted !== undefined;
}
