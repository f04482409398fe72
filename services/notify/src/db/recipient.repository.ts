import type { Tx } from '@tessera/platform';
import type { NotifyDatabase } from './notify.table.js';

type Db = Tx<NotifyDatabase>;

/** Someone notify may write to, as identity announced them. */
export interface Recipient {
  userId: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string;
  active: boolean;
}

export async function saveRecipient(tx: Db, tenantId: string, recipient: Recipient): Promise<void> {
  const values = { email: recipient.email, name: recipient.name, locale: recipient.locale, time_zone: recipient.timeZone, active: recipient.active };
  await tx.insertInto('notify.recipients').values({ tenant_id: tenantId, user_id: recipient.userId, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet(values)).execute();
}

export async function setRecipientActive(tx: Db, tenantId: string, userId: string, active: boolean): Promise<void> {
  await tx.updateTable('notify.recipients').set({ active }).where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}

export async function findRecipient(tx: Db, tenantId: string, userId: string): Promise<Recipient | undefined> {
  const row = await tx.selectFrom('notify.recipients').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
  return row ? { userId: row.user_id, email: row.email, name: row.name, locale: row.locale, timeZone: row.time_zone, active: row.active } : undefined;
}
