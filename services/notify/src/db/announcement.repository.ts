import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { AnnouncementsTable, NotifyDatabase } from './notify.table.js';

type Db = Tx<NotifyDatabase>;
export type AnnouncementRow = Omit<AnnouncementsTable, 'created_at'> & { created_at: Date };

/** A claim older than this belongs to a process that died while sending: another may take the announcement over. */
const CLAIM_EXPIRES_MS = 5 * 60_000;

export async function insertAnnouncement(tx: Db, row: Omit<AnnouncementRow, 'created_at' | 'claimed_at' | 'recipients' | 'sent_at'>): Promise<AnnouncementRow> {
  return tx.insertInto('notify.announcements').values({ ...row, claimed_at: null, recipients: null, sent_at: null }).returningAll().executeTakeFirstOrThrow();
}

export async function findAnnouncement(tx: Db, tenantId: string, id: string, forUpdate = false): Promise<AnnouncementRow | undefined> {
  const query = tx.selectFrom('notify.announcements').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The tenant's announcements newest first; only `authorId`'s when given (instructors see their own). */
export async function listAnnouncements(tx: Db, tenantId: string, options: { limit: number; authorId?: string | undefined; before?: { createdAt: string; id: string } | undefined }): Promise<AnnouncementRow[]> {
  let query = tx.selectFrom('notify.announcements').selectAll().where('tenant_id', '=', tenantId);
  if (options.authorId) query = query.where('author_id', '=', options.authorId);
  if (options.before) query = query.where(sql<boolean>`(created_at, id) < (${new Date(options.before.createdAt)}::timestamptz, ${options.before.id}::uuid)`);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

export async function setAnnouncementStatus(tx: Db, tenantId: string, id: string, change: Partial<Pick<AnnouncementRow, 'status' | 'recipients' | 'sent_at' | 'claimed_at'>>): Promise<void> {
  await tx.updateTable('notify.announcements').set(change).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/**
 * Claims due announcements across the tenants of a database (a system transaction, for the job): scheduled ones
 * whose time came, and ones whose sender died mid-way. Each recipient's notice is keyed by the announcement, so
 * taking one over sends nobody a second copy.
 */
export async function claimDueAnnouncements(tx: Db, now: Date, limit: number): Promise<Array<{ tenantId: string; id: string }>> {
  const stale = new Date(now.getTime() - CLAIM_EXPIRES_MS);
  const { rows } = await sql<{ tenant_id: string; id: string }>`
    update notify.announcements set status = 'sending', claimed_at = ${now}
    where (tenant_id, id) in (
      select tenant_id, id from notify.announcements
      where send_at <= ${now} and (status = 'scheduled' or (status = 'sending' and claimed_at < ${stale}))
      order by send_at limit ${limit} for update skip locked)
    returning tenant_id, id`.execute(tx);
  return rows.map((row) => ({ tenantId: row.tenant_id, id: row.id }));
}
