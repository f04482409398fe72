import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { DeliveriesTable, DeliveryStatus, NotifyDatabase } from './notify.table.js';

type Db = Tx<NotifyDatabase>;

/** One channel's delivery of one notification. */
export interface Delivery {
  id: string;
  notificationId: string;
  userId: string;
  channel: DeliveriesTable['channel'];
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  notBefore: Date | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** Records a delivery to make, once per notification and channel. */
export async function insertDelivery(tx: Db, tenantId: string, delivery: Pick<Delivery, 'id' | 'notificationId' | 'userId' | 'channel' | 'status' | 'notBefore'>): Promise<boolean> {
  const row = await tx.insertInto('notify.deliveries').values({
    tenant_id: tenantId, id: delivery.id, notification_id: delivery.notificationId, user_id: delivery.userId, channel: delivery.channel,
    status: delivery.status, not_before: delivery.notBefore, last_error: null, sent_at: null,
  }).onConflict((oc) => oc.columns(['tenant_id', 'notification_id', 'channel']).doNothing()).returning('id').executeTakeFirst();
  return row !== undefined;
}

/** A delivery locked for sending (so two workers never send it both). */
export async function lockDelivery(tx: Db, tenantId: string, id: string): Promise<Delivery | undefined> {
  const row = await tx.selectFrom('notify.deliveries').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
  return row ? toDelivery(row) : undefined;
}

export async function markDelivery(tx: Db, tenantId: string, ids: readonly string[], change: { status: DeliveryStatus; error?: string | null; sentAt?: Date | null; notBefore?: Date | null; countAttempt: boolean }): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('notify.deliveries').set((eb) => ({
    status: change.status, last_error: change.error ?? null, sent_at: change.sentAt ?? null, updated_at: new Date(),
    ...(change.notBefore !== undefined ? { not_before: change.notBefore } : {}),
    attempts: change.countAttempt ? eb('attempts', '+', 1) : eb.ref('attempts'),
  })).where('tenant_id', '=', tenantId).where('id', 'in', [...ids]).execute();
}

/** Held deliveries now due, across the tenants of one database (a system read, for the job), locked and skipped by other workers. */
export async function dueHeld(tx: Db, now: Date, limit: number): Promise<Array<{ tenantId: string; userId: string }>> {
  const { rows } = await sql<{ tenant_id: string; user_id: string }>`
    select distinct tenant_id, user_id from notify.deliveries
    where status = 'held' and not_before <= ${now} limit ${limit}`.execute(tx);
  return rows.map((row) => ({ tenantId: row.tenant_id, userId: row.user_id }));
}

/** A held delivery with what its notification says. */
export type DueDelivery = Delivery & { title: string; body: string; link: string | null; category: string };

/** A user's held deliveries due by `now` on every channel, with their notifications, locked for sending. */
export async function lockDueOfUser(tx: Db, tenantId: string, userId: string, now: Date): Promise<DueDelivery[]> {
  const rows = await tx.selectFrom('notify.deliveries as d')
    .innerJoin('notify.notifications as n', (join) => join.onRef('n.tenant_id', '=', 'd.tenant_id').onRef('n.id', '=', 'd.notification_id'))
    .select(['d.id', 'd.notification_id', 'd.user_id', 'd.channel', 'd.status', 'd.attempts', 'd.last_error', 'd.not_before', 'd.created_at', 'd.sent_at', 'n.title', 'n.body', 'n.link', 'n.category'])
    .where('d.tenant_id', '=', tenantId).where('d.user_id', '=', userId).where('d.status', '=', 'held').where('d.not_before', '<=', now)
    .orderBy('d.created_at').forUpdate().execute();
  return rows.map((row) => ({ ...toDelivery(row), title: row.title, body: row.body, link: row.link, category: row.category }));
}

/** Records what a provider called the message it accepted, to match its delivery receipts later. */
export async function setProviderRef(tx: Db, tenantId: string, id: string, providerRef: string): Promise<void> {
  await tx.updateTable('notify.deliveries').set({ provider_ref: providerRef }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** The tenant's delivery log, newest first. */
export async function deliveryLog(tx: Db, tenantId: string, options: { limit: number; status?: DeliveryStatus | undefined; before?: { createdAt: string; id: string } | undefined }): Promise<Delivery[]> {
  let query = tx.selectFrom('notify.deliveries').selectAll().where('tenant_id', '=', tenantId);
  if (options.status) query = query.where('status', '=', options.status);
  if (options.before) query = query.where(sql<boolean>`(created_at, id) < (${new Date(options.before.createdAt)}::timestamptz, ${options.before.id}::uuid)`);
  return (await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute()).map(toDelivery);
}

function toDelivery(row: { id: string; notification_id: string; user_id: string; channel: Delivery['channel']; status: DeliveryStatus; attempts: number; last_error: string | null; not_before: Date | null; created_at: Date; sent_at: Date | null }): Delivery {
  return {
    id: row.id, notificationId: row.notification_id, userId: row.user_id, channel: row.channel, status: row.status, attempts: Number(row.attempts),
    lastError: row.last_error, notBefore: row.not_before ? new Date(row.not_before) : null, createdAt: new Date(row.created_at), sentAt: row.sent_at ? new Date(row.sent_at) : null,
  };
}
