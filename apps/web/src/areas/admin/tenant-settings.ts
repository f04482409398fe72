import type { Tenant, TenantSettings } from './types';

/**
 * Every setting of the tenant with `changes` applied. PATCH /tenant fills the settings a request leaves
 * out with their defaults (sign-up off, no MFA roles, no branding) instead of keeping them, so each form
 * sends them all; If-Match keeps this from overwriting someone else's change.
 */
export function fullSettings(tenant: Tenant, changes: Partial<TenantSettings>): TenantSettings {
  return { ...tenant.settings, ...changes };
}
