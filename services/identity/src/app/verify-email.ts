import { randomUUID } from 'node:crypto';
import type { EmailRequestBody } from '../contract/users.js';
import type { IdentityDatabase, UserRow } from '../db/identity.table.js';
import { findLiveToken, insertOneTimeToken, markTokenUsed, voidTokens } from '../db/one-time-token.repository.js';
import { findUserByEmail, findUserById, updateUser } from '../db/user.repository.js';
import { consumeBudget } from '../domain/attempt-throttle.js';
import { emailKey } from '../domain/email.js';
import { issueToken, readToken } from '../domain/opaque-tokens.js';
import type { IdentityDeps } from './deps.js';
import { assertLinkTenantActive, invalidLink } from './invalid-link.js';
import { accepted, activeTenantOfRequest, NO_TENANT } from './public-tenant.js';
import { VERIFY_EMAIL_MS } from './register.js';
import { appLink, sendIdentityMail } from './send-mail.js';
import type { ClientInfo } from './sessions.js';

const RESEND_PER_IP_PER_MINUTE = 20;
const RESEND_PER_EMAIL_PER_MINUTE = 3;

/** Confirms an email address with the link sent to it; the link works once, for 24 hours. */
export async function verifyEmail(deps: IdentityDeps, token: string): Promise<{ status: 'verified' }> {
  const parsed = readToken(token);
  if (!parsed) throw invalidLink();
  await assertLinkTenantActive(deps, parsed.tenantId);
  await deps.db.withTenant<IdentityDatabase, void>(parsed.tenantId, async (tx) => {
    const live = await findLiveToken(tx, parsed.tenantId, parsed.hash, 'verify_email');
    if (!live) throw invalidLink();
    const user = await findUserById(tx, parsed.tenantId, live.user_id);
    // The link confirms the address it was sent to, not whatever the account's address is now.
    if (!user || user.status === 'deactivated' || user.email_key !== live.data.emailKey) throw invalidLink();
    await markTokenUsed(tx, parsed.tenantId, parsed.hash);
    if (!user.email_verified_at) await updateUser(tx, parsed.tenantId, user.id, { email_verified_at: new Date() });
  });
  return { status: 'verified' };
}

/**
 * Sends a new verification link (older ones stop working) when the address has an active, unverified
 * account; answers the same 202 after the same queries otherwise. The message is sent after the answer,
 * so the time a mail server takes does not tell either.
 */
export async function resendVerification(deps: IdentityDeps, input: EmailRequestBody & { hostname: string }, client: ClientInfo) {
  await consumeBudget(deps.cache, 'verify-resend-ip', client.ip ?? 'unknown', RESEND_PER_IP_PER_MINUTE);
  const tenant = await activeTenantOfRequest(deps, input.tenant, input.hostname);
  const tenantId = tenant?.id ?? NO_TENANT;
  const key = emailKey(input.email);
  await consumeBudget(deps.cache, 'verify-resend-email', `${tenant?.id ?? input.tenant}:${key}`, RESEND_PER_EMAIL_PER_MINUTE);
  const link = issueToken(tenantId);
  const user = await deps.db.withTenant<IdentityDatabase, UserRow | undefined>(tenantId, async (tx) => {
    const found = await findUserByEmail(tx, tenantId, key);
    const eligible = found?.status === 'active' && !found.email_verified_at ? found : undefined;
    await voidTokens(tx, tenantId, eligible?.id ?? randomUUID(), 'verify_email');
    if (eligible) {
      await insertOneTimeToken(tx, { hash: link.hash, tenantId, userId: eligible.id, purpose: 'verify_email', ttlMs: VERIFY_EMAIL_MS, data: { emailKey: key } });
    }
    return eligible;
  });
  if (user) {
    void sendIdentityMail(deps, tenantId, user.email, { kind: 'verify-email', name: user.name, link: appLink(deps, '/verify-email', { token: link.token }) });
  }
  return accepted('If this address has an account waiting for confirmation, we have sent it a new link.');
}
