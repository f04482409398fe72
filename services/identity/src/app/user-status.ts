import { AppError, type Principal } from '@tessera/platform';
import { IdentityEvents } from '../contract/events.js';
import type { User } from '../contract/schemas.js';
import type { IdentityDatabase, OneTimePurpose } from '../db/identity.table.js';
import { voidTokens } from '../db/one-time-token.repository.js';
import { findUserById, updateUser } from '../db/user.repository.js';
import { assertNotLastAdmin } from './admin-guard.js';
import type { IdentityDeps } from './deps.js';
import { presentUser, userNotFound } from './list-users.js';
import { revokeSessions } from './sessions.js';
import { userEvent } from './user-events.js';

/** Links a deactivated user must no longer be able to use (an invitation would otherwise reactivate them). */
const VOIDED_ON_DEACTIVATION: OneTimePurpose[] = ['invitation', 'reset_password', 'verify_email', 'mfa_challenge'];

/**
 * Deactivates a user: they can no longer sign in, every session ends, and their access tokens are refused
 * at once (not when they expire). Emits `identity.user.deactivated`. Deactivating a deactivated user is a no-op.
 */
export async function deactivateUser(deps: IdentityDeps, principal: Principal, userId: string): Promise<User> {
  if (principal.subject === userId) {
    throw new AppError('conflict', 'IDENTITY.CANNOT_DEACTIVATE_SELF', 'You cannot deactivate yourself; ask another admin');
  }
  const tenantId = principal.tenantId;
  const outcome = await deps.db.withTenant<IdentityDatabase, { user: User; revoked: string[] }>(tenantId, async (tx) => {
    const current = await findUserById(tx, tenantId, userId);
    if (!current) throw userNotFound(userId);
    if (current.status === 'deactivated') return { user: await presentUser(tx, current), revoked: [] };
    await assertNotLastAdmin(tx, current, false);
    const updated = await updateUser(tx, tenantId, userId, { status: 'deactivated' });
    if (!updated) throw userNotFound(userId);
    const revoked = await revokeSessions(tx, tenantId, userId, 'deactivated');
    for (const purpose of VOIDED_ON_DEACTIVATION) await voidTokens(tx, tenantId, userId, purpose);
    await deps.outbox.emit(tx, tenantId, [userEvent(IdentityEvents.userDeactivated, updated)]);
    return { user: await presentUser(tx, updated), revoked };
  });
  await deps.revocations.revoke(outcome.revoked);
  return outcome.user;
}

/**
 * Lets a deactivated user back in: active again if they had set a password, otherwise invited (send them a
 * fresh invitation). Reactivating a user who is not deactivated is a no-op.
 */
export async function reactivateUser(deps: IdentityDeps, tenantId: string, userId: string): Promise<User> {
  return deps.db.withTenant<IdentityDatabase, User>(tenantId, async (tx) => {
    const current = await findUserById(tx, tenantId, userId);
    if (!current) throw userNotFound(userId);
    if (current.status !== 'deactivated') return presentUser(tx, current);
    const updated = await updateUser(tx, tenantId, userId, { status: current.password_hash ? 'active' : 'invited' });
    if (!updated) throw userNotFound(userId);
    await deps.outbox.emit(tx, tenantId, [userEvent(IdentityEvents.userReactivated, updated)]);
    return presentUser(tx, updated);
  });
}
