import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_MINOR, currencyExponent, formatMoney, isCurrency, isMinorAmount, mulDivRoundHalfUp } from '../src/domain/money.js';
import { PricingError, couponProblem, quote, type Coupon, type CouponRules, type QuoteInput } from '../src/domain/pricing.js';

// Intl separates a currency code from the number with a no-break space; compare with plain spaces.
const plain = (text: string) => text.replace(/\s/gu, ' ');

describe('money', () => {
  it('knows ISO 4217 codes, upper case only', () => {
    expect(isCurrency('USD')).toBe(true);
    expect(isCurrency('KWD')).toBe(true);
    expect(isCurrency('usd')).toBe(false);
    expect(isCurrency('XYZ')).toBe(false);
    expect(isCurrency('US')).toBe(false);
    expect(isCurrency('USDX')).toBe(false);
  });

  it('reads minor-unit digits from Intl', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('KWD')).toBe(3);
    expect(() => currencyExponent('usd')).toThrow(RangeError);
  });

  it('accepts only safe non-negative integers as amounts', () => {
    expect(isMinorAmount(0)).toBe(true);
    expect(isMinorAmount(MAX_AMOUNT_MINOR)).toBe(true);
    expect(isMinorAmount(Number.MAX_SAFE_INTEGER)).toBe(true);
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Infinity, '10', null, undefined, 10n]) {
      expect(isMinorAmount(bad)).toBe(false);
    }
  });

  it('formats minor units in the currency’s own digits', () => {
    expect(formatMoney(123456, 'USD')).toBe('$1,234.56');
    expect(formatMoney(5, 'USD')).toBe('$0.05');
    expect(formatMoney(-150, 'USD')).toBe('-$1.50');
    expect(formatMoney(1234, 'JPY')).toBe('¥1,234');
    expect(plain(formatMoney(1234, 'KWD'))).toBe('KWD 1.234');
    expect(plain(formatMoney(7, 'KWD'))).toBe('KWD 0.007');
    expect(plain(formatMoney(123456, 'EUR', 'de-DE'))).toBe('1.234,56 €');
  });

  it('formats amounts near 2^53 exactly', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD')).toBe('$90,071,992,547,409.91');
    expect(() => formatMoney(1.5, 'USD')).toThrow(RangeError);
  });

  it('rounds a × b / d half up, exactly, even past 2^53 in the product', () => {
    expect(mulDivRoundHalfUp(5, 1_000, 10_000)).toBe(1); // 0.5 → 1
    expect(mulDivRoundHalfUp(4, 1_000, 10_000)).toBe(0); // 0.4 → 0
    expect(mulDivRoundHalfUp(15, 1_000, 10_000)).toBe(2); // 1.5 → 2
    expect(mulDivRoundHalfUp(MAX_AMOUNT_MINOR * 2, MAX_AMOUNT_MINOR * 2 - 1, MAX_AMOUNT_MINOR * 2)).toBe(MAX_AMOUNT_MINOR * 2 - 1);
    expect(() => mulDivRoundHalfUp(1, 1, 0)).toThrow(RangeError);
  });
});

const open: CouponRules = { expiresAt: null, maxRedemptions: null, redemptions: 0, active: true };
const tenOff: Coupon = { code: 'TEN', kind: 'percent', percentBp: 1_000 };
const fiveDollars: Coupon = { code: 'FIVE', kind: 'fixed', amountMinor: 500, currency: 'USD' };
const now = new Date('2026-03-01T12:00:00Z');

describe('coupon problems', () => {
  it('accepts a live coupon', () => {
    expect(couponProblem(tenOff, open, 'USD', now)).toBeNull();
    expect(couponProblem(fiveDollars, { ...open, expiresAt: new Date(now.getTime() + 1), maxRedemptions: 3, redemptions: 2 }, 'USD', now)).toBeNull();
  });

  it('is expired from its expiry instant on', () => {
    expect(couponProblem(tenOff, { ...open, expiresAt: now }, 'USD', now)).toBe('expired');
    expect(couponProblem(tenOff, { ...open, expiresAt: new Date(now.getTime() - 60_000) }, 'USD', now)).toBe('expired');
  });

  it('is exhausted once redemptions reach the maximum', () => {
    expect(couponProblem(tenOff, { ...open, maxRedemptions: 3, redemptions: 3 }, 'USD', now)).toBe('exhausted');
    expect(couponProblem(tenOff, { ...open, maxRedemptions: 0, redemptions: 0 }, 'USD', now)).toBe('exhausted');
  });

  it('is inactive when switched off, whatever else holds', () => {
    expect(couponProblem(tenOff, { ...open, active: false, expiresAt: now, maxRedemptions: 0 }, 'USD', now)).toBe('inactive');
  });

  it('refuses a fixed coupon in another currency, not a percent one', () => {
    expect(couponProblem(fiveDollars, open, 'EUR', now)).toBe('currency_mismatch');
    expect(couponProblem(tenOff, open, 'EUR', now)).toBeNull();
  });
});

const base: QuoteInput = { unitPriceMinor: 1_999, currency: 'USD', coupon: null, taxRateBp: 2_000, commissionBp: 3_000 };

function pricingErrorCode(input: QuoteInput): string | undefined {
  try {
    quote(input);
    return undefined;
  } catch (error) {
    if (error instanceof PricingError) return error.code;
    throw error;
  }
}

describe('quote examples', () => {
  it('discounts, taxes the net and splits it, rounding half up', () => {
    // 10% of 19.99 = 1.999 → 2.00; tax 20% of 17.99 = 3.598 → 3.60; commission 30% of 17.99 = 5.397 → 5.40.
    expect(quote({ ...base, coupon: tenOff })).toEqual({
      currency: 'USD',
      subtotalMinor: 1_999,
      discountMinor: 200,
      netMinor: 1_799,
      taxMinor: 360,
      totalMinor: 2_159,
      commissionMinor: 540,
      payeeMinor: 1_259,
    });
  });

  it('rounds an exact half up', () => {
    const q = quote({ unitPriceMinor: 5, currency: 'JPY', coupon: null, taxRateBp: 1_000, commissionBp: 1_000 });
    expect(q.taxMinor).toBe(1);
    expect(q.commissionMinor).toBe(1);
  });

  it('caps a fixed coupon at the subtotal', () => {
    const q = quote({ ...base, unitPriceMinor: 300, coupon: fiveDollars });
    expect(q.discountMinor).toBe(300);
    expect(q.totalMinor).toBe(0);
  });

  it('refuses invalid input with a stable code', () => {
    expect(pricingErrorCode({ ...base, coupon: fiveDollars, currency: 'EUR' })).toBe('BILLING.COUPON_CURRENCY_MISMATCH');
    expect(pricingErrorCode({ ...base, currency: 'usd' })).toBe('BILLING.UNKNOWN_CURRENCY');
    expect(pricingErrorCode({ ...base, unitPriceMinor: 19.99 })).toBe('BILLING.INVALID_PRICE');
    expect(pricingErrorCode({ ...base, unitPriceMinor: -1 })).toBe('BILLING.INVALID_PRICE');
    expect(pricingErrorCode({ ...base, unitPriceMinor: MAX_AMOUNT_MINOR + 1 })).toBe('BILLING.INVALID_PRICE');
    expect(pricingErrorCode({ ...base, taxRateBp: 10_001 })).toBe('BILLING.INVALID_RATE');
    expect(pricingErrorCode({ ...base, commissionBp: 0.5 })).toBe('BILLING.INVALID_RATE');
    expect(pricingErrorCode({ ...base, coupon: { ...tenOff, percentBp: 0 } })).toBe('BILLING.INVALID_COUPON');
    expect(pricingErrorCode({ ...base, coupon: { ...fiveDollars, amountMinor: 0 } })).toBe('BILLING.INVALID_COUPON');
    expect(pricingErrorCode(base)).toBeUndefined();
  });
});

const currencies = ['USD', 'JPY', 'KWD', 'EUR'] as const;
const bp = fc.integer({ min: 0, max: 10_000 });
// Bias towards the edges, where rounding and caps go wrong.
const price = fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: MAX_AMOUNT_MINOR }), fc.constantFrom(0, 1, MAX_AMOUNT_MINOR));
const quoteInput = fc.constantFrom(...currencies).chain((currency) =>
  fc.record({
    unitPriceMinor: price,
    currency: fc.constant(currency),
    taxRateBp: bp,
    commissionBp: bp,
    coupon: fc.oneof(
      fc.constant(null),
      fc.record({ code: fc.constant('P'), kind: fc.constant('percent' as const), percentBp: fc.integer({ min: 1, max: 10_000 }) }),
      fc.record({ code: fc.constant('F'), kind: fc.constant('fixed' as const), amountMinor: price.map((n) => n + 1), currency: fc.constant(currency) }),
    ),
  }),
);

/** round-half-up(a·b/d) = r exactly when −d/2 < r·d − a·b ≤ d/2; checked in BigInt, apart from the code under test. */
function isHalfUp(result: number, a: number, b: number, d: number): boolean {
  const error = 2n * (BigInt(result) * BigInt(d) - BigInt(a) * BigInt(b));
  return error > -BigInt(d) && error <= BigInt(d);
}

describe('quote invariants (properties)', () => {
  it('keeps every part a safe non-negative integer and the parts consistent', () => {
    fc.assert(
      fc.property(quoteInput, (input) => {
        const q = quote(input);
        const parts = [q.subtotalMinor, q.discountMinor, q.netMinor, q.taxMinor, q.totalMinor, q.commissionMinor, q.payeeMinor];
        expect(parts.every(isMinorAmount)).toBe(true);
        expect(q.subtotalMinor).toBe(input.unitPriceMinor);
        expect(q.discountMinor).toBeLessThanOrEqual(q.subtotalMinor);
        expect(q.netMinor).toBe(q.subtotalMinor - q.discountMinor);
        expect(q.netMinor + q.taxMinor).toBe(q.totalMinor);
        expect(q.commissionMinor + q.payeeMinor).toBe(q.netMinor);
      }),
      { numRuns: 300 },
    );
  });

  it('rounds discount, tax and commission half up', () => {
    fc.assert(
      fc.property(quoteInput, (input) => {
        const q = quote(input);
        expect(isHalfUp(q.taxMinor, q.netMinor, input.taxRateBp, 10_000)).toBe(true);
        expect(isHalfUp(q.commissionMinor, q.netMinor, input.commissionBp, 10_000)).toBe(true);
        if (input.coupon?.kind === 'percent') expect(isHalfUp(q.discountMinor, q.subtotalMinor, input.coupon.percentBp, 10_000)).toBe(true);
        if (input.coupon?.kind === 'fixed') expect(q.discountMinor).toBe(Math.min(input.coupon.amountMinor, q.subtotalMinor));
      }),
      { numRuns: 300 },
    );
  });

  it('gives a total of zero with a 100% coupon', () => {
    fc.assert(
      fc.property(quoteInput, (input) => {
        const q = quote({ ...input, coupon: { code: 'FREE', kind: 'percent', percentBp: 10_000 } });
        expect([q.netMinor, q.taxMinor, q.totalMinor, q.commissionMinor, q.payeeMinor]).toEqual([0, 0, 0, 0, 0]);
      }),
      { numRuns: 100 },
    );
  });
});
