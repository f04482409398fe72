import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { UserSeen } from '../contract/events.js';
import { emailKey } from '../domain/email.js';
import type { EnrollmentDatabase, UserRow, UserStatus } from './enrollment.table.js';

type Db = Tx<EnrollmentDatabase>;

/**
 * Records what an identity event says of a user, unless a newer event was applied already (events may arrive
 * out of order). At equal times a deactivation wins, so a user is never left active by mistake. Returns whether
 * the event was applied (false when a newer one had been).
 */
export async function applyUserEvent(tx: Db, tenantId: string, user: UserSeen, status: UserStatus, at: Date): Promise<boolean> {
  const row = await tx.insertInto('enrollment.users').values({
    tenant_id: tenantId, user_id: user.userId, email: user.email, email_key: emailKey(user.email), name: user.name, status, seen_at: at,
  }).onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet((eb) => ({
    email: eb.ref('excluded.email'),
    email_key: eb.ref('excluded.email_key'),
    name: eb.ref('excluded.name'),
    status: eb.ref('excluded.status'),
    seen_at: eb.ref('excluded.seen_at'),
  })).where(sql<boolean>`excluded.seen_at > enrollment.users.seen_at
    or (excluded.seen_at = enrollment.users.seen_at and excluded.status = 'deactivated')`)).returning('user_id').executeTakeFirst();
  return row !== undefined;
}

export async function findUser(tx: Db, tenantId: string, userId: string): Promise<UserRow | undefined> {
  return tx.selectFrom('enrollment.users').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
}

/**
 * The users named by these email keys. When two rows share an email (a change still in flight), the active one
 * seen last is the owner.
 */
export async function findUsersByEmail(tx: Db, tenantId: string, keys: readonly string[]): Promise<Map<string, UserRow>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.selectFrom('enrollment.users').selectAll()
    .where('tenant_id', '=', tenantId).where('email_key', 'in', [...new Set(keys)])
    .orderBy(sql`status = 'active'`).orderBy('seen_at').execute();
  // Later rows (active, newest) overwrite earlier ones.
  return new Map(rows.map((row) => [row.email_key, row]));
}

export interface Person {
  name: string;
  email: string;
}

/** Names and emails of these users as identity last announced them (unknown users are absent). */
export async function namesOf(tx: Db, tenantId: string, userIds: string[]): Promise<Map<string, Person>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx.selectFrom('enrollment.users').select(['user_id', 'name', 'email'])
    .where('tenant_id', '=', tenantId).where('user_id', 'in', [...new Set(userIds)]).execute();
  return new Map(rows.map((row) => [row.user_id, { name: row.name, email: row.email }]));
}
