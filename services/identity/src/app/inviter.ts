import type { Principal } from '@tessera/platform';
import type { IdentityDatabase, UserRow } from '../db/identity.table.js';
import { findUserById } from '../db/user.repository.js';
import type { IdentityDeps } from './deps.js';

/** How an invitation names who sent it: the admin's name, or a neutral phrase for an API key. */
export async function inviterName(deps: IdentityDeps, principal: Principal): Promise<string> {
  if (principal.kind !== 'user') return 'Your administrator';
  const admin = await deps.db.withTenant<IdentityDatabase, UserRow | undefined>(principal.tenantId, (tx) =>
    findUserById(tx, principal.tenantId, principal.subject));
  return admin?.name ?? 'Your administrator';
}
