import type { RegisteredTenant } from '@tessera/platform';
import type { IdentityDatabase, TenantRow } from '../db/identity.table.js';
import { findTenant, settingsOf } from '../db/tenant.repository.js';
import type { IdentityDeps } from './deps.js';
import { tenantOfRequest } from './tenant-of-request.js';

/**
 * A tenant id no tenant has: account flows for an unknown institution run their queries against it, so
 * they take as long as for a real one and find nothing (RLS and the explicit filter both match no row).
 */
export const NO_TENANT = '00000000-0000-4000-8000-000000000000';

/** The active tenant a public account request is for, or undefined (unknown, suspended, deleted). */
export async function activeTenantOfRequest(deps: IdentityDeps, slug: string | undefined, hostname: string): Promise<RegisteredTenant | undefined> {
  const tenant = await tenantOfRequest(deps, slug, hostname);
  return tenant?.status === 'active' ? tenant : undefined;
}

/** Whether the tenant lets people sign themselves up. */
export async function allowsSelfRegistration(deps: IdentityDeps, tenantId: string): Promise<boolean> {
  const row = await deps.db.withSystem<IdentityDatabase, TenantRow | undefined>((tx) => findTenant(tx, tenantId));
  return row !== undefined && row.status === 'active' && settingsOf(row).selfRegistration;
}

/** The one answer of every request that must not tell whether an account exists. */
export function accepted(detail: string): { status: 'accepted'; detail: string } {
  return { status: 'accepted', detail };
}
