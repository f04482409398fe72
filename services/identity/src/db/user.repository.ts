import type { Tx } from '@tessera/platform';
import type { User } from '../contract/schemas.js';
import type { IdentityDatabase, UserRow } from './identity.table.js';

type Db = Tx<IdentityDatabase>;

const columns = [
  'id', 'tenant_id', 'email', 'email_key', 'email_verified_at', 'name', 'status', 'roles', 'password_hash', 'locale',
  'time_zone', 'preferences', 'failed_sign_ins', 'locked_until', 'version', 'created_at', 'updated_at',
] as const;

/** A new user row; the caller has normalised email and name. */
export interface NewUser {
  id: string;
  email: string;
  emailKey: string;
  name: string;
  status: UserRow['status'];
  roles: string[];
  passwordHash: string | null;
  emailVerified: boolean;
  locale?: string;
  timeZone?: string;
}

export async function insertUser(tx: Db, tenantId: string, user: NewUser): Promise<UserRow | undefined> {
  return tx.insertInto('identity.users').values({
    id: user.id,
    tenant_id: tenantId,
    email: user.email,
    email_key: user.emailKey,
    name: user.name,
    status: user.status,
    roles: user.roles,
    password_hash: user.passwordHash,
    email_verified_at: user.emailVerified ? new Date() : null,
    preferences: '{}',
    ...(user.locale ? { locale: user.locale } : {}),
    ...(user.timeZone ? { time_zone: user.timeZone } : {}),
  }).onConflict((oc) => oc.columns(['tenant_id', 'email_key']).doNothing()).returning(columns).executeTakeFirst();
}

export async function findUserById(tx: Db, tenantId: string, id: string): Promise<UserRow | undefined> {
  return tx.selectFrom('identity.users').select(columns).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(tx: Db, tenantId: string, emailKey: string): Promise<UserRow | undefined> {
  return tx.selectFrom('identity.users').select(columns).where('tenant_id', '=', tenantId).where('email_key', '=', emailKey).executeTakeFirst();
}

/** Applies `changes` and bumps the version; with `expectedVersion`, only if the row is at that version. */
export async function updateUser(
  tx: Db,
  tenantId: string,
  id: string,
  changes: Partial<{ name: string; status: UserRow['status']; roles: string[]; password_hash: string | null; locale: string;
    time_zone: string; preferences: string; email_verified_at: Date | null }>,
  expectedVersion?: number,
): Promise<UserRow | undefined> {
  let query = tx.updateTable('identity.users')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('tenant_id', '=', tenantId).where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  return query.returning(columns).executeTakeFirst();
}

/** A page of the tenant's users ordered by email key, optionally filtered. */
export async function listUsers(
  tx: Db,
  tenantId: string,
  options: { limit: number; after?: string; role?: string; status?: string; search?: string },
): Promise<UserRow[]> {
  let query = tx.selectFrom('identity.users').select(columns).where('tenant_id', '=', tenantId)
    .orderBy('email_key').limit(options.limit);
  if (options.after) query = query.where('email_key', '>', options.after);
  if (options.role) query = query.where((eb) => eb(eb.val(options.role), '=', eb.fn.any('roles')));
  if (options.status) query = query.where('status', '=', options.status as UserRow['status']);
  if (options.search) {
    const pattern = `%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('email_key', 'ilike', pattern), eb('name', 'ilike', pattern)]));
  }
  return query.execute();
}

/** Whether the user has a confirmed TOTP factor. */
export async function hasConfirmedTotp(tx: Db, tenantId: string, userId: string): Promise<boolean> {
  const row = await tx.selectFrom('identity.mfa_totp').select('user_id')
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('confirmed_at', 'is not', null).executeTakeFirst();
  return row !== undefined;
}

/** The API shape of a user. */
export function toUser(row: UserRow, mfaEnabled: boolean): User {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    email: row.email,
    emailVerified: row.email_verified_at !== null,
    name: row.name,
    status: row.status,
    roles: row.roles as User['roles'],
    locale: row.locale,
    timeZone: row.time_zone,
    preferences: row.preferences as User['preferences'],
    mfaEnabled,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
