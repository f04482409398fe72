import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Accounts,
  LedgerError,
  assertBalanced,
  balances,
  chargeEntry,
  chargebackEntry,
  feeEntry,
  isBalanced,
  payoutEntry,
  refundEntry,
  refundParts,
  type LedgerEntry,
  type Posting,
} from '../src/domain/ledger.js';
import { MAX_AMOUNT_MINOR } from '../src/domain/money.js';
import { quote, type Quote, type QuoteInput } from '../src/domain/pricing.js';

const usd: Quote = quote({ unitPriceMinor: 1_999, currency: 'USD', coupon: { code: 'TEN', kind: 'percent', percentBp: 1_000 }, taxRateBp: 2_000, commissionBp: 3_000 });

function ledgerErrorCode(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof LedgerError) return error.code;
    throw error;
  }
}

describe('ledger examples', () => {
  it('posts a charge: clearing debited the total, each owner credited its part', () => {
    expect(chargeEntry(usd, 'u1')).toEqual({
      kind: 'charge',
      memo: expect.any(String),
      postings: [
        { account: 'clearing', amountMinor: 2_159, currency: 'USD' },
        { account: 'tax_payable', amountMinor: -360, currency: 'USD' },
        { account: 'platform_commission', amountMinor: -540, currency: 'USD' },
        { account: 'payable:u1', amountMinor: -1_259, currency: 'USD' },
      ],
    });
  });

  it('credits tenant revenue without a payee and leaves out zero postings', () => {
    const untaxed = quote({ unitPriceMinor: 1_000, currency: 'JPY', coupon: null, taxRateBp: 0, commissionBp: 0 });
    expect(chargeEntry(untaxed, null).postings).toEqual([
      { account: 'clearing', amountMinor: 1_000, currency: 'JPY' },
      { account: 'tenant_revenue', amountMinor: -1_000, currency: 'JPY' },
    ]);
  });

  it('has nothing to post for a free order', () => {
    const free = quote({ unitPriceMinor: 1_000, currency: 'USD', coupon: { code: 'ALL', kind: 'percent', percentBp: 10_000 }, taxRateBp: 2_000, commissionBp: 3_000 });
    expect(ledgerErrorCode(() => chargeEntry(free, 'u1'))).toBe('BILLING.NOTHING_TO_POST');
  });

  it('refuses an inconsistent quote and an empty payee id', () => {
    expect(ledgerErrorCode(() => chargeEntry({ ...usd, totalMinor: usd.totalMinor + 1 }, 'u1'))).toBe('BILLING.INVALID_QUOTE');
    expect(ledgerErrorCode(() => chargeEntry({ ...usd, taxMinor: 359.5, totalMinor: 2_158.5 }, 'u1'))).toBe('BILLING.INVALID_QUOTE');
    expect(ledgerErrorCode(() => chargeEntry(usd, ''))).toBe('BILLING.INVALID_PAYEE');
  });

  it('tells balanced entries from unbalanced ones', () => {
    const line = (account: string, amountMinor: number, currency = 'USD'): Posting => ({ account, amountMinor, currency });
    const entry = (...postings: Posting[]): LedgerEntry => ({ kind: 'fee', memo: 'test', postings });
    expect(isBalanced(entry(line('a', 5), line('b', -5)))).toBe(true);
    expect(isBalanced(entry(line('a', 5), line('b', -5), line('a', 7, 'EUR'), line('b', -7, 'EUR')))).toBe(true);
    expect(isBalanced(entry())).toBe(false);
    expect(isBalanced(entry(line('a', 0), line('b', 0)))).toBe(false);
    expect(isBalanced(entry(line('a', 5), line('b', -4)))).toBe(false);
    expect(isBalanced(entry(line('a', 5), line('b', -5, 'EUR')))).toBe(false);
    expect(isBalanced(entry(line('a', 0.5), line('b', -0.5)))).toBe(false);
    expect(isBalanced(entry(line('a', 5), line('b', -5), line('c', 0)))).toBe(false);
    const max = Number.MAX_SAFE_INTEGER;
    expect(isBalanced(entry(line('a', max), line('a', max), line('b', -max), line('b', -max)))).toBe(true);
    expect(ledgerErrorCode(() => assertBalanced(entry(line('a', 5))))).toBe('BILLING.UNBALANCED_ENTRY');
  });

  it('splits refunds that add up to the total back into the exact parts', () => {
    // Tax 1/3 of a total of 3: rounded against the total each part on its own would return 0 + 0 + 0 for 1.
    const thirds: Quote = { currency: 'USD', subtotalMinor: 2, discountMinor: 0, netMinor: 2, taxMinor: 1, totalMinor: 3, commissionMinor: 1, payeeMinor: 1 };
    const steps = [refundParts(thirds, 0, 1), refundParts(thirds, 1, 1), refundParts(thirds, 2, 1)];
    for (const parts of steps) expect(parts.taxMinor + parts.commissionMinor + parts.payeeMinor).toBe(1);
    expect(steps.reduce((sum, parts) => sum + parts.taxMinor, 0)).toBe(1);
    expect(steps.reduce((sum, parts) => sum + parts.commissionMinor, 0)).toBe(1);
    expect(steps.reduce((sum, parts) => sum + parts.payeeMinor, 0)).toBe(1);
  });

  it('refuses a refund that is not positive or not whole', () => {
    expect(ledgerErrorCode(() => refundParts(usd, 0, 0))).toBe('BILLING.INVALID_AMOUNT');
    expect(ledgerErrorCode(() => refundParts(usd, 0, -1))).toBe('BILLING.INVALID_AMOUNT');
    expect(ledgerErrorCode(() => refundParts(usd, 0, 1.5))).toBe('BILLING.INVALID_AMOUNT');
    expect(ledgerErrorCode(() => payoutEntry('u1', 0, 'USD'))).toBe('BILLING.INVALID_AMOUNT');
    expect(ledgerErrorCode(() => feeEntry(10, 'usd'))).toBe('BILLING.UNKNOWN_CURRENCY');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------

const currencies = ['USD', 'JPY', 'KWD', 'EUR'] as const;
const bp = fc.integer({ min: 0, max: 10_000 });
const price = fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: MAX_AMOUNT_MINOR }), fc.constantFrom(1, 3, MAX_AMOUNT_MINOR));
const quoteInput: fc.Arbitrary<QuoteInput> = fc.constantFrom(...currencies).chain((currency) =>
  fc.record({
    unitPriceMinor: price,
    currency: fc.constant(currency),
    taxRateBp: bp,
    commissionBp: bp,
    coupon: fc.oneof(
      fc.constant(null),
      fc.record({ code: fc.constant('P'), kind: fc.constant('percent' as const), percentBp: fc.integer({ min: 1, max: 9_999 }) }),
      fc.record({ code: fc.constant('F'), kind: fc.constant('fixed' as const), amountMinor: price, currency: fc.constant(currency) }),
    ),
  }),
);
/** A quote that moves money (a free order posts nothing). */
const paidQuote = quoteInput.map(quote).filter((q) => q.totalMinor > 0);
const payee = fc.constantFrom(null, 'u1', 'u2', 'u3');

/** Random cut points split the total into positive refunds that add up to it exactly. */
function splitTotal(total: number, cuts: readonly number[]): number[] {
  const points = [...new Set(cuts.map((cut) => cut % total).filter((cut) => cut > 0))].sort((a, b) => a - b);
  return [...points, total].map((point, index) => point - (index === 0 ? 0 : points[index - 1]!));
}

const purchase = fc.record({ q: paidQuote, payee, cuts: fc.array(fc.nat(), { maxLength: 6 }), keepLast: fc.boolean() });
type Purchase = { q: Quote; payee: string | null; refunds: number[] };

/** A small ledger that only accepts balanced entries, as the repository will. */
class Journal {
  readonly postings: Posting[] = [];
  post(entry: LedgerEntry): void {
    expect(isBalanced(entry)).toBe(true);
    this.postings.push(...entry.postings);
  }
  balance(account: string, currency: string): number {
    return balances(this.postings).get(`${account}|${currency}`) ?? 0;
  }
  /** The sum over all accounts, per currency: zero whenever only balanced entries were posted. */
  totalsByCurrency(): Map<string, number> {
    const totals = new Map<string, number>();
    for (const [key, amount] of balances(this.postings)) {
      const currency = key.slice(key.lastIndexOf('|') + 1);
      totals.set(currency, (totals.get(currency) ?? 0) + amount);
    }
    return totals;
  }
}

function expectAllTotalsZero(journal: Journal): void {
  for (const total of journal.totalsByCurrency().values()) expect(total).toBe(0);
}

/** Runs the charges and refunds of several purchases interleaved in the order `picks` chooses. */
function replay(purchases: readonly Purchase[], picks: readonly number[], afterEachStep: (journal: Journal) => void): Journal {
  const journal = new Journal();
  const progress = purchases.map(() => ({ charged: false, refunded: 0, next: 0 }));
  const pending = () => purchases.flatMap((p, i) => (!progress[i]!.charged || progress[i]!.next < p.refunds.length ? [i] : []));
  for (let step = 0; pending().length > 0; step++) {
    const open = pending();
    const index = open[(picks[step % Math.max(picks.length, 1)] ?? 0) % open.length]!;
    const { q, payee: to, refunds } = purchases[index]!;
    const state = progress[index]!;
    if (!state.charged) {
      journal.post(chargeEntry(q, to));
      state.charged = true;
    } else {
      const amount = refunds[state.next++]!;
      journal.post(refundEntry(q, to, state.refunded, amount));
      state.refunded += amount;
    }
    afterEachStep(journal);
  }
  return journal;
}

function toPurchase({ q, payee: to, cuts, keepLast }: { q: Quote; payee: string | null; cuts: number[]; keepLast: boolean }): Purchase {
  const refunds = splitTotal(q.totalMinor, cuts);
  return { q, payee: to, refunds: keepLast ? refunds : refunds.slice(0, -1) };
}

describe('ledger properties', () => {
  it('produces only balanced entries', () => {
    fc.assert(
      fc.property(paidQuote, payee, fc.nat(), fc.nat(), fc.nat({ max: 10_000 }), (q, to, beforeSeed, refundSeed, feeMinor) => {
        const before = beforeSeed % q.totalMinor;
        const refund = 1 + (refundSeed % (q.totalMinor - before));
        for (const entry of [
          chargeEntry(q, to),
          refundEntry(q, to, before, refund),
          chargebackEntry(q, to, before, q.totalMinor - before, feeMinor),
          payoutEntry('u1', refund, q.currency),
          feeEntry(refund, q.currency),
        ]) {
          expect(isBalanced(entry)).toBe(true);
          expect(entry.postings.every((posting) => posting.amountMinor !== 0 && posting.currency === q.currency)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('splits every refund into non-negative parts that add up to it, close to proportional, exact at the end', () => {
    fc.assert(
      fc.property(paidQuote, fc.array(fc.nat(), { maxLength: 8 }), (q, cuts) => {
        let refunded = 0;
        const returned = { taxMinor: 0, commissionMinor: 0, payeeMinor: 0 };
        for (const refund of splitTotal(q.totalMinor, cuts)) {
          const parts = refundParts(q, refunded, refund);
          expect(Math.min(parts.taxMinor, parts.commissionMinor, parts.payeeMinor)).toBeGreaterThanOrEqual(0);
          expect(parts.taxMinor + parts.commissionMinor + parts.payeeMinor).toBe(refund);
          refunded += refund;
          returned.taxMinor += parts.taxMinor;
          returned.commissionMinor += parts.commissionMinor;
          returned.payeeMinor += parts.payeeMinor;
          // Cumulatively, tax is the half-up rounded share; commission and payee stay within a unit or two.
          // |returned − whole × refunded / total| ≤ halfUnits / 2, in BigInt since the products pass 2^53.
          const within = (part: number, whole: number, halfUnits: bigint) => {
            const error = BigInt(part) * BigInt(q.totalMinor) - BigInt(whole) * BigInt(refunded);
            return 2n * (error < 0n ? -error : error) <= halfUnits * BigInt(q.totalMinor);
          };
          expect(within(returned.taxMinor, q.taxMinor, 1n)).toBe(true);
          expect(within(returned.commissionMinor, q.commissionMinor, 2n)).toBe(true);
          expect(within(returned.payeeMinor, q.payeeMinor, 3n)).toBe(true);
        }
        expect(returned).toEqual({ taxMinor: q.taxMinor, commissionMinor: q.commissionMinor, payeeMinor: q.payeeMinor });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the sum over all accounts zero after every step of interleaved purchases and partial refunds', () => {
    fc.assert(
      fc.property(fc.array(purchase, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (raw, picks) => {
        const purchases = raw.map(toPurchase);
        const journal = replay(purchases, picks, expectAllTotalsZero);
        for (const { q, refunds } of purchases) {
          expect(refunds.reduce((sum, r) => sum + r, 0)).toBeLessThanOrEqual(q.totalMinor);
        }
        // Liabilities never flip to the debit side: nothing is given back beyond what was taken.
        for (const [key, amount] of balances(journal.postings)) {
          if (!key.startsWith(`${Accounts.clearing}|`)) expect(amount).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('returns every account to exactly zero after refunding everything', () => {
    fc.assert(
      fc.property(fc.array(purchase, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (raw, picks) => {
        const purchases = raw.map((p) => toPurchase({ ...p, keepLast: true }));
        const journal = replay(purchases, picks, () => undefined);
        const final = balances(journal.postings);
        for (const [key, amount] of final) expect([key, amount]).toEqual([key, 0]);
        for (const { q, payee: to } of purchases) {
          for (const account of [Accounts.clearing, Accounts.taxPayable, Accounts.platformCommission, to === null ? Accounts.tenantRevenue : Accounts.payable(to)]) {
            // An account a zero part never touched has no key: also zero.
            expect(journal.balance(account, q.currency)).toBe(0);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('throws on a refund above what is left and posts nothing', () => {
    fc.assert(
      fc.property(paidQuote, payee, fc.nat(), fc.integer({ min: 1, max: MAX_AMOUNT_MINOR }), (q, to, beforeSeed, excess) => {
        const journal = new Journal();
        journal.post(chargeEntry(q, to));
        const before = beforeSeed % (q.totalMinor + 1);
        const tooMuch = q.totalMinor - before + excess;
        const snapshot = [...journal.postings];
        expect(ledgerErrorCode(() => journal.post(refundEntry(q, to, before, tooMuch)))).toBe('BILLING.REFUND_EXCEEDS_CAPTURED');
        expect(ledgerErrorCode(() => journal.post(chargebackEntry(q, to, before, tooMuch, 1_500)))).toBe('BILLING.REFUND_EXCEEDS_CAPTURED');
        expect(ledgerErrorCode(() => refundParts(q, before, tooMuch))).toBe('BILLING.REFUND_EXCEEDS_CAPTURED');
        expect(journal.postings).toEqual(snapshot);
      }),
      { numRuns: 200 },
    );
  });

  it('never unbalances the ledger with payouts and fees, and a full payout settles the payable', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ q: paidQuote, payee: fc.constantFrom('u1', 'u2') }), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 5 }), (sales, fees) => {
        const journal = new Journal();
        for (const { q, payee: to } of sales) journal.post(chargeEntry(q, to));
        for (const [i, fee] of fees.entries()) {
          journal.post(feeEntry(1 + (fee % 1_000), sales[i % sales.length]!.q.currency));
          expectAllTotalsZero(journal);
        }
        for (const [key, amount] of balances(journal.postings)) {
          if (!key.startsWith('payable:') || amount === 0) continue;
          const [account, currency] = key.split('|') as [string, string];
          const owed = -amount;
          // Two payouts, so a partial one is exercised too.
          const first = Math.ceil(owed / 2);
          journal.post(payoutEntry(account.slice('payable:'.length), first, currency));
          expectAllTotalsZero(journal);
          if (owed > first) journal.post(payoutEntry(account.slice('payable:'.length), owed - first, currency));
          expectAllTotalsZero(journal);
          expect(journal.balance(account, currency)).toBe(0);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reverses the rest of a charge on a chargeback and books the dispute fee', () => {
    fc.assert(
      fc.property(purchase, fc.nat({ max: 10_000 }), (raw, feeMinor) => {
        const { q, payee: to, refunds } = toPurchase({ ...raw, keepLast: false });
        const journal = new Journal();
        journal.post(chargeEntry(q, to));
        let refunded = 0;
        for (const refund of refunds) {
          journal.post(refundEntry(q, to, refunded, refund));
          refunded += refund;
        }
        journal.post(chargebackEntry(q, to, refunded, q.totalMinor - refunded, feeMinor));
        expectAllTotalsZero(journal);
        const payeeAccount = to === null ? Accounts.tenantRevenue : Accounts.payable(to);
        for (const account of [Accounts.taxPayable, Accounts.platformCommission, payeeAccount]) expect(journal.balance(account, q.currency)).toBe(0);
        expect(journal.balance(Accounts.clearing, q.currency)).toBe(0 - feeMinor); // 0 - 0 is +0, unlike -0
        expect(journal.balance(Accounts.processingFees, q.currency)).toBe(feeMinor);
      }),
      { numRuns: 150 },
    );
  });
});
