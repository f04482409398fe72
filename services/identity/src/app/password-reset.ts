import { randomUUID } from 'node:crypto';
import type { EmailRequestBody } from '../contract/users.js';
import type { IdentityDatabase, OneTimePurpose, UserRow } from '../db/identity.table.js';
import { findLiveToken, insertOneTimeToken, markTokenUsed, voidTokens } from '../db/one-time-token.repository.js';
import { findUserByEmail, findUserById, updateUser } from '../db/user.repository.js';
import { consumeBudget } from '../domain/attempt-throttle.js';
import { emailKey } from '../domain/email.js';
import { issueToken, readToken } from '../domain/opaque-tokens.js';
import type { IdentityDeps } from './deps.js';
import { assertLinkTenantActive, invalidLink } from './invalid-link.js';
import { accepted, activeTenantOfRequest, NO_TENANT } from './public-tenant.js';
import { appLink, sendIdentityMail } from './send-mail.js';
import { revokeSessions, type ClientInfo } from './sessions.js';

const RESET_MS = 30 * 60_000;
const RESET_PER_IP_PER_MINUTE = 20;
const RESET_PER_EMAIL_PER_MINUTE = 3;
const CONFIRM_PER_IP_PER_MINUTE = 30;
/** Links that stand for the old password and must die with it. */
const VOIDED_ON_RESET: OneTimePurpose[] = ['reset_password', 'mfa_challenge'];

/**
 * Asks for a password reset link. Only an active account gets one (older links stop working), but every
 * request runs the same queries and answers the same 202; the message is sent after the answer, so the
 * time a mail server takes does not tell whether the account exists either.
 */
export async function requestPasswordReset(deps: IdentityDeps, input: EmailRequestBody & { hostname: string }, client: ClientInfo) {
  await consumeBudget(deps.cache, 'reset-ip', client.ip ?? 'unknown', RESET_PER_IP_PER_MINUTE);
  const tenant = await activeTenantOfRequest(deps, input.tenant, input.hostname);
  const tenantId = tenant?.id ?? NO_TENANT;
  const key = emailKey(input.email);
  await consumeBudget(deps.cache, 'reset-email', `${tenant?.id ?? input.tenant}:${key}`, RESET_PER_EMAIL_PER_MINUTE);
  const link = issueToken(tenantId);
  const user = await deps.db.withTenant<IdentityDatabase, UserRow | undefined>(tenantId, async (tx) => {
    const found = await findUserByEmail(tx, tenantId, key);
    const eligible = found?.status === 'active' ? found : undefined;
    await voidTokens(tx, tenantId, eligible?.id ?? randomUUID(), 'reset_password');
    if (eligible) await insertOneTimeToken(tx, { hash: link.hash, tenantId, userId: eligible.id, purpose: 'reset_password', ttlMs: RESET_MS });
    return eligible;
  });
  if (user) {
    void sendIdentityMail(deps, tenantId, user.email, { kind: 'reset-password', name: user.name, link: appLink(deps, '/reset-password', { token: link.token }) });
  }
  return accepted('If this address has an account, we have sent it a link to choose a new password.');
}

/**
 * Sets a new password with a reset link. Every other reset link and pending MFA challenge dies, every
 * session of the user is revoked (their access tokens are refused at once), and the sign-in lockout of the
 * account is lifted. The link proves the address, so an unverified one becomes verified.
 */
export async function confirmPasswordReset(deps: IdentityDeps, input: { token: string; password: string }, client: ClientInfo): Promise<{ status: 'password_changed' }> {
  await consumeBudget(deps.cache, 'reset-confirm-ip', client.ip ?? 'unknown', CONFIRM_PER_IP_PER_MINUTE);
  const parsed = readToken(input.token);
  if (!parsed) throw invalidLink();
  await assertLinkTenantActive(deps, parsed.tenantId);
  // A cheap look before the costly hash, so forged links cost no argon2 work; the transaction looks again.
  const live = await deps.db.withTenant<IdentityDatabase, unknown>(parsed.tenantId, (tx) => findLiveToken(tx, parsed.tenantId, parsed.hash, 'reset_password'));
  if (!live) throw invalidLink();
  const passwordHash = await deps.passwords.hash(input.password);
  const { user, revoked } = await deps.db.withTenant<IdentityDatabase, { user: UserRow; revoked: string[] }>(parsed.tenantId, async (tx) => {
    const token = await findLiveToken(tx, parsed.tenantId, parsed.hash, 'reset_password');
    if (!token) throw invalidLink();
    const found = await findUserById(tx, parsed.tenantId, token.user_id);
    if (found?.status !== 'active') throw invalidLink();
    await markTokenUsed(tx, parsed.tenantId, parsed.hash);
    for (const purpose of VOIDED_ON_RESET) await voidTokens(tx, parsed.tenantId, found.id, purpose);
    const user = await updateUser(tx, parsed.tenantId, found.id, {
      password_hash: passwordHash, ...(found.email_verified_at ? {} : { email_verified_at: new Date() }),
    });
    if (!user) throw invalidLink();
    return { user, revoked: await revokeSessions(tx, parsed.tenantId, found.id, 'password_reset') };
  });
  await deps.revocations.revoke(revoked);
  await deps.signInThrottle.recordSuccess(`${user.tenant_id}:${user.email_key}`);
  return { status: 'password_changed' };
}
