import { AppError, decodeCursor, toPage, type Tx } from '@tessera/platform';
import type { User } from '../contract/schemas.js';
import type { IdentityDatabase, UserRow } from '../db/identity.table.js';
import { findUserById, listUsers, toUser } from '../db/user.repository.js';
import type { IdentityDeps } from './deps.js';

type Db = Tx<IdentityDatabase>;

/** Filters and position of a user list page. */
export interface UserListOptions {
  limit: number;
  cursor?: string | undefined;
  role?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
}

/** A page of the tenant's users by email; whether each has MFA comes from one query for the whole page. */
export async function listTenantUsers(deps: IdentityDeps, tenantId: string, options: UserListOptions): Promise<{ items: User[]; nextCursor: string | null }> {
  const after = options.cursor ? String(decodeCursor(options.cursor, 1, ([key]) => typeof key === 'string')[0]) : undefined;
  const { rows, withMfa } = await deps.db.withTenant<IdentityDatabase, { rows: UserRow[]; withMfa: Set<string> }>(tenantId, async (tx) => {
    const rows = await listUsers(tx, tenantId, { limit: options.limit + 1, after, role: options.role, status: options.status, search: options.q });
    return { rows, withMfa: await usersWithMfa(tx, tenantId, rows.slice(0, options.limit).map((row) => row.id)) };
  });
  return toPage(rows, options.limit, (row) => [row.email_key], (row) => toUser(row, withMfa.has(row.id)));
}

/** One user of the tenant; another tenant's id is as unknown as a made-up one. */
export async function getTenantUser(deps: IdentityDeps, tenantId: string, userId: string): Promise<User> {
  return deps.db.withTenant<IdentityDatabase, User>(tenantId, async (tx) => {
    const row = await findUserById(tx, tenantId, userId);
    if (!row) throw userNotFound(userId);
    return presentUser(tx, row);
  });
}

/** The API shape of a row, with its MFA status read in `tx`. */
export async function presentUser(tx: Db, row: UserRow): Promise<User> {
  return toUser(row, (await usersWithMfa(tx, row.tenant_id, [row.id])).has(row.id));
}

/** Which of `userIds` have a confirmed second factor. */
export async function usersWithMfa(tx: Db, tenantId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx.selectFrom('identity.mfa_totp').select('user_id')
    .where('tenant_id', '=', tenantId).where('user_id', 'in', userIds).where('confirmed_at', 'is not', null).execute();
  return new Set(rows.map((row) => row.user_id));
}

export function userNotFound(userId: string): AppError {
  return new AppError('not_found', 'IDENTITY.USER_NOT_FOUND', `No user ${userId}`);
}
