import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { Tenant, TenantSettings } from '../contract/schemas.js';
import type { IdentityDatabase, TenantRow } from './identity.table.js';

type Db = Tx<IdentityDatabase>;

const columns = ['id', 'slug', 'name', 'tier', 'status', 'settings', 'version', 'created_at', 'updated_at', 'suspended_at', 'deleted_at'] as const;

/** Settings a tenant starts with. */
export const defaultSettings: TenantSettings = { selfRegistration: false, mfaRequiredRoles: [], branding: {} };

// Tenants are platform-level rows in the main database, read and written as the system (also for enterprise
// tenants, whose other data lives elsewhere). Every query names the tenant explicitly.

export async function insertTenant(tx: Db, tenant: { id: string; slug: string; name: string; tier: TenantRow['tier']; status: TenantRow['status']; settings: TenantSettings }): Promise<TenantRow | undefined> {
  return tx.insertInto('identity.tenants').values({ ...tenant, settings: JSON.stringify(tenant.settings) })
    .onConflict((oc) => oc.column('slug').doNothing()).returning(columns).executeTakeFirst();
}

export async function findTenant(tx: Db, id: string): Promise<TenantRow | undefined> {
  return tx.selectFrom('identity.tenants').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function findTenantBySlug(tx: Db, slug: string): Promise<TenantRow | undefined> {
  return tx.selectFrom('identity.tenants').select(columns).where('slug', '=', slug).executeTakeFirst();
}

export async function listTenants(tx: Db, limit: number, after?: string): Promise<TenantRow[]> {
  let query = tx.selectFrom('identity.tenants').select(columns).where('status', '<>', 'deleted').orderBy('slug').limit(limit);
  if (after) query = query.where('slug', '>', after);
  return query.execute();
}

export async function updateTenant(
  tx: Db,
  id: string,
  changes: Partial<{ name: string; slug: string; status: TenantRow['status']; settings: TenantSettings; suspended_at: Date | null; deleted_at: Date | null }>,
  expectedVersion?: number,
): Promise<TenantRow | undefined> {
  const { settings, ...rest } = changes;
  let query = tx.updateTable('identity.tenants')
    .set((eb) => ({ ...rest, ...(settings ? { settings: JSON.stringify(settings) } : {}), version: eb('version', '+', 1), updated_at: sql<Date>`now()` }))
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  return query.returning(columns).executeTakeFirst();
}

/** The API shape of a tenant. */
export function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    tier: row.tier,
    status: row.status,
    settings: settingsOf(row),
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

export function settingsOf(row: TenantRow): TenantSettings {
  return { ...defaultSettings, ...(row.settings as Partial<TenantSettings>) };
}
