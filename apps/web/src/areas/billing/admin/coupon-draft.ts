import type { CouponInput } from '../billing-api';
import { parseMoney, parsePercent } from '../money';

/** The coupon form as typed. */
export interface CouponDraft {
  code: string;
  kind: 'percent' | 'fixed';
  value: string;
  /** A day (`yyyy-mm-dd`); the coupon works until the end of it, in the admin's time zone. */
  expiresOn: string;
  maxRedemptions: string;
}

export const EMPTY_COUPON: CouponDraft = { code: '', kind: 'percent', value: '', expiresOn: '', maxRedemptions: '' };

/** The body of `POST /billing/coupons`, or the fields that cannot be read (`value`, `maxRedemptions`). */
export function couponInputOf(draft: CouponDraft, currency: string): { input: CouponInput; invalid: ('value' | 'maxRedemptions')[] } {
  const invalid: ('value' | 'maxRedemptions')[] = [];
  const input: CouponInput = { code: draft.code.trim() };
  const value = draft.kind === 'percent' ? parsePercent(draft.value) : parseMoney(draft.value, currency);
  if (!value.ok || value.minor === 0) invalid.push('value');
  else if (draft.kind === 'percent') input.percentBp = value.minor;
  else Object.assign(input, { amountMinor: value.minor, currency });
  if (draft.expiresOn) input.expiresAt = new Date(`${draft.expiresOn}T23:59:59`).toISOString();
  const uses = draft.maxRedemptions.trim();
  if (uses !== '' && !/^\d+$/.test(uses)) invalid.push('maxRedemptions');
  else if (uses !== '') input.maxRedemptions = Number(uses);
  return { input, invalid };
}
