import { AppError } from '@tessera/platform';
import type { IdentityDatabase, TenantRow, UserRow } from '../db/identity.table.js';
import { insertOneTimeToken } from '../db/one-time-token.repository.js';
import { findTenant, settingsOf } from '../db/tenant.repository.js';
import { findUserByEmail, hasConfirmedTotp, updateUser } from '../db/user.repository.js';
import { consumeBudget } from '../domain/attempt-throttle.js';
import { emailKey } from '../domain/email.js';
import { issueToken } from '../domain/opaque-tokens.js';
import type { IdentityDeps } from './deps.js';
import { startSession, type ClientInfo } from './sessions.js';
import { tenantOfRequest } from './tenant-of-request.js';

/** How long the second-factor step of a sign-in may take. */
export const MFA_CHALLENGE_MS = 5 * 60_000;

export type SignInResult =
  | { status: 'signed_in'; tokens: Awaited<ReturnType<typeof startSession>> }
  | { status: 'mfa_required' | 'mfa_setup_required'; challenge: string };

/**
 * Password sign-in. Every failure — unknown tenant or email, wrong password, deactivated or invited account —
 * is the same 401 after the same argon2 work, so neither the answer nor its timing tells whether an account
 * exists. Repeated failures on an account lock it progressively; an IP has a budget across accounts.
 */
export async function signIn(
  deps: IdentityDeps,
  input: { tenant?: string | undefined; email: string; password: string; hostname: string },
  client: ClientInfo,
): Promise<SignInResult> {
  await consumeBudget(deps.cache, 'sign-in-ip', client.ip ?? 'unknown', deps.config.SIGN_IN_PER_IP_PER_MINUTE);
  const tenant = await tenantOfRequest(deps, input.tenant, input.hostname);
  const key = emailKey(input.email);
  const throttleKey = `${tenant?.id ?? input.tenant}:${key}`;
  await deps.signInThrottle.assertAllowed(throttleKey);
  if (tenant?.status === 'suspended') throw new AppError('forbidden', 'TENANT.SUSPENDED', 'This institution is suspended');
  const user = tenant && tenant.status === 'active'
    ? await deps.db.withTenant<IdentityDatabase, UserRow | undefined>(tenant.id, (tx) => findUserByEmail(tx, tenant.id, key))
    : undefined;
  const passwordMatches = await deps.passwords.verify(user?.password_hash, input.password);
  if (!tenant || !user || !passwordMatches || user.status !== 'active') {
    await deps.signInThrottle.recordFailure(throttleKey);
    throw new AppError('unauthorized', 'AUTH.INVALID_CREDENTIALS', 'The email or password is not right');
  }
  await deps.signInThrottle.recordSuccess(throttleKey);
  if (!user.email_verified_at) {
    throw new AppError('forbidden', 'IDENTITY.EMAIL_NOT_VERIFIED', 'Confirm your email address first: follow the link we sent you');
  }
  if (deps.passwords.needsRehash(user.password_hash ?? '')) await rehash(deps, user, input.password);
  const secondFactor = await secondFactorNeeded(deps, user);
  if (secondFactor) return { status: secondFactor, challenge: await issueMfaChallenge(deps, user, ['pwd']) };
  return { status: 'signed_in', tokens: await startSession(deps, user, ['pwd'], client) };
}

/** `mfa_required` when the user has a second factor; `mfa_setup_required` when the tenant demands one for a role they hold. */
export async function secondFactorNeeded(deps: IdentityDeps, user: UserRow): Promise<'mfa_required' | 'mfa_setup_required' | undefined> {
  const enrolled = await deps.db.withTenant<IdentityDatabase, boolean>(user.tenant_id, (tx) => hasConfirmedTotp(tx, user.tenant_id, user.id));
  if (enrolled) return 'mfa_required';
  const tenant = await deps.db.withSystem<IdentityDatabase, TenantRow | undefined>((tx) => findTenant(tx, user.tenant_id));
  const required = tenant ? settingsOf(tenant).mfaRequiredRoles : [];
  return user.roles.some((role) => (required as string[]).includes(role)) ? 'mfa_setup_required' : undefined;
}

/** A short-lived challenge that stands for "first factor done" until the second is given. */
export async function issueMfaChallenge(deps: IdentityDeps, user: UserRow, methods: string[]): Promise<string> {
  const challenge = issueToken(user.tenant_id);
  await deps.db.withTenant<IdentityDatabase, void>(user.tenant_id, (tx) => insertOneTimeToken(tx, {
    hash: challenge.hash, tenantId: user.tenant_id, userId: user.id, purpose: 'mfa_challenge', ttlMs: MFA_CHALLENGE_MS, data: { methods },
  }));
  return challenge.token;
}

async function rehash(deps: IdentityDeps, user: UserRow, password: string): Promise<void> {
  const hash = await deps.passwords.hash(password);
  await deps.db.withTenant<IdentityDatabase, unknown>(user.tenant_id, (tx) => updateUser(tx, user.tenant_id, user.id, { password_hash: hash }));
}
