import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { LedgerEntry } from '../domain/ledger.js';
import type { BillingDatabase } from './billing.table.js';

type Db = Tx<BillingDatabase>;

/**
 * Appends a balanced entry once per `sourceKey` (a replay finds it there and adds nothing); returns whether it
 * was added. The database checks the balance again at commit (a deferred trigger).
 */
export async function appendEntry(tx: Db, tenantId: string, sourceKey: string, orderId: string | null, entry: LedgerEntry): Promise<boolean> {
  const id = randomUUID();
  const inserted = await tx.insertInto('billing.ledger_entries')
    .values({ tenant_id: tenantId, id, kind: entry.kind, memo: entry.memo, order_id: orderId, source_key: sourceKey })
    .onConflict((oc) => oc.columns(['tenant_id', 'source_key']).doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  await tx.insertInto('billing.ledger_postings').values(entry.postings.map((posting, seq) => ({
    tenant_id: tenantId, entry_id: id, seq, account: posting.account, currency: posting.currency, amount_minor: posting.amountMinor,
  }))).execute();
  return true;
}

export interface AccountBalanceRow { account: string; currency: string; balance: number }

/** Balances derived from the postings (never stored), optionally up to a point in time. */
export async function accountBalances(tx: Db, tenantId: string, asOf: Date | null): Promise<AccountBalanceRow[]> {
  const { rows } = await sql<AccountBalanceRow>`
    select account, currency, sum(amount_minor)::bigint as balance from billing.ledger_postings
    where tenant_id = ${tenantId} ${asOf ? sql`and created_at <= ${asOf}` : sql``}
    group by account, currency order by account, currency`.execute(tx);
  return rows.map((row) => ({ ...row, balance: Number(row.balance) }));
}
