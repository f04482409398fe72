import type { LedgerBalances } from '../contract/schemas.js';
import type { BillingDatabase } from '../db/billing.table.js';
import { accountBalances, type AccountBalanceRow } from '../db/ledger.repository.js';
import { Accounts } from '../domain/ledger.js';
import type { BillingDeps } from './deps.js';

/** Every account's balance, derived from the postings, and the per-currency total (zero when the books balance). */
export async function ledgerBalances(deps: BillingDeps, tenantId: string, asOf: Date | null = null): Promise<LedgerBalances> {
  const rows = await deps.db.withTenant<BillingDatabase, AccountBalanceRow[]>(tenantId, (tx) => accountBalances(tx, tenantId, asOf));
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.currency, (totals.get(row.currency) ?? 0) + row.balance);
  return {
    accounts: rows.map((row) => ({ account: row.account, currency: row.currency, balanceMinor: row.balance })),
    totals: [...totals].map(([currency, sumMinor]) => ({ currency, sumMinor })),
  };
}

/** What the tenant owes a payee, per currency (their payable account's credit balance, as a positive amount). */
export async function earningsOf(deps: BillingDeps, tenantId: string, payeeId: string): Promise<Array<{ currency: string; balanceMinor: number }>> {
  const account = Accounts.payable(payeeId);
  const { accounts } = await ledgerBalances(deps, tenantId);
  return accounts.filter((row) => row.account === account).map((row) => ({ currency: row.currency, balanceMinor: -row.balanceMinor }));
}
