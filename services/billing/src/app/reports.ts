import type { BillingDatabase } from '../db/billing.table.js';
import { periodDiscounts, periodPostingSums, type PeriodSumRow } from '../db/report.repository.js';
import { Accounts } from '../domain/ledger.js';
import type { BillingDeps } from './deps.js';
import { billingErrors } from './errors.js';

/** The longest period one report covers (a leap year). */
export const MAX_REPORT_DAYS = 366;
const DAY_MS = 24 * 60 * 60_000;

/** What a payee earned in the period (sales less refunds), and what was paid out to them. */
export interface PayeeLine { payeeId: string; amountMinor: number; paidOutMinor: number }

/**
 * One currency's movements in the period, from the ledger's postings, so each field is an account's change:
 * clearing moved by gross − refunds − fees − payouts; tax_payable, platform_commission and tenant_revenue by
 * minus their fields; processing_fees by fees; each payee's account by paidOut − amount.
 */
export interface CurrencySummary {
  currency: string;
  grossSalesMinor: number;
  refundsMinor: number;
  /** Taken off by coupons on the orders charged in the period (the ledger books only what was paid). */
  discountsMinor: number;
  taxMinor: number;
  commissionMinor: number;
  /** What the processor kept: each capture's fee and each chargeback's dispute fee (not counted as a refund). */
  feesMinor: number;
  payoutsMinor: number;
  tenantRevenueMinor: number;
  netPayable: PayeeLine[];
}

export interface FinancialSummary { from: string; to: string; rows: CurrencySummary[] }

/** The tenant's financial summary of [from, to): at most MAX_REPORT_DAYS, `from` before `to` (422 otherwise). */
export async function financialSummary(deps: BillingDeps, tenantId: string, from: Date, to: Date): Promise<FinancialSummary> {
  if (from.getTime() >= to.getTime()) throw billingErrors.badPeriod('/querystring/to', 'must be after from');
  if (to.getTime() - from.getTime() > MAX_REPORT_DAYS * DAY_MS) throw billingErrors.badPeriod('/querystring/to', `must be at most ${MAX_REPORT_DAYS} days after from`);
  const { sums, discounts } = await deps.db.withTenant<BillingDatabase, { sums: PeriodSumRow[]; discounts: Array<{ currency: string; discountMinor: number }> }>(tenantId, async (tx) => ({
    sums: await periodPostingSums(tx, tenantId, from, to),
    discounts: await periodDiscounts(tx, tenantId, from, to),
  }));
  return { from: from.toISOString(), to: to.toISOString(), rows: summarise(sums, discounts) };
}

/** Folds posting sums into one summary per currency (debit positive, credit negative, as booked). */
export function summarise(sums: readonly PeriodSumRow[], discounts: ReadonlyArray<{ currency: string; discountMinor: number }>): CurrencySummary[] {
  const rows = new Map<string, CurrencySummary>();
  const payees = new Map<string, Map<string, PayeeLine>>();
  const rowOf = (currency: string): CurrencySummary => {
    let row = rows.get(currency);
    if (!row) {
      row = { currency, grossSalesMinor: 0, refundsMinor: 0, discountsMinor: 0, taxMinor: 0, commissionMinor: 0, feesMinor: 0, payoutsMinor: 0, tenantRevenueMinor: 0, netPayable: [] };
      rows.set(currency, row);
      payees.set(currency, new Map());
    }
    return row;
  };
  for (const { currency, kind, account, sumMinor } of sums) {
    const row = rowOf(currency);
    const reversal = kind === 'refund' || kind === 'chargeback';
    if (account === Accounts.clearing && kind === 'charge') row.grossSalesMinor = add(row.grossSalesMinor, sumMinor);
    else if (account === Accounts.clearing && reversal) row.refundsMinor = add(row.refundsMinor, -sumMinor);
    else if (account === Accounts.processingFees) {
      row.feesMinor = add(row.feesMinor, sumMinor);
      // A chargeback takes its dispute fee out of clearing with the disputed amount: that part is a fee, not a refund.
      if (kind === 'chargeback') row.refundsMinor = add(row.refundsMinor, -sumMinor);
    } else if (account === Accounts.taxPayable) row.taxMinor = add(row.taxMinor, -sumMinor);
    else if (account === Accounts.platformCommission) row.commissionMinor = add(row.commissionMinor, -sumMinor);
    else if (account === Accounts.tenantRevenue) row.tenantRevenueMinor = add(row.tenantRevenueMinor, -sumMinor);
    else if (account.startsWith(PAYABLE)) {
      const lines = payees.get(currency)!;
      const payeeId = account.slice(PAYABLE.length);
      const line = lines.get(payeeId) ?? { payeeId, amountMinor: 0, paidOutMinor: 0 };
      if (kind === 'payout') line.paidOutMinor = add(line.paidOutMinor, sumMinor);
      else line.amountMinor = add(line.amountMinor, -sumMinor);
      lines.set(payeeId, line);
      if (kind === 'payout') row.payoutsMinor = add(row.payoutsMinor, sumMinor);
    }
  }
  for (const { currency, discountMinor } of discounts) rowOf(currency).discountsMinor = discountMinor;
  return [...rows.values()].map((row) => ({ ...row, netPayable: [...payees.get(row.currency)!.values()].sort((a, b) => a.payeeId.localeCompare(b.payeeId)) }));
}

const CSV_COLUMNS = ['currency', 'grossSalesMinor', 'refundsMinor', 'discountsMinor', 'taxMinor', 'commissionMinor', 'feesMinor', 'payoutsMinor', 'tenantRevenueMinor', 'payeeId', 'netPayableMinor', 'paidOutMinor'] as const;

/** The summary as CSV: a header, then one row per currency and payee (a currency without payees: one row, payee cells empty). */
export function summaryCsv(summary: FinancialSummary): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  for (const row of summary.rows) {
    const totals = [row.currency, row.grossSalesMinor, row.refundsMinor, row.discountsMinor, row.taxMinor, row.commissionMinor, row.feesMinor, row.payoutsMinor, row.tenantRevenueMinor];
    const payees = row.netPayable.length > 0 ? row.netPayable.map((line) => [line.payeeId, line.amountMinor, line.paidOutMinor]) : [['', '', '']];
    for (const payee of payees) lines.push([...totals, ...payee].map(String).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const PAYABLE = Accounts.payable('');

function add(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new Error('A report total is no longer a safe integer');
  return sum;
}
