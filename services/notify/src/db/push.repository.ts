import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { NotifyDatabase, PushSubscriptionsTable } from './notify.table.js';

type Db = Tx<NotifyDatabase>;

/** A browser's push subscription as stored: where to POST and the keys that encrypt for it. */
export interface StoredPushSubscription {
  id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgent: string | null;
  createdAt: Date;
  lastSuccessAt: Date | null;
}

export type NewPushSubscription = Pick<StoredPushSubscription, 'id' | 'userId' | 'endpoint' | 'p256dh' | 'auth' | 'userAgent'>;

const COLUMNS = ['id', 'user_id', 'endpoint', 'p256dh', 'auth', 'user_agent', 'created_at', 'last_success_at'] as const;

/**
 * Stores a subscription, or — the endpoint already known in the tenant — binds the existing row to this user with
 * the keys just sent (whoever signs in on a browser gets its pushes). `created` tells which happened.
 */
export async function saveSubscription(tx: Db, tenantId: string, subscription: NewPushSubscription): Promise<{ subscription: StoredPushSubscription; created: boolean }> {
  const changed = { user_id: subscription.userId, p256dh: subscription.p256dh, auth: subscription.auth, user_agent: subscription.userAgent };
  const row = await tx.insertInto('notify.push_subscriptions')
    .values({ tenant_id: tenantId, id: subscription.id, endpoint: subscription.endpoint, last_success_at: null, ...changed })
    .onConflict((oc) => oc.columns(['tenant_id', 'endpoint']).doUpdateSet(changed))
    // xmax is 0 only in a row version this statement inserted (PostgreSQL's usual upsert tell).
    .returning([...COLUMNS, sql<boolean>`(xmax = 0)`.as('inserted')])
    .executeTakeFirstOrThrow();
  return { subscription: toSubscription(row), created: row.inserted };
}

/** The user's subscriptions, oldest first. */
export async function subscriptionsOf(tx: Db, tenantId: string, userId: string): Promise<StoredPushSubscription[]> {
  const rows = await tx.selectFrom('notify.push_subscriptions').select(COLUMNS)
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toSubscription);
}

export async function hasSubscription(tx: Db, tenantId: string, userId: string): Promise<boolean> {
  const row = await tx.selectFrom('notify.push_subscriptions').select('id').where('tenant_id', '=', tenantId).where('user_id', '=', userId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Deletes one of the user's subscriptions; false when the user has no such subscription. */
export async function deleteSubscriptionOf(tx: Db, tenantId: string, userId: string, id: string): Promise<boolean> {
  const row = await tx.deleteFrom('notify.push_subscriptions').where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('id', '=', id).returning('id').executeTakeFirst();
  return row !== undefined;
}

/** Deletes subscriptions whose push service said they expired. */
export async function deleteSubscriptions(tx: Db, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.deleteFrom('notify.push_subscriptions').where('tenant_id', '=', tenantId).where('id', 'in', [...ids]).execute();
}

export async function markSubscriptionsSucceeded(tx: Db, tenantId: string, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('notify.push_subscriptions').set({ last_success_at: at }).where('tenant_id', '=', tenantId).where('id', 'in', [...ids]).execute();
}

/**
 * Keeps `current` and the user's most recently used or created subscriptions, `keep` in all, and deletes the rest
 * (browsers that re-subscribed under a new endpoint).
 */
export async function keepNewestSubscriptions(tx: Db, tenantId: string, userId: string, keep: number, current: string): Promise<void> {
  await sql`
    delete from notify.push_subscriptions where tenant_id = ${tenantId} and user_id = ${userId} and id not in (
      select id from notify.push_subscriptions where tenant_id = ${tenantId} and user_id = ${userId}
      order by (id = ${current}::uuid) desc, greatest(created_at, last_success_at) desc, id desc limit ${keep})`.execute(tx);
}

function toSubscription(row: Pick<PushSubscriptionsTable, 'id' | 'user_id' | 'endpoint' | 'p256dh' | 'auth' | 'user_agent' | 'last_success_at'> & { created_at: Date }): StoredPushSubscription {
  return {
    id: row.id, userId: row.user_id, endpoint: row.endpoint, p256dh: row.p256dh, auth: row.auth, userAgent: row.user_agent,
    createdAt: new Date(row.created_at), lastSuccessAt: row.last_success_at ? new Date(row.last_success_at) : null,
  };
}
