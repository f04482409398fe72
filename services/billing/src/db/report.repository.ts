import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { BillingDatabase } from './billing.table.js';

type Db = Tx<BillingDatabase>;

export interface PeriodSumRow { currency: string; kind: string; account: string; sumMinor: number }

/** The postings booked in [from, to), summed per currency, entry kind and account. */
export async function periodPostingSums(tx: Db, tenantId: string, from: Date, to: Date): Promise<PeriodSumRow[]> {
  const { rows } = await sql<{ currency: string; kind: string; account: string; sum: number }>`
    select p.currency, e.kind, p.account, sum(p.amount_minor)::bigint as sum from billing.ledger_postings p
    join billing.ledger_entries e on e.tenant_id = p.tenant_id and e.id = p.entry_id
    where p.tenant_id = ${tenantId} and p.created_at >= ${from} and p.created_at < ${to}
    group by p.currency, e.kind, p.account order by p.currency, e.kind, p.account`.execute(tx);
  return rows.map((row) => ({ currency: row.currency, kind: row.kind, account: row.account, sumMinor: Number(row.sum) }));
}

/** Discounts of the orders charged in [from, to), per currency: the ledger books what was paid, not what was taken off. */
export async function periodDiscounts(tx: Db, tenantId: string, from: Date, to: Date): Promise<Array<{ currency: string; discountMinor: number }>> {
  const { rows } = await sql<{ currency: string; sum: number }>`
    select o.currency, sum(o.discount_minor)::bigint as sum from billing.ledger_entries e
    join billing.orders o on o.tenant_id = e.tenant_id and o.id = e.order_id
    where e.tenant_id = ${tenantId} and e.kind = 'charge' and e.created_at >= ${from} and e.created_at < ${to}
    group by o.currency order by o.currency`.execute(tx);
  return rows.map((row) => ({ currency: row.currency, discountMinor: Number(row.sum) }));
}
