import type { Coupon, CouponInput } from '../contract/schemas.js';
import type { BillingDatabase } from '../db/billing.table.js';
import { deactivateCoupon, findCoupon, insertCoupon, listCoupons, type CouponRow } from '../db/coupon.repository.js';
import type { Coupon as DomainCoupon, CouponRules } from '../domain/pricing.js';
import { isCurrency } from '../domain/money.js';
import type { BillingDeps } from './deps.js';
import { billingErrors } from './errors.js';
import { settingsIn } from './settings.js';

/** Coupon codes are case-insensitive: stored and looked up in upper case. */
export function normaliseCode(code: string): string {
  return code.toUpperCase();
}

/** Creates a coupon: a percentage (`percentBp`) or a fixed amount in the tenant's currency, never both. */
export async function createCoupon(deps: BillingDeps, tenantId: string, input: CouponInput, now = new Date()): Promise<Coupon> {
  const problems = couponInputProblems(input, now);
  if (problems.length > 0) throw billingErrors.badCoupon(problems);
  const code = normaliseCode(input.code);
  return deps.db.withTenant<BillingDatabase, Coupon>(tenantId, async (tx) => {
    if (input.currency !== undefined) {
      const settings = await settingsIn(deps, tx, tenantId);
      if (input.currency !== settings.currency) throw billingErrors.currencyMismatch('/body/currency', settings.currency, input.currency);
    }
    const row = {
      code, kind: input.percentBp !== undefined ? 'percent' as const : 'fixed' as const,
      percent_bp: input.percentBp ?? null, amount_minor: input.amountMinor ?? null, currency: input.currency ?? null,
      expires_at: input.expiresAt ? new Date(input.expiresAt) : null, max_redemptions: input.maxRedemptions ?? null,
    };
    if (!await insertCoupon(tx, tenantId, row)) throw billingErrors.couponExists(code);
    return toCoupon({ ...row, redemptions: 0, active: true });
  });
}

function couponInputProblems(input: CouponInput, now: Date): Array<{ pointer: string; detail: string }> {
  const problems: Array<{ pointer: string; detail: string }> = [];
  const percent = input.percentBp !== undefined;
  const fixed = input.amountMinor !== undefined;
  if (percent === fixed) problems.push({ pointer: '/body', detail: 'give either percentBp or amountMinor with currency' });
  if (fixed && input.currency === undefined) problems.push({ pointer: '/body/currency', detail: 'is required with amountMinor' });
  if (percent && input.currency !== undefined) problems.push({ pointer: '/body/currency', detail: 'only goes with amountMinor' });
  if (input.currency !== undefined && !isCurrency(input.currency)) problems.push({ pointer: '/body/currency', detail: 'must be an ISO 4217 currency code' });
  if (input.expiresAt && new Date(input.expiresAt) <= now) problems.push({ pointer: '/body/expiresAt', detail: 'must be in the future' });
  return problems;
}

export async function couponsOf(deps: BillingDeps, tenantId: string, limit: number): Promise<Coupon[]> {
  return (await deps.db.withTenant<BillingDatabase, CouponRow[]>(tenantId, (tx) => listCoupons(tx, tenantId, limit))).map(toCoupon);
}

export async function endCoupon(deps: BillingDeps, tenantId: string, code: string): Promise<Coupon> {
  const normal = normaliseCode(code);
  return deps.db.withTenant<BillingDatabase, Coupon>(tenantId, async (tx) => {
    if (!await deactivateCoupon(tx, tenantId, normal)) throw billingErrors.couponNotFound(normal);
    const row = await findCoupon(tx, tenantId, normal);
    if (!row) throw billingErrors.couponNotFound(normal);
    return toCoupon(row);
  });
}

export function toCoupon(row: CouponRow): Coupon {
  return {
    code: row.code, kind: row.kind, percentBp: row.percent_bp, amountMinor: row.amount_minor, currency: row.currency,
    expiresAt: row.expires_at?.toISOString() ?? null, maxRedemptions: row.max_redemptions, redemptions: row.redemptions, active: row.active,
  };
}

/** The coupon as the pricing rules see it, with what limits its use. */
export function domainCoupon(row: CouponRow): { coupon: DomainCoupon; rules: CouponRules } {
  const coupon: DomainCoupon = row.kind === 'percent'
    ? { code: row.code, kind: 'percent', percentBp: row.percent_bp ?? 0 }
    : { code: row.code, kind: 'fixed', amountMinor: row.amount_minor ?? 0, currency: row.currency ?? '' };
  return { coupon, rules: { expiresAt: row.expires_at, maxRedemptions: row.max_redemptions, redemptions: row.redemptions, active: row.active } };
}
