import type { Tx } from '@tessera/platform';
import type { NotifySettings, NotifySettingsInput } from '../contract/schemas.js';
import type { NotifyDatabase } from '../db/notify.table.js';
import { findSettings, saveSettings, type StoredSettings } from '../db/settings.repository.js';
import { DEFAULT_BRAND, type EmailBrand } from '../domain/email-render.js';
import type { NotifyDeps } from './deps.js';
import { notifyErrors } from './errors.js';

const NEVER_SET: StoredSettings = { sends_per_minute: null, brand_name: null, brand_color: null, brand_logo_url: null, email_footer: null, version: 0 };

/** The tenant's notify settings (defaults until its admins change them), read inside a transaction. */
export async function settingsIn(deps: Pick<NotifyDeps, 'config'>, tx: Tx<NotifyDatabase>, tenantId: string): Promise<NotifySettings> {
  return toSettings(deps, (await findSettings(tx, tenantId)) ?? NEVER_SET);
}

export async function settingsOf(deps: NotifyDeps, tenantId: string): Promise<NotifySettings> {
  return deps.db.withTenant<NotifyDatabase, NotifySettings>(tenantId, (tx) => settingsIn(deps, tx, tenantId));
}

/** Changes what the input names if the settings are still at `expectedVersion` (If-Match; 1 before any change). */
export async function changeSettings(deps: NotifyDeps, tenantId: string, expectedVersion: number, input: NotifySettingsInput): Promise<NotifySettings> {
  return deps.db.withTenant<NotifyDatabase, NotifySettings>(tenantId, async (tx) => {
    const stored = (await findSettings(tx, tenantId)) ?? NEVER_SET;
    const current = Math.max(stored.version, 1);
    if (current !== expectedVersion) throw notifyErrors.staleSettings(current);
    const changed: StoredSettings = {
      sends_per_minute: input.sendsPerMinute === undefined ? stored.sends_per_minute : input.sendsPerMinute,
      brand_name: input.brandName === undefined ? stored.brand_name : input.brandName,
      brand_color: input.brandColor === undefined ? stored.brand_color : input.brandColor,
      brand_logo_url: input.brandLogoUrl === undefined ? stored.brand_logo_url : input.brandLogoUrl,
      email_footer: input.emailFooter === undefined ? stored.email_footer : input.emailFooter,
      version: current + 1,
    };
    if (!await saveSettings(tx, tenantId, changed, stored.version)) throw notifyErrors.staleSettings(current + 1);
    return toSettings(deps, changed);
  });
}

function toSettings(deps: Pick<NotifyDeps, 'config'>, stored: StoredSettings): NotifySettings {
  return {
    sendsPerMinute: stored.sends_per_minute,
    effectiveSendsPerMinute: stored.sends_per_minute ?? deps.config.NOTIFY_SENDS_PER_MINUTE,
    brandName: stored.brand_name, brandColor: stored.brand_color, brandLogoUrl: stored.brand_logo_url, emailFooter: stored.email_footer,
    version: Math.max(stored.version, 1),
  };
}

/** How the tenant's emails look, from its settings. */
export function brandOf(settings: NotifySettings): EmailBrand {
  return {
    organisation: settings.brandName ?? DEFAULT_BRAND.organisation, color: settings.brandColor ?? DEFAULT_BRAND.color,
    logoUrl: settings.brandLogoUrl, footer: settings.emailFooter,
  };
}
