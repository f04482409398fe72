import { MAX_AMOUNT_MINOR, isCurrency, isMinorAmount, mulDivRoundHalfUp } from './money.js';

/** A discount: a share of the price in basis points (1..10000), or a fixed amount in one currency. */
export type Coupon =
  | { code: string; kind: 'percent'; percentBp: number; currency?: undefined }
  | { code: string; kind: 'fixed'; amountMinor: number; currency: string };

/** The redemption state of a coupon, kept apart from its terms. */
export interface CouponRules {
  expiresAt: Date | null;
  maxRedemptions: number | null;
  redemptions: number;
  active: boolean;
}

/** What a buyer is quoted for one item. Rates are basis points (0..10000); tax is added on top of the net. */
export interface QuoteInput {
  unitPriceMinor: number;
  currency: string;
  coupon: Coupon | null;
  taxRateBp: number;
  /** The platform's part of the net; the rest goes to the payee. */
  commissionBp: number;
}

/** Every part of a price, in minor units: net + tax = total and commission + payee = net. */
export interface Quote {
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  commissionMinor: number;
  payeeMinor: number;
}

export type CouponProblem = 'expired' | 'exhausted' | 'inactive' | 'currency_mismatch';

/** Codes of a `PricingError`; stable, so callers and clients can branch on them. */
export type PricingErrorCode = 'BILLING.INVALID_PRICE' | 'BILLING.INVALID_RATE' | 'BILLING.UNKNOWN_CURRENCY' | 'BILLING.INVALID_COUPON' | 'BILLING.COUPON_CURRENCY_MISMATCH';

export class PricingError extends Error {
  override readonly name = 'PricingError';
  constructor(
    readonly code: PricingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const FULL_BP = 10_000;

/** Prices one item: discount, then tax on the net, then the platform/payee split of the net. */
export function quote(input: QuoteInput): Quote {
  validateQuoteInput(input);
  const subtotalMinor = input.unitPriceMinor;
  const discountMinor = discountOf(input.coupon, subtotalMinor, input.currency);
  const netMinor = subtotalMinor - discountMinor;
  const taxMinor = mulDivRoundHalfUp(netMinor, input.taxRateBp, FULL_BP);
  const commissionMinor = mulDivRoundHalfUp(netMinor, input.commissionBp, FULL_BP);
  return {
    currency: input.currency,
    subtotalMinor,
    discountMinor,
    netMinor,
    taxMinor,
    totalMinor: netMinor + taxMinor,
    commissionMinor,
    payeeMinor: netMinor - commissionMinor,
  };
}

/**
 * Why a coupon cannot be redeemed now, or null when it can. A switched-off coupon reports `inactive`
 * whatever else holds, since reactivating it is the only fix an operator could make.
 */
export function couponProblem(coupon: Coupon, rules: CouponRules, currency: string, now: Date): CouponProblem | null {
  if (!rules.active) return 'inactive';
  // The expiry instant is the first moment the coupon no longer works.
  if (rules.expiresAt !== null && now.getTime() >= rules.expiresAt.getTime()) return 'expired';
  if (rules.maxRedemptions !== null && rules.redemptions >= rules.maxRedemptions) return 'exhausted';
  if (coupon.kind === 'fixed' && coupon.currency !== currency) return 'currency_mismatch';
  return null;
}

function discountOf(coupon: Coupon | null, subtotalMinor: number, currency: string): number {
  if (coupon === null) return 0;
  if (coupon.kind === 'percent') return mulDivRoundHalfUp(subtotalMinor, coupon.percentBp, FULL_BP);
  if (coupon.currency !== currency) {
    throw new PricingError('BILLING.COUPON_CURRENCY_MISMATCH', `Coupon ${coupon.code} is in ${coupon.currency}, the price in ${currency}`);
  }
  return Math.min(coupon.amountMinor, subtotalMinor);
}

function validateQuoteInput(input: QuoteInput): void {
  if (!isCurrency(input.currency)) throw new PricingError('BILLING.UNKNOWN_CURRENCY', `Unknown currency ${JSON.stringify(input.currency)}`);
  if (!isMinorAmount(input.unitPriceMinor) || input.unitPriceMinor > MAX_AMOUNT_MINOR) {
    throw new PricingError('BILLING.INVALID_PRICE', `Price must be an integer in 0..${MAX_AMOUNT_MINOR} minor units, got ${input.unitPriceMinor}`);
  }
  requireBp('taxRateBp', input.taxRateBp, 0);
  requireBp('commissionBp', input.commissionBp, 0);
  if (input.coupon !== null) validateCoupon(input.coupon);
}

function validateCoupon(coupon: Coupon): void {
  if (coupon.kind === 'percent') {
    if (!isBp(coupon.percentBp, 1)) throw new PricingError('BILLING.INVALID_COUPON', `Coupon ${coupon.code}: percentBp must be an integer in 1..${FULL_BP}`);
    return;
  }
  if (!isMinorAmount(coupon.amountMinor) || coupon.amountMinor === 0) {
    throw new PricingError('BILLING.INVALID_COUPON', `Coupon ${coupon.code}: amountMinor must be a positive safe integer`);
  }
}

function requireBp(name: string, value: number, min: number): void {
  if (!isBp(value, min)) throw new PricingError('BILLING.INVALID_RATE', `${name} must be an integer in ${min}..${FULL_BP}, got ${value}`);
}

function isBp(value: number, min: number): boolean {
  return Number.isSafeInteger(value) && value >= min && value <= FULL_BP;
}
