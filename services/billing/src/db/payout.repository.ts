import type { ColumnType, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { BillingDatabase } from './billing.table.js';

type Db = Tx<BillingDatabase>;
type CreatedAt = ColumnType<Date, Date | undefined, never>;

export type PayoutStatus = 'pending' | 'paid' | 'failed';

export interface PayoutSettingsTable {
  tenant_id: string;
  minimum_minor: number;
  version: number;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface PayoutsTable {
  tenant_id: string;
  id: string;
  payee_id: string;
  currency: string;
  amount_minor: number;
  status: PayoutStatus;
  provider_ref: string | null;
  run_id: string;
  period_end: Date;
  failure: string | null;
  created_at: CreatedAt;
  updated_at: Date;
}

/** The payout tables, seen through the billing transaction the use case opened. */
// A type alias, not an interface: `withTables` wants an index signature, which only aliases infer.
type PayoutTables = {
  'billing.payout_settings': PayoutSettingsTable;
  'billing.payouts': PayoutsTable;
};

export type PayoutRow = Omit<Selectable<PayoutsTable>, 'tenant_id'>;
export type NewPayoutRow = Pick<PayoutRow, 'id' | 'payee_id' | 'currency' | 'amount_minor' | 'run_id' | 'period_end'>;

const COLUMNS = ['id', 'payee_id', 'currency', 'amount_minor', 'status', 'provider_ref', 'run_id', 'period_end', 'failure', 'created_at', 'updated_at'] as const;

function payouts(tx: Db) {
  return tx.withTables<PayoutTables>();
}

/** The tenant's minimum payout and its version (undefined until an admin changed the default). */
export async function findPayoutSettings(tx: Db, tenantId: string): Promise<{ minimum_minor: number; version: number } | undefined> {
  return payouts(tx).selectFrom('billing.payout_settings').select(['minimum_minor', 'version']).where('tenant_id', '=', tenantId).executeTakeFirst();
}

/** Saves the minimum if the stored row is still at `expectedVersion` (0: none yet); false when it moved on. */
export async function savePayoutSettings(tx: Db, tenantId: string, minimumMinor: number, version: number, expectedVersion: number): Promise<boolean> {
  if (expectedVersion === 0) {
    const inserted = await payouts(tx).insertInto('billing.payout_settings').values({ tenant_id: tenantId, minimum_minor: minimumMinor, version })
      .onConflict((oc) => oc.column('tenant_id').doNothing()).executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const updated = await payouts(tx).updateTable('billing.payout_settings').set({ minimum_minor: minimumMinor, version, updated_at: new Date() })
    .where('tenant_id', '=', tenantId).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/**
 * Serialises payout runs of one tenant until the transaction ends: a run reads the payable balances and books
 * what it pays out, and a second run reading before the first committed would pay the same balance again.
 */
export async function lockPayoutRuns(tx: Db, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('billing.payouts'), hashtext(${tenantId}))`.execute(tx);
}

export interface PayableBalance { payeeId: string; currency: string; owedMinor: number }

/** What the tenant owes each payee now, per currency: the credit balances of `payable:*` (positive amounts). */
export async function payableBalances(tx: Db, tenantId: string, limit: number): Promise<PayableBalance[]> {
  const { rows } = await sql<{ account: string; currency: string; balance: number }>`
    select account, currency, sum(amount_minor)::bigint as balance from billing.ledger_postings
    where tenant_id = ${tenantId} and account like 'payable:%'
    group by account, currency having sum(amount_minor) < 0 order by account, currency limit ${limit}`.execute(tx);
  return rows.map((row) => ({ payeeId: row.account.slice('payable:'.length), currency: row.currency, owedMinor: -Number(row.balance) }));
}

/** Inserts the payout unless the run already pays this payee in this currency; returns whether it was added. */
export async function insertPayout(tx: Db, tenantId: string, row: NewPayoutRow): Promise<boolean> {
  const inserted = await payouts(tx).insertInto('billing.payouts').values({ tenant_id: tenantId, ...row, status: 'pending', updated_at: new Date() })
    .onConflict((oc) => oc.columns(['tenant_id', 'run_id', 'payee_id', 'currency']).doNothing()).executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findPayout(tx: Db, tenantId: string, id: string, lock = false): Promise<PayoutRow | undefined> {
  const query = payouts(tx).selectFrom('billing.payouts').select(COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function changePayout(tx: Db, tenantId: string, id: string, change: Updateable<Omit<PayoutsTable, 'tenant_id' | 'id'>>): Promise<void> {
  await payouts(tx).updateTable('billing.payouts').set({ ...change, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** The payouts of one run, oldest first. */
export async function payoutsOfRun(tx: Db, tenantId: string, runId: string): Promise<PayoutRow[]> {
  return payouts(tx).selectFrom('billing.payouts').select(COLUMNS).where('tenant_id', '=', tenantId).where('run_id', '=', runId)
    .orderBy('created_at').orderBy('id').execute();
}

/** Payouts booked but not yet confirmed by the provider, oldest first. */
export async function pendingPayouts(tx: Db, tenantId: string, limit: number): Promise<PayoutRow[]> {
  return payouts(tx).selectFrom('billing.payouts').select(COLUMNS).where('tenant_id', '=', tenantId).where('status', '=', 'pending')
    .orderBy('created_at').orderBy('id').limit(limit).execute();
}

/** A page of the payee's payouts (the tenant's when `payeeId` is null), newest first, after the cursor. */
export async function listPayouts(tx: Db, tenantId: string, payeeId: string | null, after: { createdAt: Date; id: string } | null, limit: number): Promise<PayoutRow[]> {
  let query = payouts(tx).selectFrom('billing.payouts').select(COLUMNS).where('tenant_id', '=', tenantId);
  if (payeeId !== null) query = query.where('payee_id', '=', payeeId);
  if (after) {
    query = query.where((eb) => eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]));
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** The payee's latest payout in `currency` before `payout` that was not reversed (its orders are settled). */
export async function previousPayout(tx: Db, tenantId: string, payout: PayoutRow): Promise<PayoutRow | undefined> {
  return payouts(tx).selectFrom('billing.payouts').select(COLUMNS)
    .where('tenant_id', '=', tenantId).where('payee_id', '=', payout.payee_id).where('currency', '=', payout.currency)
    .where('status', '!=', 'failed').where('id', '!=', payout.id)
    .where((eb) => eb.or([eb('created_at', '<', payout.created_at), eb.and([eb('created_at', '=', payout.created_at), eb('id', '<', payout.id)])]))
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export interface PayeePostingRow { orderId: string | null; kind: string; amountMinor: number; at: Date }

/**
 * The sales and refunds behind a payout: the postings on the payee's account in `currency` after `since`
 * (exclusive; null: from the start) up to `until` (inclusive), payouts and their reversals left out.
 */
export async function payeePostings(tx: Db, tenantId: string, payeeId: string, currency: string, since: Date | null, until: Date): Promise<PayeePostingRow[]> {
  const { rows } = await sql<{ order_id: string | null; kind: string; amount_minor: number; created_at: Date }>`
    select e.order_id, e.kind, p.amount_minor, p.created_at from billing.ledger_postings p
    join billing.ledger_entries e on e.tenant_id = p.tenant_id and e.id = p.entry_id
    where p.tenant_id = ${tenantId} and p.account = ${`payable:${payeeId}`} and p.currency = ${currency} and e.kind <> 'payout'
      and p.created_at <= ${until} ${since ? sql`and p.created_at > ${since}` : sql``}
    order by p.created_at, p.entry_id, p.seq`.execute(tx);
  return rows.map((row) => ({ orderId: row.order_id, kind: row.kind, amountMinor: -Number(row.amount_minor), at: new Date(row.created_at) }));
}

/** Tenants (of the database `tx` reads as the owner) that owe a payee something or have a payout to finish. */
export async function tenantsWithPayables(tx: Db, limit: number): Promise<string[]> {
  const { rows } = await sql<{ tenant_id: string }>`
    select tenant_id from billing.ledger_postings where account like 'payable:%'
    group by tenant_id, account, currency having sum(amount_minor) < 0
    union
    select tenant_id from billing.payouts where status = 'pending'
    limit ${limit}`.execute(tx);
  return rows.map((row) => row.tenant_id);
}
