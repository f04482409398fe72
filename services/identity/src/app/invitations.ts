import { randomUUID } from 'node:crypto';
import { AppError } from '@tessera/platform';
import type { IdentityDatabase, UserRow } from '../db/identity.table.js';
import { findLiveToken, insertOneTimeToken, markTokenUsed, voidTokens } from '../db/one-time-token.repository.js';
import { findUserById, insertUser, updateUser } from '../db/user.repository.js';
import { cleanName, emailKey } from '../domain/email.js';
import { issueToken, readToken } from '../domain/opaque-tokens.js';
import { IdentityEvents } from '../contract/events.js';
import type { IdentityDeps } from './deps.js';
import { appLink, sendIdentityMail } from './send-mail.js';
import { userEvent } from './user-events.js';

const INVITATION_MS = 7 * 24 * 3600_000;

export interface Invitation {
  email: string;
  name: string;
  roles: string[];
}

/** Creates an invited user (no password yet) and emails them a one-time link to accept. */
export async function inviteUser(deps: IdentityDeps, tenantId: string, invitation: Invitation, invitedBy: string): Promise<UserRow> {
  const token = issueToken(tenantId);
  const user = await deps.db.withTenant<IdentityDatabase, UserRow>(tenantId, async (tx) => {
    const created = await insertUser(tx, tenantId, {
      id: randomUUID(), email: invitation.email.trim(), emailKey: emailKey(invitation.email), name: cleanName(invitation.name),
      status: 'invited', roles: [...new Set(invitation.roles)], passwordHash: null, emailVerified: false,
    });
    if (!created) throw new AppError('conflict', 'IDENTITY.USER_EXISTS', `A user with the email ${invitation.email} already exists`);
    await insertOneTimeToken(tx, { hash: token.hash, tenantId, userId: created.id, purpose: 'invitation', ttlMs: INVITATION_MS });
    await deps.outbox.emit(tx, tenantId, [userEvent(IdentityEvents.userInvited, created)]);
    return created;
  });
  await sendIdentityMail(deps, tenantId, user.email, {
    kind: 'invitation', name: user.name, invitedBy, link: appLink(deps, '/accept-invitation', { token: token.token }),
  });
  return user;
}

/** Sends a fresh invitation link to a user who has not accepted yet (older links stop working). */
export async function resendInvitation(deps: IdentityDeps, tenantId: string, userId: string, invitedBy: string): Promise<void> {
  const token = issueToken(tenantId);
  const user = await deps.db.withTenant<IdentityDatabase, UserRow>(tenantId, async (tx) => {
    const found = await findUserById(tx, tenantId, userId);
    if (!found) throw new AppError('not_found', 'IDENTITY.USER_NOT_FOUND', `No user ${userId}`);
    if (found.status !== 'invited') throw new AppError('conflict', 'IDENTITY.ALREADY_ACCEPTED', 'This user has already accepted the invitation');
    await voidTokens(tx, tenantId, userId, 'invitation');
    await insertOneTimeToken(tx, { hash: token.hash, tenantId, userId, purpose: 'invitation', ttlMs: INVITATION_MS });
    return found;
  });
  await sendIdentityMail(deps, tenantId, user.email, {
    kind: 'invitation', name: user.name, invitedBy, link: appLink(deps, '/accept-invitation', { token: token.token }),
  });
}

/** Accepts an invitation: sets the password, marks the email verified (the link proves it) and activates the user. */
export async function acceptInvitation(deps: IdentityDeps, input: { token: string; password: string; name?: string | undefined }): Promise<UserRow> {
  const parsed = readToken(input.token);
  if (!parsed) throw invalidLink();
  const passwordHash = await deps.passwords.hash(input.password);
  return deps.db.withTenant<IdentityDatabase, UserRow>(parsed.tenantId, async (tx) => {
    const live = await findLiveToken(tx, parsed.tenantId, parsed.hash, 'invitation');
    if (!live) throw invalidLink();
    await markTokenUsed(tx, parsed.tenantId, parsed.hash);
    const user = await updateUser(tx, parsed.tenantId, live.user_id, {
      status: 'active', password_hash: passwordHash, email_verified_at: new Date(),
      ...(input.name ? { name: cleanName(input.name) } : {}),
    });
    if (!user) throw invalidLink();
    await deps.outbox.emit(tx, parsed.tenantId, [userEvent(IdentityEvents.userRegistered, user)]);
    return user;
  });
}

function invalidLink(): AppError {
  return new AppError('unprocessable', 'IDENTITY.INVALID_LINK', 'This link is not valid, was already used or has expired');
}
