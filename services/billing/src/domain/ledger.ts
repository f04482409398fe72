import { isCurrency, isMinorAmount, mulDivRoundHalfUp } from './money.js';
import type { Quote } from './pricing.js';

/** 'clearing' | 'tax_payable' | 'platform_commission' | 'tenant_revenue' | 'processing_fees' | `payable:${userId}` */
export type AccountCode = string;

/** The chart of accounts. `clearing` is money held at the payment processor; the credits are what it is owed to. */
export const Accounts = {
  clearing: 'clearing',
  taxPayable: 'tax_payable',
  platformCommission: 'platform_commission',
  tenantRevenue: 'tenant_revenue',
  processingFees: 'processing_fees',
  payable: (userId: string) => `payable:${userId}`,
} as const;

export type EntryKind = 'charge' | 'refund' | 'payout' | 'fee' | 'chargeback';

/** One line of an entry. Debit positive, credit negative. */
export interface Posting {
  account: AccountCode;
  amountMinor: number;
  currency: string;
}

/** A double-entry journal entry: its postings sum to zero in each currency. */
export interface LedgerEntry {
  kind: EntryKind;
  memo: string;
  postings: Posting[];
}

export type LedgerErrorCode =
  | 'BILLING.UNBALANCED_ENTRY'
  | 'BILLING.NOTHING_TO_POST'
  | 'BILLING.INVALID_AMOUNT'
  | 'BILLING.UNKNOWN_CURRENCY'
  | 'BILLING.INVALID_QUOTE'
  | 'BILLING.INVALID_PAYEE'
  | 'BILLING.REFUND_EXCEEDS_CAPTURED'
  | 'BILLING.BALANCE_OVERFLOW';

export class LedgerError extends Error {
  override readonly name = 'LedgerError';
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The refunded share of each credited part of a charge. */
export interface RefundParts {
  taxMinor: number;
  commissionMinor: number;
  payeeMinor: number;
}

/** At least two non-zero safe-integer postings that sum to zero per currency. */
export function isBalanced(entry: LedgerEntry): boolean {
  if (entry.postings.length < 2) return false;
  // BigInt sums: many large postings could pass 2^53 on the way and hide an imbalance.
  const sums = new Map<string, bigint>();
  for (const posting of entry.postings) {
    if (!Number.isSafeInteger(posting.amountMinor) || posting.amountMinor === 0) return false;
    sums.set(posting.currency, (sums.get(posting.currency) ?? 0n) + BigInt(posting.amountMinor));
  }
  return [...sums.values()].every((sum) => sum === 0n);
}

export function assertBalanced(entry: LedgerEntry): void {
  if (!isBalanced(entry)) throw new LedgerError('BILLING.UNBALANCED_ENTRY', `Unbalanced ${entry.kind} entry: ${entry.memo}`);
}

/** A captured payment: the processor holds the total, owed to the tax authority, the platform and the payee. */
export function chargeEntry(q: Quote, payee: string | null): LedgerEntry {
  assertQuote(q);
  return entry('charge', `charge of ${q.totalMinor} ${q.currency}`, q.currency, [
    [Accounts.clearing, q.totalMinor],
    [Accounts.taxPayable, -q.taxMinor],
    [Accounts.platformCommission, -q.commissionMinor],
    [payeeAccount(payee), -q.payeeMinor],
  ]);
}

/**
 * Splits a refund of `refundMinor`, after `refundedBeforeMinor` was already refunded, across the credited
 * parts. Shares are cumulative — this refund's share is share(before + refund) − share(before) — so any
 * sequence of partial refunds that adds up to the total gives back every part exactly.
 *
 * The split is two-level, mirroring the quote: the refunded amount C is first split into tax
 * (roundHalfUp(tax × C / total)) and net (the rest); the net is then split into commission
 * (roundHalfUp(commission × net / netTotal)) and payee (the rest). Rounding each of the three parts against
 * the total on its own would not add up to the refund, and deriving one as the remainder of two independently
 * rounded ones can step backwards (a negative share); a rounded part plus its remainder never does.
 */
export function refundParts(q: Quote, refundedBeforeMinor: number, refundMinor: number): RefundParts {
  assertQuote(q);
  requireAmount('refundedBeforeMinor', refundedBeforeMinor, false);
  requireAmount('refundMinor', refundMinor, true);
  if (refundedBeforeMinor + refundMinor > q.totalMinor) {
    throw new LedgerError('BILLING.REFUND_EXCEEDS_CAPTURED', `Refund of ${refundMinor} after ${refundedBeforeMinor} exceeds the captured ${q.totalMinor}`);
  }
  const before = cumulativeShares(q, refundedBeforeMinor);
  const after = cumulativeShares(q, refundedBeforeMinor + refundMinor);
  return {
    taxMinor: after.taxMinor - before.taxMinor,
    commissionMinor: after.commissionMinor - before.commissionMinor,
    payeeMinor: after.payeeMinor - before.payeeMinor,
  };
}

/** The mirror of `chargeEntry` for the refunded parts. */
export function refundEntry(q: Quote, payee: string | null, refundedBeforeMinor: number, refundMinor: number): LedgerEntry {
  const parts = refundParts(q, refundedBeforeMinor, refundMinor);
  return entry('refund', `refund of ${refundMinor} ${q.currency} after ${refundedBeforeMinor}`, q.currency, reversal(parts, payee, refundMinor));
}

/** Money leaves the processor to a payee, settling what the platform owes them. */
export function payoutEntry(payee: string, amountMinor: number, currency: string): LedgerEntry {
  requireAmount('amountMinor', amountMinor, true);
  requireCurrency(currency);
  return entry('payout', `payout of ${amountMinor} ${currency} to ${payee}`, currency, [
    [payeeAccount(payee), amountMinor],
    [Accounts.clearing, -amountMinor],
  ]);
}

/** A processing fee the processor kept out of the money it holds. */
export function feeEntry(amountMinor: number, currency: string): LedgerEntry {
  requireAmount('amountMinor', amountMinor, true);
  requireCurrency(currency);
  return entry('fee', `processing fee of ${amountMinor} ${currency}`, currency, [
    [Accounts.processingFees, amountMinor],
    [Accounts.clearing, -amountMinor],
  ]);
}

/**
 * A lost dispute: the disputed amount is reversed like a refund (it may be less than what is left when the
 * buyer disputed part of the charge), and the processor also takes its dispute fee out of clearing.
 *
 * The tenant bears the fee in `processing_fees`, its expense account for whatever the processor keeps (a
 * charge's fee goes there too): debiting `tenant_revenue` would hide a cost inside revenue and, for a sale
 * paid out to an instructor, push an account that was never credited below zero; and a separate dispute-fee
 * account would split one kind of cost that reports already show, as `feesMinor`, next to refunds.
 */
export function chargebackEntry(q: Quote, payee: string | null, refundedBeforeMinor: number, disputedMinor: number, feeMinor: number): LedgerEntry {
  const parts = refundParts(q, refundedBeforeMinor, disputedMinor);
  requireAmount('feeMinor', feeMinor, false);
  const memo = `chargeback of ${disputedMinor} ${q.currency} after ${refundedBeforeMinor}, fee ${feeMinor}`;
  return entry('chargeback', memo, q.currency, [...reversal(parts, payee, disputedMinor + feeMinor), [Accounts.processingFees, feeMinor]]);
}

/** Sums postings by `${account}|${currency}`; accounts that net to zero stay in the map with 0. */
export function balances(postings: readonly Posting[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const posting of postings) {
    const key = `${posting.account}|${posting.currency}`;
    const sum = (totals.get(key) ?? 0) + posting.amountMinor;
    if (!Number.isSafeInteger(sum)) throw new LedgerError('BILLING.BALANCE_OVERFLOW', `Balance of ${key} is no longer a safe integer`);
    totals.set(key, sum);
  }
  return totals;
}

type Line = readonly [account: AccountCode, amountMinor: number];

function reversal(parts: RefundParts, payee: string | null, clearingCreditMinor: number): Line[] {
  return [
    [Accounts.clearing, -clearingCreditMinor],
    [Accounts.taxPayable, parts.taxMinor],
    [Accounts.platformCommission, parts.commissionMinor],
    [payeeAccount(payee), parts.payeeMinor],
  ];
}

/** Builds an entry without its zero lines and refuses to hand out one that does not balance. */
function entry(kind: EntryKind, memo: string, currency: string, lines: readonly Line[]): LedgerEntry {
  const postings = lines.filter(([, amountMinor]) => amountMinor !== 0).map(([account, amountMinor]) => ({ account, amountMinor, currency }));
  // A free order (a 100% coupon) moves no money; the caller records it without a ledger entry.
  if (postings.length === 0) throw new LedgerError('BILLING.NOTHING_TO_POST', `Nothing to post for ${memo}`);
  const built: LedgerEntry = { kind, memo, postings };
  assertBalanced(built);
  return built;
}

function cumulativeShares(q: Quote, refundedMinor: number): RefundParts {
  if (refundedMinor === 0) return { taxMinor: 0, commissionMinor: 0, payeeMinor: 0 };
  const taxMinor = mulDivRoundHalfUp(q.taxMinor, refundedMinor, q.totalMinor);
  const netMinor = refundedMinor - taxMinor;
  // A positive total with a zero net would mean tax on nothing; assertQuote rules that out.
  const commissionMinor = netMinor === 0 ? 0 : mulDivRoundHalfUp(q.commissionMinor, netMinor, q.netMinor);
  return { taxMinor, commissionMinor, payeeMinor: netMinor - commissionMinor };
}

function payeeAccount(payee: string | null): AccountCode {
  if (payee === null) return Accounts.tenantRevenue;
  if (payee.length === 0) throw new LedgerError('BILLING.INVALID_PAYEE', 'A payee id must not be empty');
  return Accounts.payable(payee);
}

function assertQuote(q: Quote): void {
  const parts = [q.subtotalMinor, q.discountMinor, q.netMinor, q.taxMinor, q.totalMinor, q.commissionMinor, q.payeeMinor];
  const consistent =
    parts.every(isMinorAmount) &&
    q.netMinor + q.taxMinor === q.totalMinor &&
    q.commissionMinor + q.payeeMinor === q.netMinor &&
    (q.netMinor > 0 || q.taxMinor === 0) &&
    isCurrency(q.currency);
  if (!consistent) throw new LedgerError('BILLING.INVALID_QUOTE', `Inconsistent quote for ${q.totalMinor} ${q.currency}`);
}

function requireAmount(name: string, value: number, positive: boolean): void {
  if (!isMinorAmount(value) || (positive && value === 0)) {
    throw new LedgerError('BILLING.INVALID_AMOUNT', `${name} must be a ${positive ? 'positive' : 'non-negative'} safe integer, got ${value}`);
  }
}

function requireCurrency(currency: string): void {
  if (!isCurrency(currency)) throw new LedgerError('BILLING.UNKNOWN_CURRENCY', `Unknown currency ${JSON.stringify(currency)}`);
}
