import { randomUUID } from 'node:crypto';
import { AppError } from '@tessera/platform';
import { IdentityEvents } from '../contract/events.js';
import type { RegisterBody } from '../contract/users.js';
import type { IdentityDatabase, UserRow } from '../db/identity.table.js';
import { insertOneTimeToken } from '../db/one-time-token.repository.js';
import { findUserByEmail, insertUser } from '../db/user.repository.js';
import { consumeBudget } from '../domain/attempt-throttle.js';
import { emailKey } from '../domain/email.js';
import { issueToken } from '../domain/opaque-tokens.js';
import type { IdentityDeps } from './deps.js';
import { storedName } from './display-name.js';
import { accepted, activeTenantOfRequest, allowsSelfRegistration } from './public-tenant.js';
import { appLink, sendIdentityMail } from './send-mail.js';
import type { ClientInfo } from './sessions.js';
import { userEvent } from './user-events.js';

/** Sign-ups one IP address may attempt per minute. */
const REGISTER_PER_IP_PER_MINUTE = 20;
/** How long an email verification link works. */
export const VERIFY_EMAIL_MS = 24 * 3600_000;

export const REGISTER_ACCEPTED = 'If this address can be used, we have sent a message to it: follow its link to finish.';

/**
 * Self-registration. A new email becomes an active, unverified student and gets a verification link; an
 * email that already has an account gets an "already registered" message instead. Both take the same path
 * — the password is hashed, a row is inserted or found, one message is sent — and give the same 202, so
 * neither the answer nor its timing tells whether the account existed.
 */
export async function register(deps: IdentityDeps, input: RegisterBody & { hostname: string }, client: ClientInfo) {
  await consumeBudget(deps.cache, 'register-ip', client.ip ?? 'unknown', REGISTER_PER_IP_PER_MINUTE);
  const tenant = await activeTenantOfRequest(deps, input.tenant, input.hostname);
  if (!tenant || !(await allowsSelfRegistration(deps, tenant.id))) {
    throw new AppError('forbidden', 'IDENTITY.REGISTRATION_CLOSED', 'This institution does not allow signing up: ask it for an invitation');
  }
  const name = storedName(input.name);
  const key = emailKey(input.email);
  const passwordHash = await deps.passwords.hash(input.password);
  const link = issueToken(tenant.id);
  const outcome = await deps.db.withTenant<IdentityDatabase, { created: UserRow } | { existing: UserRow | undefined }>(tenant.id, async (tx) => {
    const created = await insertUser(tx, tenant.id, {
      id: randomUUID(), email: input.email.trim(), emailKey: key, name, status: 'active', roles: ['student'], passwordHash, emailVerified: false,
    });
    if (!created) return { existing: await findUserByEmail(tx, tenant.id, key) };
    await insertOneTimeToken(tx, { hash: link.hash, tenantId: tenant.id, userId: created.id, purpose: 'verify_email', ttlMs: VERIFY_EMAIL_MS, data: { emailKey: key } });
    await deps.outbox.emit(tx, tenant.id, [userEvent(IdentityEvents.userRegistered, created)]);
    return { created };
  });
  if ('created' in outcome) {
    const user = outcome.created;
    await sendIdentityMail(deps, tenant.id, user.email, { kind: 'verify-email', name: user.name, link: appLink(deps, '/verify-email', { token: link.token }) });
  } else if (outcome.existing) {
    const user = outcome.existing;
    await sendIdentityMail(deps, tenant.id, user.email, {
      kind: 'already-registered', name: user.name,
      signInLink: appLink(deps, '/sign-in', { tenant: tenant.slug }),
      resetLink: appLink(deps, '/reset-password', { tenant: tenant.slug }),
    });
  }
  return accepted(REGISTER_ACCEPTED);
}
