import { AppError, type Principal } from '@tessera/platform';
import type { IdentityDatabase } from '../db/identity.table.js';
import { voidTokens } from '../db/one-time-token.repository.js';
import { updateUser } from '../db/user.repository.js';
import { ownUserRow, userPrincipal } from './profile.js';
import type { IdentityDeps } from './deps.js';

/**
 * Changes the signed-in user's password after checking the current one. Wrong guesses count against the same
 * lockout as sign-in (a stolen access token must not become an unlimited password oracle). On success every
 * other session ends — refresh tokens at once, their access tokens through the revocation list — and pending
 * reset links die; the session that made the change stays signed in.
 */
export async function changeOwnPassword(deps: IdentityDeps, principal: Principal, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const user = userPrincipal(principal);
  const row = await ownUserRow(deps, user);
  const throttleKey = `${user.tenantId}:${row.email_key}`;
  await deps.signInThrottle.assertAllowed(throttleKey);
  if (!(await deps.passwords.verify(row.password_hash, input.currentPassword))) {
    await deps.signInThrottle.recordFailure(throttleKey);
    throw new AppError('unauthorized', 'AUTH.INVALID_CREDENTIALS', 'The current password is not right');
  }
  await deps.signInThrottle.recordSuccess(throttleKey);
  if (input.newPassword.normalize('NFC') === input.currentPassword.normalize('NFC')) {
    throw new AppError('unprocessable', 'IDENTITY.PASSWORD_UNCHANGED', 'The new password must differ from the current one');
  }
  const hash = await deps.passwords.hash(input.newPassword);
  const revoked = await deps.db.withTenant<IdentityDatabase, string[]>(user.tenantId, async (tx) => {
    await updateUser(tx, user.tenantId, user.subject, { password_hash: hash });
    await voidTokens(tx, user.tenantId, user.subject, 'reset_password');
    let others = tx.updateTable('identity.sessions').set({ revoked_at: new Date(), revoked_reason: 'password_changed' })
      .where('tenant_id', '=', user.tenantId).where('user_id', '=', user.subject).where('revoked_at', 'is', null);
    if (user.sessionId) others = others.where('id', '<>', user.sessionId);
    return (await others.returning('id').execute()).map((session) => session.id);
  });
  await deps.revocations.revoke(revoked);
  deps.logger.info({ tenantId: user.tenantId, userId: user.subject, revokedSessions: revoked.length }, 'password changed');
}
