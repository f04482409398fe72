import type { Tx } from '@tessera/platform';
import type { BillingSettings, BillingSettingsInput } from '../contract/schemas.js';
import type { BillingDatabase } from '../db/billing.table.js';
import { findSettings, saveSettings, type StoredSettings } from '../db/settings.repository.js';
import { isCurrency } from '../domain/money.js';
import type { BillingDeps } from './deps.js';
import { billingErrors } from './errors.js';

/** The tenant's billing terms (the configured defaults until its admins change them), inside a transaction. */
export async function settingsIn(deps: Pick<BillingDeps, 'config'>, tx: Tx<BillingDatabase>, tenantId: string): Promise<BillingSettings> {
  return toSettings((await findSettings(tx, tenantId)) ?? defaults(deps));
}

export async function settingsOf(deps: BillingDeps, tenantId: string): Promise<BillingSettings> {
  return deps.db.withTenant<BillingDatabase, BillingSettings>(tenantId, (tx) => settingsIn(deps, tx, tenantId));
}

/** Changes what the input names if the settings are still at `expectedVersion` (If-Match; 1 before any change). */
export async function changeSettings(deps: BillingDeps, tenantId: string, expectedVersion: number, input: BillingSettingsInput): Promise<BillingSettings> {
  if (input.currency !== undefined && !isCurrency(input.currency)) throw billingErrors.unknownCurrency('/body/currency', input.currency);
  return deps.db.withTenant<BillingDatabase, BillingSettings>(tenantId, async (tx) => {
    const stored = await findSettings(tx, tenantId);
    const current = stored ?? defaults(deps);
    if (current.version !== expectedVersion) throw billingErrors.staleSettings(current.version);
    const changed: StoredSettings = {
      currency: input.currency ?? current.currency,
      commission_bp: input.commissionBp ?? current.commission_bp,
      tax_rate_bp: input.taxRateBp ?? current.tax_rate_bp,
      refund_window_days: input.refundWindowDays ?? current.refund_window_days,
      version: current.version + 1,
    };
    if (!await saveSettings(tx, tenantId, changed, stored ? stored.version : 0)) throw billingErrors.staleSettings(current.version + 1);
    return toSettings(changed);
  });
}

function defaults(deps: Pick<BillingDeps, 'config'>): StoredSettings {
  return {
    currency: deps.config.BILLING_DEFAULT_CURRENCY, commission_bp: deps.config.BILLING_COMMISSION_BP,
    tax_rate_bp: deps.config.BILLING_TAX_RATE_BP, refund_window_days: deps.config.BILLING_REFUND_WINDOW_DAYS, version: 1,
  };
}

function toSettings(stored: StoredSettings): BillingSettings {
  return {
    currency: stored.currency, commissionBp: stored.commission_bp, taxRateBp: stored.tax_rate_bp,
    refundWindowDays: stored.refund_window_days, version: stored.version,
  };
}
