import { AppError } from '@tessera/platform';
import type { IdentityDeps } from './deps.js';

/** The one answer for an email link that is forged, used, expired, or for an account that can no longer use it. */
export function invalidLink(): AppError {
  return new AppError('unprocessable', 'IDENTITY.INVALID_LINK', 'This link is not valid, was already used or has expired');
}

/** Throws `invalidLink` unless the tenant a link names is active (a suspended tenant's links wait). */
export async function assertLinkTenantActive(deps: IdentityDeps, tenantId: string): Promise<void> {
  const tenant = await deps.tenants.get(tenantId);
  if (tenant?.status !== 'active') throw invalidLink();
}
