import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { Category, Notification } from '../contract/schemas.js';
import type { NotifyDatabase } from './notify.table.js';

type Db = Tx<NotifyDatabase>;

/** A notice for one user, keyed by what caused it. */
export interface NewNotification {
  id: string;
  userId: string;
  category: Category;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  sourceKey: string;
  createdAt: Date;
  /** Listed in the app (false: kept only for other channels' deliveries). */
  inApp: boolean;
}

/** Stores a notification unless one with the same cause exists for the user; returns it when stored. */
export async function insertNotification(tx: Db, tenantId: string, notice: NewNotification): Promise<Notification | undefined> {
  const row = await tx.insertInto('notify.notifications').values({
    tenant_id: tenantId, id: notice.id, user_id: notice.userId, category: notice.category, kind: notice.kind, title: notice.title,
    body: notice.body, link: notice.link, source_key: notice.sourceKey, created_at: notice.createdAt, read_at: null, in_app: notice.inApp,
  }).onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'source_key']).doNothing()).returningAll().executeTakeFirst();
  return row ? toNotification(row) : undefined;
}

/** A page of the user's notifications, newest first, after the (createdAt, id) of the previous page's last. */
export async function notificationsOf(tx: Db, tenantId: string, userId: string, options: { limit: number; unreadOnly: boolean; after?: { createdAt: string; id: string } }): Promise<Notification[]> {
  let query = tx.selectFrom('notify.notifications').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('in_app', '=', true);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  if (options.after) {
    const { createdAt, id } = options.after;
    query = query.where(sql<boolean>`(created_at, id) < (${new Date(createdAt)}::timestamptz, ${id}::uuid)`);
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  return rows.map(toNotification);
}

export async function unreadCount(tx: Db, tenantId: string, userId: string): Promise<number> {
  const row = await tx.selectFrom('notify.notifications').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('in_app', '=', true).where('read_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks one of the user's notifications read (again: harmless); false when the user has no such notification. */
export async function markRead(tx: Db, tenantId: string, userId: string, id: string, at: Date): Promise<boolean> {
  const row = await tx.updateTable('notify.notifications').set((eb) => ({ read_at: eb.fn.coalesce('read_at', sql<Date>`${at}::timestamptz`) }))
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('id', '=', id).where('in_app', '=', true).returning('id').executeTakeFirst();
  return row !== undefined;
}

/** Marks every unread notification of the user read; returns how many. */
export async function markAllRead(tx: Db, tenantId: string, userId: string, at: Date): Promise<number> {
  const rows = await tx.updateTable('notify.notifications').set({ read_at: at })
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('read_at', 'is', null).returning('id').execute();
  return rows.length;
}

function toNotification(row: { id: string; category: Category; kind: string; title: string; body: string; link: string | null; created_at: Date; read_at: Date | null }): Notification {
  return {
    id: row.id, category: row.category, kind: row.kind, title: row.title, body: row.body, link: row.link,
    createdAt: new Date(row.created_at).toISOString(), readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
  };
}
