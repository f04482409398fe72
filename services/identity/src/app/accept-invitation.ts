import type { IdentityDatabase } from '../db/identity.table.js';
import { findLiveToken } from '../db/one-time-token.repository.js';
import { consumeBudget } from '../domain/attempt-throttle.js';
import { readToken } from '../domain/opaque-tokens.js';
import type { IdentityDeps } from './deps.js';
import { storedName } from './display-name.js';
import { assertLinkTenantActive, invalidLink } from './invalid-link.js';
import { acceptInvitation } from './invitations.js';
import type { ClientInfo } from './sessions.js';

const ACCEPT_PER_IP_PER_MINUTE = 30;

/**
 * Accepts an invitation over the public API: checks the link before the costly password hash (forged
 * links cost no argon2 work), then lets `acceptInvitation` set the password and activate the user.
 */
export async function acceptInvitationLink(
  deps: IdentityDeps,
  input: { token: string; password: string; name?: string | undefined },
  client: ClientInfo,
): Promise<{ status: 'accepted' }> {
  await consumeBudget(deps.cache, 'accept-invitation-ip', client.ip ?? 'unknown', ACCEPT_PER_IP_PER_MINUTE);
  const name = input.name === undefined ? undefined : storedName(input.name);
  const parsed = readToken(input.token);
  if (!parsed) throw invalidLink();
  await assertLinkTenantActive(deps, parsed.tenantId);
  const live = await deps.db.withTenant<IdentityDatabase, unknown>(parsed.tenantId, (tx) => findLiveToken(tx, parsed.tenantId, parsed.hash, 'invitation'));
  if (!live) throw invalidLink();
  await acceptInvitation(deps, { token: input.token, password: input.password, name });
  return { status: 'accepted' };
}
