import { AppError, type Tx } from '@tessera/platform';
import type { TotpEnrolment } from '../contract/mfa.js';
import type { IdentityDatabase, TenantRow, UserRow } from '../db/identity.table.js';
import { acceptTotpStep, findTotp, replaceRecoveryCodes, savePendingTotp, spendRecoveryCode } from '../db/mfa.repository.js';
import { findTenant, settingsOf } from '../db/tenant.repository.js';
import type { SecretBox } from '../domain/secret-box.js';
import { acceptedTotpStep, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpUri, withoutColons } from '../domain/totp.js';
import type { IdentityDeps } from './deps.js';
import { secretBoxOf } from './secret-box-of.js';

type Db = Tx<IdentityDatabase>;

/** RFC 8176 methods a second factor adds to a session: an authenticator code is `otp`; both are `mfa`. */
export const TOTP_METHODS = ['otp', 'mfa'];
export const RECOVERY_METHODS = ['mfa'];

/** What proves the second factor: a code from the app, or a recovery code. */
export type SecondFactorProof = { code: string } | { recoveryCode: string };

/** Which TOTP factor a code is checked against: only a confirmed one, only a pending one, or either. */
export type FactorState = 'confirmed' | 'pending' | 'any';

/**
 * Spends `code` against the user's TOTP factor in `state`: true only if it is valid now and its time step is
 * later than the last one accepted (which it becomes; a pending factor becomes confirmed).
 */
export async function spendTotpCode(tx: Db, box: SecretBox, user: UserRow, code: string, state: FactorState): Promise<boolean> {
  const totp = await findTotp(tx, user.tenant_id, user.id);
  if (!totp) return false;
  const confirmed = totp.confirmed_at !== null;
  if ((state === 'confirmed' && !confirmed) || (state === 'pending' && confirmed)) return false;
  const step = await acceptedTotpStep(box.open(totp.secret), code, totp.last_step, Date.now());
  return step !== undefined && acceptTotpStep(tx, user.tenant_id, user.id, step);
}

/** Spends a proof of the confirmed second factor; the session methods it adds, or undefined if it is wrong. */
export async function spendSecondFactor(tx: Db, box: SecretBox, user: UserRow, proof: SecondFactorProof): Promise<string[] | undefined> {
  if ('code' in proof) return (await spendTotpCode(tx, box, user, proof.code, 'confirmed')) ? TOTP_METHODS : undefined;
  return (await spendRecoveryCode(tx, user.tenant_id, user.id, recoveryCodeHash(user.id, proof.recoveryCode))) ? RECOVERY_METHODS : undefined;
}

/** Issues a fresh set of recovery codes in `tx` (earlier ones stop working) and returns them for showing once. */
export async function issueRecoveryCodes(tx: Db, user: UserRow): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(tx, user.tenant_id, user.id, codes.map((code) => recoveryCodeHash(user.id, code)));
  return codes;
}

/** Starts (or restarts) a TOTP enrolment: a new pending secret, sealed at rest; 409 if a factor is confirmed. */
export async function beginTotpEnrolment(deps: IdentityDeps, user: UserRow): Promise<TotpEnrolment> {
  const box = await secretBoxOf(deps);
  const tenant = await tenantRow(deps, user.tenant_id);
  const secret = newTotpSecret();
  const saved = await deps.db.withTenant<IdentityDatabase, boolean>(user.tenant_id, (tx) => savePendingTotp(tx, user.tenant_id, user.id, box.seal(secret)));
  if (!saved) throw new AppError('conflict', 'MFA.ALREADY_ENROLLED', 'An authenticator app is already set up; remove it first to set up another');
  const issuer = withoutColons(tenant?.name ?? 'Tessera') || 'Tessera';
  return { secret, otpauthUri: totpUri({ issuer, account: user.email, secret }), issuer };
}

/** Whether the tenant requires a second factor for a role the user holds. */
export async function mfaRequiredFor(deps: IdentityDeps, user: UserRow): Promise<boolean> {
  const tenant = await tenantRow(deps, user.tenant_id);
  const required: string[] = tenant ? settingsOf(tenant).mfaRequiredRoles : [];
  return user.roles.some((role) => required.includes(role));
}

/** Checks a proof with the per-user lockout: 429 while locked, 401 AUTH.INVALID_CODE when `attempt` says wrong. */
export async function throttledAttempt<T>(deps: IdentityDeps, user: UserRow, attempt: () => Promise<T | undefined>): Promise<T> {
  const key = `${user.tenant_id}:${user.id}`;
  await deps.mfaThrottle.assertAllowed(key);
  const result = await attempt();
  if (result === undefined) {
    await deps.mfaThrottle.recordFailure(key);
    throw invalidCode();
  }
  await deps.mfaThrottle.recordSuccess(key);
  return result;
}

export function invalidCode(): AppError {
  return new AppError('unauthorized', 'AUTH.INVALID_CODE', 'The code is not right, or was already used');
}

async function tenantRow(deps: IdentityDeps, tenantId: string): Promise<TenantRow | undefined> {
  return deps.db.withSystem<IdentityDatabase, TenantRow | undefined>((tx) => findTenant(tx, tenantId));
}
