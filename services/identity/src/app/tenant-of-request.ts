import { AppError, tenantOfHost, type RegisteredTenant } from '@tessera/platform';
import type { IdentityDeps } from './deps.js';

/**
 * The tenant a public request (sign-in, sign-up, reset) is for: the `tenant` slug it names, or the tenant
 * whose host it was sent to. Both given and different is refused, so a form cannot be replayed elsewhere.
 */
export async function tenantOfRequest(deps: IdentityDeps, slug: string | undefined, hostname: string): Promise<RegisteredTenant | undefined> {
  const byHost = await tenantOfHost(hostname, deps.tenants);
  if (!slug) {
    if (!byHost) throw new AppError('invalid', 'IDENTITY.TENANT_REQUIRED', 'Name the institution (`tenant`) or use its address', {
      errors: [{ pointer: '/body/tenant', detail: 'is required when the host does not name an institution' }],
    });
    return deps.tenants.get(byHost);
  }
  const bySlug = await deps.tenants.bySlug(slug);
  if (byHost && bySlug && byHost !== bySlug.id) {
    throw new AppError('unauthorized', 'AUTH.TENANT_MISMATCH', 'This institution cannot be signed in to from this address');
  }
  return bySlug;
}
