import { sql, type Selectable } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { ApiKey } from '../contract/api-keys.js';
import type { ApiKeysTable, IdentityDatabase } from './identity.table.js';

type Db = Tx<IdentityDatabase>;
export type ApiKeyRow = Selectable<ApiKeysTable>;

const columns = ['id', 'tenant_id', 'name', 'prefix', 'secret_hash', 'scopes', 'created_by', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'] as const;

/** A new key; `createdAt` is set by the caller (millisecond precision) so list cursors round-trip exactly. */
export interface NewApiKey {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  secretHash: string;
  scopes: string[];
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
}

export async function insertApiKey(tx: Db, key: NewApiKey): Promise<ApiKeyRow> {
  return tx.insertInto('identity.api_keys').values({
    id: key.id,
    tenant_id: key.tenantId,
    name: key.name,
    prefix: key.prefix,
    secret_hash: key.secretHash,
    scopes: key.scopes,
    created_by: key.createdBy,
    created_at: key.createdAt,
    expires_at: key.expiresAt,
  }).returning(columns).executeTakeFirstOrThrow();
}

export async function findApiKey(tx: Db, tenantId: string, id: string): Promise<ApiKeyRow | undefined> {
  return tx.selectFrom('identity.api_keys').select(columns).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** Keys that still work (not revoked, not expired). */
export async function countActiveApiKeys(tx: Db, tenantId: string): Promise<number> {
  const row = await tx.selectFrom('identity.api_keys').select((eb) => eb.fn.countAll<number>().as('count'))
    .where('tenant_id', '=', tenantId).where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date())]))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** A page of the tenant's keys, newest first; `after` is the (created_at, id) of the previous page's last key. */
export async function listApiKeys(tx: Db, tenantId: string, limit: number, after?: { createdAt: Date; id: string }): Promise<ApiKeyRow[]> {
  let query = tx.selectFrom('identity.api_keys').select(columns).where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit);
  if (after) query = query.where(sql<boolean>`(created_at, id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
  return query.execute();
}

/** Keys a user created (their own data export). */
export async function listApiKeysCreatedBy(tx: Db, tenantId: string, userId: string): Promise<ApiKeyRow[]> {
  return tx.selectFrom('identity.api_keys').select(columns).where('tenant_id', '=', tenantId).where('created_by', '=', userId)
    .orderBy('created_at', 'desc').execute();
}

/** Sets `revoked_at` (kept if already set); undefined when the tenant has no such key. */
export async function revokeApiKey(tx: Db, tenantId: string, id: string): Promise<ApiKeyRow | undefined> {
  return tx.updateTable('identity.api_keys').set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
    .where('tenant_id', '=', tenantId).where('id', '=', id).returning(columns).executeTakeFirst();
}

/** Records a use, unless one was recorded in the last minute (by any process). */
export async function touchApiKey(tx: Db, tenantId: string, id: string): Promise<void> {
  await tx.updateTable('identity.api_keys').set({ last_used_at: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId).where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]))
    .execute();
}

/** The API shape of a key (no secret, no hash). */
export function toApiKey(row: ApiKeyRow, now = new Date()): ApiKey {
  const status = row.revoked_at ? 'revoked' : row.expires_at && row.expires_at <= now ? 'expired' : 'active';
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    status,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
