import { AppError, type Principal } from '@tessera/platform';
import type { RemoveMfaBody, TotpEnrolment } from '../contract/mfa.js';
import type { IdentityDatabase, UserRow } from '../db/identity.table.js';
import { deleteSecondFactor, findTotp } from '../db/mfa.repository.js';
import type { IdentityDeps } from './deps.js';
import { ownUserRow, userPrincipal } from './profile.js';
import { secretBoxOf } from './secret-box-of.js';
import { beginTotpEnrolment, issueRecoveryCodes, mfaRequiredFor, spendTotpCode, throttledAttempt } from './second-factor.js';

/** Starts setting up an authenticator app for the signed-in user (replacing an unfinished setup). */
export async function startOwnTotpEnrolment(deps: IdentityDeps, principal: Principal): Promise<TotpEnrolment> {
  return beginTotpEnrolment(deps, await ownUser(deps, principal));
}

/** Finishes the setup with a first code from the app; answers the recovery codes, shown this once. */
export async function confirmOwnTotpEnrolment(deps: IdentityDeps, principal: Principal, code: string): Promise<string[]> {
  const user = await ownUser(deps, principal);
  const box = await secretBoxOf(deps);
  const codes = await throttledAttempt(deps, user, () => deps.db.withTenant<IdentityDatabase, string[] | undefined>(user.tenant_id, async (tx) => {
    const totp = await findTotp(tx, user.tenant_id, user.id);
    if (!totp || totp.confirmed_at) throw notPending(totp !== undefined);
    return (await spendTotpCode(tx, box, user, code, 'pending')) ? issueRecoveryCodes(tx, user) : undefined;
  }));
  deps.logger.info({ tenantId: user.tenant_id, userId: user.id }, 'TOTP enrolled');
  return codes;
}

/**
 * Removes the authenticator app and the recovery codes, after the password or a current code. Refused (403)
 * while the tenant requires a second factor for one of the user's roles: they could only set it up again.
 */
export async function removeOwnSecondFactor(deps: IdentityDeps, principal: Principal, proof: RemoveMfaBody): Promise<void> {
  const user = await ownUser(deps, principal);
  if (await mfaRequiredFor(deps, user)) {
    throw new AppError('forbidden', 'MFA.REQUIRED_BY_TENANT', 'Your institution requires a second factor for your role; it cannot be removed');
  }
  if ('password' in proof) {
    await checkPassword(deps, user, proof.password);
    const removed = await deps.db.withTenant<IdentityDatabase, boolean>(user.tenant_id, (tx) => deleteSecondFactor(tx, user.tenant_id, user.id));
    if (!removed) throw notEnrolled();
  } else {
    const box = await secretBoxOf(deps);
    await throttledAttempt(deps, user, () => deps.db.withTenant<IdentityDatabase, true | undefined>(user.tenant_id, async (tx) => {
      if (!(await findTotp(tx, user.tenant_id, user.id))) throw notEnrolled();
      if (!(await spendTotpCode(tx, box, user, proof.code, 'any'))) return undefined;
      await deleteSecondFactor(tx, user.tenant_id, user.id);
      return true;
    }));
  }
  deps.logger.info({ tenantId: user.tenant_id, userId: user.id }, 'second factor removed');
}

/** New recovery codes for a current authenticator code; every earlier recovery code stops working. */
export async function regenerateOwnRecoveryCodes(deps: IdentityDeps, principal: Principal, code: string): Promise<string[]> {
  const user = await ownUser(deps, principal);
  const box = await secretBoxOf(deps);
  return throttledAttempt(deps, user, () => deps.db.withTenant<IdentityDatabase, string[] | undefined>(user.tenant_id, async (tx) => {
    const totp = await findTotp(tx, user.tenant_id, user.id);
    if (!totp?.confirmed_at) throw notEnrolled();
    return (await spendTotpCode(tx, box, user, code, 'confirmed')) ? issueRecoveryCodes(tx, user) : undefined;
  }));
}

async function ownUser(deps: IdentityDeps, principal: Principal): Promise<UserRow> {
  return ownUserRow(deps, userPrincipal(principal));
}

/** The password check of the sign-in, with its lockout: a stolen access token is no password oracle. */
async function checkPassword(deps: IdentityDeps, user: UserRow, password: string): Promise<void> {
  const throttleKey = `${user.tenant_id}:${user.email_key}`;
  await deps.signInThrottle.assertAllowed(throttleKey);
  if (!(await deps.passwords.verify(user.password_hash, password))) {
    await deps.signInThrottle.recordFailure(throttleKey);
    throw new AppError('unauthorized', 'AUTH.INVALID_CREDENTIALS', 'The password is not right');
  }
  await deps.signInThrottle.recordSuccess(throttleKey);
}

function notPending(confirmed: boolean): AppError {
  return confirmed
    ? new AppError('conflict', 'MFA.ALREADY_ENROLLED', 'An authenticator app is already set up')
    : new AppError('conflict', 'MFA.NOT_STARTED', 'Start the setup first (POST /me/mfa/totp)');
}

function notEnrolled(): AppError {
  return new AppError('conflict', 'MFA.NOT_ENROLLED', 'You have no authenticator app set up');
}
