import type { BillingSettings, BillingSettingsChange } from '../billing-api';
import { parsePercent, percentText } from '../money';

/** The terms form's fields as typed; percentages as people write them ("20", "12.5"). */
export interface TermsDraft {
  currency: string;
  commission: string;
  tax: string;
  refundWindowDays: string;
}

export type TermsField = keyof TermsDraft;

export function termsDraftOf(settings: BillingSettings): TermsDraft {
  return {
    currency: settings.currency,
    commission: percentText(settings.commissionBp),
    tax: percentText(settings.taxRateBp),
    refundWindowDays: String(settings.refundWindowDays),
  };
}

/** The body of `PUT /billing/settings` (only what changed), or the fields that cannot be read as numbers. */
export function termsChangeOf(saved: BillingSettings, draft: TermsDraft): { change: BillingSettingsChange; invalid: TermsField[] } {
  const change: BillingSettingsChange = {};
  const invalid: TermsField[] = [];
  const currency = draft.currency.trim().toUpperCase();
  if (currency !== saved.currency) change.currency = currency;
  const commission = parsePercent(draft.commission);
  if (!commission.ok) invalid.push('commission');
  else if (commission.minor !== saved.commissionBp) change.commissionBp = commission.minor;
  const tax = parsePercent(draft.tax);
  if (!tax.ok) invalid.push('tax');
  else if (tax.minor !== saved.taxRateBp) change.taxRateBp = tax.minor;
  const days = draft.refundWindowDays.trim();
  if (!/^\d+$/.test(days)) invalid.push('refundWindowDays');
  else if (Number(days) !== saved.refundWindowDays) change.refundWindowDays = Number(days);
  return { change, invalid };
}

/** The API's name of each field (its problems point at `/body/<name>`). */
export const API_FIELD: Record<TermsField, string> = { currency: 'currency', commission: 'commissionBp', tax: 'taxRateBp', refundWindowDays: 'refundWindowDays' };
