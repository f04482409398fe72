import type { Tx } from '@tessera/platform';
import type { DeliveriesTable, NotifyDatabase } from './notify.table.js';

type Db = Tx<NotifyDatabase>;

/** The delivery a provider's message id names, in whichever tenant (a system read: receipts carry no tenant). */
export async function findByProviderRef(tx: Db, channel: DeliveriesTable['channel'], providerRef: string): Promise<{ tenantId: string; id: string } | undefined> {
  const row = await tx.selectFrom('notify.deliveries').select(['tenant_id', 'id'])
    .where('provider_ref', '=', providerRef).where('channel', '=', channel).executeTakeFirst();
  return row ? { tenantId: row.tenant_id, id: row.id } : undefined;
}

/**
 * What the provider's receipt says of a sent message: `delivered`, or `bounced` with the reason. Only a sent
 * delivery changes, so a repeated or late receipt changes nothing; true when this one did.
 */
export async function recordReceipt(tx: Db, tenantId: string, id: string, receipt: { status: 'delivered' | 'bounced'; reason: string | null }): Promise<boolean> {
  const result = await tx.updateTable('notify.deliveries').set({ status: receipt.status, last_error: receipt.reason, updated_at: new Date() })
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('status', '=', 'sent').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
