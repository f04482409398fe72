import { randomUUID } from 'node:crypto';
import type { Tx } from '@tessera/platform';
import { IdentityEvents } from '../contract/events.js';
import type { IdentityDatabase, UserRow } from '../db/identity.table.js';
import { findLinkedUserId, linkIdentity } from '../db/sso.repository.js';
import { findUserByEmail, findUserById, insertUser } from '../db/user.repository.js';
import { cleanName, emailKey } from '../domain/email.js';
import type { OidcIdentity } from '../sso/oidc-client.js';
import type { IdentityDeps } from './deps.js';
import { userEvent } from './user-events.js';

/** Why an SSO sign-in found no account to open: logged, never shown (the browser only learns "sso_failed"). */
export class SsoAccountRefused extends Error {
  constructor(readonly reason: 'account_not_active' | 'email_not_verified' | 'email_invalid') {
    super(`SSO sign-in refused: ${reason}`);
    this.name = 'SsoAccountRefused';
  }
}

const EMAIL_SHAPE = /^[\x21-\x3f\x41-\x7e]+@[\x21-\x3f\x41-\x7e]+$/;
// eslint-disable-next-line no-control-regex -- control and invisible characters are what it removes (as DisplayName refuses them)
const UNSAFE_NAME_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * The active user an identity provider's subject signs in as:
 * 1. the user already linked to (issuer, subject);
 * 2. else, only when the provider says the email is verified, the user with that email, linked now;
 * 3. else, with a verified email nobody in the tenant has, a new active user with the connection's default
 *    roles and no password, linked now.
 * An unverified (or missing) email neither links nor creates: whoever controls the provider account may not
 * own the address, and taking an existing account — or the address, for its real owner — on that word
 * would be an account takeover. Deactivated and not-yet-accepted (invited) users are refused.
 */
export async function accountForIdentity(
  deps: IdentityDeps,
  tenantId: string,
  identity: OidcIdentity,
  defaultRoles: string[],
): Promise<{ user: UserRow; created: boolean }> {
  return deps.db.withTenant<IdentityDatabase, { user: UserRow; created: boolean }>(tenantId, async (tx) => {
    const linkedId = await findLinkedUserId(tx, tenantId, identity.issuer, identity.subject);
    if (linkedId) return { user: activeOnly(await findUserById(tx, tenantId, linkedId)), created: false };
    if (!identity.emailVerified || identity.email === undefined) throw new SsoAccountRefused('email_not_verified');
    const email = identity.email.trim();
    if (email.length > 254 || !EMAIL_SHAPE.test(email)) throw new SsoAccountRefused('email_invalid');

    const existing = await findUserByEmail(tx, tenantId, emailKey(email));
    const created = existing ? undefined : await createUser(deps, tx, tenantId, email, identity.name, defaultRoles);
    // A concurrent first sign-in may have created the same address a moment ago: then it is the existing user.
    const user = activeOnly(created ?? existing ?? (await findUserByEmail(tx, tenantId, emailKey(email))));
    const linkedTo = await linkIdentity(tx, tenantId, identity.issuer, identity.subject, user.id);
    if (linkedTo !== user.id) return { user: activeOnly(await findUserById(tx, tenantId, linkedTo)), created: false };
    return { user, created: created !== undefined };
  });
}

async function createUser(
  deps: IdentityDeps,
  tx: Tx<IdentityDatabase>,
  tenantId: string,
  email: string,
  name: string | undefined,
  roles: string[],
): Promise<UserRow | undefined> {
  const user = await insertUser(tx, tenantId, {
    id: randomUUID(), email, emailKey: emailKey(email), name: displayName(name, email), status: 'active', roles, passwordHash: null, emailVerified: true,
  });
  if (user) await deps.outbox.emit(tx, tenantId, [userEvent(IdentityEvents.userRegistered, user)]);
  return user;
}

function activeOnly(user: UserRow | undefined): UserRow {
  if (!user || user.status !== 'active') throw new SsoAccountRefused('account_not_active');
  return user;
}

/** The provider's name for the person, made safe to show (as DisplayName demands), or the email's local part. */
function displayName(given: string | undefined, email: string): string {
  const cleaned = cleanName((given ?? '').replace(UNSAFE_NAME_CHARACTERS, ' ')).slice(0, 120).trim();
  return cleaned !== '' ? cleaned : (email.split('@')[0] ?? email).slice(0, 120);
}
