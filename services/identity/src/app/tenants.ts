import { randomUUID } from 'node:crypto';
import { AppError, eraseTenantData, exportTenantData, tenantBlobPrefix } from '@tessera/platform';
import { IdentityEvents, type TenantEventData } from '../contract/events.js';
import type { Tenant, TenantSettings } from '../contract/schemas.js';
import type { IdentityDatabase, TenantRow } from '../db/identity.table.js';
import { defaultSettings, findTenant, findTenantBySlug, insertTenant, settingsOf, toTenant, updateTenant } from '../db/tenant.repository.js';
import type { IdentityDeps } from './deps.js';
import { inviteUser } from './invitations.js';

export interface NewTenant {
  slug: string;
  name: string;
  tier: 'standard' | 'enterprise';
  admin?: { email: string; name: string } | undefined;
  settings?: Partial<TenantSettings> | undefined;
}

/**
 * Creates a tenant: a row in the registry (so the slug is claimed at once), for enterprise tenants a database
 * of their own created and migrated, then the tenant itself and `identity.tenant.created`; the first admin, if
 * named, is invited by email.
 */
export async function createTenant(deps: IdentityDeps, input: NewTenant, invitedBy: string): Promise<Tenant> {
  const id = randomUUID();
  await claimSlug(deps, id, input);
  let databaseName: string | null = null;
  try {
    if (input.tier === 'enterprise') databaseName = await deps.tenantDatabases.provision(id);
    const row = await deps.db.withSystem<IdentityDatabase, TenantRow>(async (tx) => {
      const inserted = await insertTenant(tx, { id, slug: input.slug, name: input.name, tier: input.tier, status: 'active', settings: { ...defaultSettings, ...input.settings } });
      if (!inserted) throw slugTaken(input.slug);
      await deps.outbox.emit(tx, id, [tenantEvent(IdentityEvents.tenantCreated, inserted)]);
      return inserted;
    });
    await deps.tenants.save({ id, slug: input.slug, tier: input.tier, status: 'active', databaseName });
    if (input.admin) await inviteUser(deps, id, { ...input.admin, roles: ['tenant_admin'] }, invitedBy);
    return toTenant(row);
  } catch (error) {
    await deps.tenants.setStatus(id, 'deleted').catch(() => undefined);
    if (databaseName) await deps.tenantDatabases.destroy(databaseName).catch(() => undefined);
    throw error;
  }
}

async function claimSlug(deps: IdentityDeps, id: string, input: NewTenant): Promise<void> {
  if (await deps.tenants.bySlug(input.slug)) throw slugTaken(input.slug);
  try {
    await deps.tenants.save({ id, slug: input.slug, tier: input.tier, status: 'provisioning', databaseName: null });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw slugTaken(input.slug);
    throw error;
  }
}

export async function getTenant(deps: IdentityDeps, id: string): Promise<TenantRow> {
  const row = await deps.db.withSystem<IdentityDatabase, TenantRow | undefined>((tx) => findTenant(tx, id));
  if (!row || row.status === 'deleted') throw new AppError('not_found', 'IDENTITY.TENANT_NOT_FOUND', `No tenant ${id}`);
  return row;
}

/** Suspends (nobody of the tenant can sign in or use a token) or reactivates a tenant. */
export async function setTenantSuspended(deps: IdentityDeps, id: string, suspended: boolean): Promise<Tenant> {
  await getTenant(deps, id);
  const status = suspended ? 'suspended' : 'active';
  const row = await deps.db.withSystem<IdentityDatabase, TenantRow | undefined>(async (tx) => {
    const updated = await updateTenant(tx, id, { status, suspended_at: suspended ? new Date() : null });
    if (updated) await deps.outbox.emit(tx, id, [tenantEvent(suspended ? IdentityEvents.tenantSuspended : IdentityEvents.tenantReactivated, updated)]);
    return updated;
  });
  if (!row) throw new AppError('not_found', 'IDENTITY.TENANT_NOT_FOUND', `No tenant ${id}`);
  await deps.tenants.setStatus(id, status);
  return toTenant(row);
}

/** Everything the tenant owns, in every service, as JSON: offered before deletion. */
export async function exportTenant(deps: IdentityDeps, id: string): Promise<{ tenant: Tenant; exportedAt: string; data: Record<string, unknown[]> }> {
  const row = await getTenant(deps, id);
  return { tenant: toTenant(row), exportedAt: new Date().toISOString(), data: await exportTenantData(deps.db, id) };
}

/**
 * Deletes a tenant: every row it owns is erased (an enterprise tenant's database is dropped), and what must
 * stay — the tenant record, for the audit trail — is anonymised. `confirmSlug` must repeat the slug.
 */
export async function deleteTenant(deps: IdentityDeps, id: string, confirmSlug: string): Promise<void> {
  const row = await getTenant(deps, id);
  if (row.slug !== confirmSlug) {
    throw new AppError('unprocessable', 'IDENTITY.CONFIRMATION_MISMATCH', 'Repeat the tenant\'s slug in `confirm` to delete it');
  }
  const registered = await deps.tenants.get(id);
  await deps.tenants.setStatus(id, 'deleted');
  if (registered?.databaseName) await deps.tenantDatabases.destroy(registered.databaseName);
  else await eraseTenantData(deps.db, id);
  await deps.blobs.deletePrefix(tenantBlobPrefix(id));
  const freedSlug = `deleted-${id.replaceAll('-', '').slice(0, 20)}`;
  await deps.db.withSystem<IdentityDatabase, void>(async (tx) => {
    const anonymised = await updateTenant(tx, id, { name: 'Deleted tenant', slug: freedSlug, status: 'deleted', settings: defaultSettings, deleted_at: new Date() });
    if (anonymised) await deps.outbox.emit(tx, null, [tenantEvent(IdentityEvents.tenantDeleted, { ...anonymised, slug: row.slug })]);
  });
  await deps.tenants.save({ id, slug: freedSlug, tier: row.tier, status: 'deleted', databaseName: null });
}

/** A tenant admin changes the name or settings of their own tenant (with If-Match). */
export async function updateOwnTenant(deps: IdentityDeps, id: string, changes: { name?: string | undefined; settings?: Partial<TenantSettings> | undefined }, expectedVersion: number): Promise<Tenant> {
  const current = await getTenant(deps, id);
  const settings = changes.settings ? { ...settingsOf(current), ...changes.settings } : undefined;
  const row = await deps.db.withSystem<IdentityDatabase, TenantRow | undefined>((tx) =>
    updateTenant(tx, id, { ...(changes.name ? { name: changes.name } : {}), ...(settings ? { settings } : {}) }, expectedVersion));
  if (!row) throw new AppError('precondition_failed', 'IDENTITY.TENANT_VERSION_MISMATCH', `The tenant is at version ${current.version}, not ${expectedVersion}`);
  return toTenant(row);
}

/** What a sign-in page may show about a tenant, found by slug. */
export async function publicTenant(deps: IdentityDeps, slug: string) {
  const row = await deps.db.withSystem<IdentityDatabase, TenantRow | undefined>((tx) => findTenantBySlug(tx, slug));
  if (!row || row.status !== 'active') throw new AppError('not_found', 'IDENTITY.TENANT_NOT_FOUND', `No institution "${slug}"`);
  const settings = settingsOf(row);
  const sso = await deps.db.withTenant<IdentityDatabase, boolean>(row.id, async (tx) =>
    (await tx.selectFrom('identity.sso_connections').select('id').where('tenant_id', '=', row.id).where('enabled', '=', true).executeTakeFirst()) !== undefined);
  return { slug: row.slug, name: row.name, branding: settings.branding, selfRegistration: settings.selfRegistration, sso };
}

function tenantEvent(name: string, row: Pick<TenantRow, 'id' | 'slug' | 'tier'>) {
  const data: TenantEventData = { tenantId: row.id, slug: row.slug, tier: row.tier };
  return { name, subject: row.id, data };
}

function slugTaken(slug: string): AppError {
  return new AppError('conflict', 'IDENTITY.SLUG_TAKEN', `The slug "${slug}" is taken`);
}
