import { randomUUID } from 'node:crypto';
import { AppError, MAX_ACCESS_TOKEN_SECONDS, type Principal } from '@tessera/platform';
import type { TokenPair } from '../contract/schemas.js';
import type { IdentityDatabase, UserRow } from '../db/identity.table.js';
import { findUserById } from '../db/user.repository.js';
import {
  findRefreshToken, insertRefreshToken, insertSession, listActiveSessions, revokeSessions, touchSession, useRefreshToken,
} from '../db/session.repository.js';
import { issueToken, readToken } from '../domain/opaque-tokens.js';
import type { IdentityDeps } from './deps.js';

/** A session lives this long after its last refresh. */
const SESSION_IDLE_MS = 30 * 24 * 3600_000;

/** Where a sign-in came from, kept with the session so the user can recognise it. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** Opens a session for a user who has fully authenticated (`methods`: pwd, otp, fed) and hands out tokens. */
export async function startSession(deps: IdentityDeps, user: UserRow, methods: string[], client: ClientInfo): Promise<TokenPair> {
  const sessionId = randomUUID();
  const refresh = issueToken(user.tenant_id);
  await deps.db.withTenant<IdentityDatabase, void>(user.tenant_id, async (tx) => {
    await insertSession(tx, {
      id: sessionId, tenantId: user.tenant_id, userId: user.id, methods,
      userAgent: client.userAgent?.slice(0, 300) ?? null, ip: client.ip, expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
    });
    await insertRefreshToken(tx, user.tenant_id, sessionId, refresh.hash);
  });
  return tokenPair(deps, user, sessionId, methods, refresh.token);
}

/**
 * Rotates a refresh token: the presented one is spent and a new one issued. Presenting a spent token again
 * means it was copied: the whole session (the token family) is revoked, the thief's and the owner's alike.
 */
export async function refreshSession(deps: IdentityDeps, refreshToken: string): Promise<TokenPair> {
  const parsed = readToken(refreshToken);
  if (!parsed) throw invalidRefresh();
  await assertTenantActive(deps, parsed.tenantId);
  const next = issueToken(parsed.tenantId);
  const outcome = await deps.db.withTenant<IdentityDatabase, { user: UserRow; sessionId: string; methods: string[] } | { reused: string }>(parsed.tenantId, async (tx) => {
    const found = await findRefreshToken(tx, parsed.tenantId, parsed.hash);
    if (!found || found.revoked_at || found.expires_at < new Date()) throw invalidRefresh();
    if (found.used_at || !(await useRefreshToken(tx, parsed.tenantId, parsed.hash))) {
      await revokeSessions(tx, parsed.tenantId, found.user_id, 'refresh_token_reused', [found.session_id]);
      return { reused: found.session_id };
    }
    const user = await findUserById(tx, parsed.tenantId, found.user_id);
    if (!user || user.status !== 'active') throw invalidRefresh();
    await insertRefreshToken(tx, parsed.tenantId, found.session_id, next.hash);
    await touchSession(tx, parsed.tenantId, found.session_id, new Date(Date.now() + SESSION_IDLE_MS));
    return { user, sessionId: found.session_id, methods: found.methods };
  });
  if ('reused' in outcome) {
    await deps.revocations.revoke([outcome.reused]);
    deps.logger.warn({ tenantId: parsed.tenantId, sessionId: outcome.reused }, 'refresh token reused: session revoked');
    throw new AppError('unauthorized', 'AUTH.REFRESH_TOKEN_REUSED', 'This refresh token was already used; the session has been revoked for safety');
  }
  return tokenPair(deps, outcome.user, outcome.sessionId, outcome.methods, next.token);
}

/** Signs out one session of the caller (the current one by default), or all of them. */
export async function signOut(deps: IdentityDeps, principal: Principal, which: { all: boolean; sessionId?: string }): Promise<number> {
  if (principal.kind !== 'user') throw new AppError('forbidden', 'IDENTITY.USER_ONLY', 'Only a signed-in person has sessions; API keys cannot sign out');
  const only = which.all ? undefined : [which.sessionId ?? principal.sessionId].filter((id): id is string => id !== undefined);
  const revoked = await deps.db.withTenant<IdentityDatabase, string[]>(principal.tenantId, (tx) =>
    revokeSessions(tx, principal.tenantId, principal.subject, which.all ? 'signed_out_everywhere' : 'signed_out', only));
  await deps.revocations.revoke(revoked);
  return revoked.length;
}

/** Revokes every session of a user (deactivation, password change) in `tx`'s unit of work; call `revocations.revoke` after commit. */
export { revokeSessions };

export async function activeSessions(deps: IdentityDeps, principal: Principal) {
  const rows = await deps.db.withTenant<IdentityDatabase, Awaited<ReturnType<typeof listActiveSessions>>>(principal.tenantId, (tx) =>
    listActiveSessions(tx, principal.tenantId, principal.subject));
  return rows.map((row) => ({
    id: row.id,
    current: row.id === principal.sessionId,
    methods: row.methods,
    userAgent: row.user_agent,
    ip: row.ip,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  }));
}

async function tokenPair(deps: IdentityDeps, user: UserRow, sessionId: string, methods: string[], refreshToken: string): Promise<TokenPair> {
  const accessToken = await deps.tokens.issue({ subject: user.id, tenantId: user.tenant_id, roles: user.roles, sessionId, amr: methods });
  return {
    accessToken,
    tokenType: 'Bearer',
    expiresIn: MAX_ACCESS_TOKEN_SECONDS,
    refreshToken,
    sessionId,
    user: { id: user.id, tenantId: user.tenant_id, name: user.name, roles: user.roles as TokenPair['user']['roles'] },
  };
}

/** Throws unless the tenant may sign users in (suspended and deleted tenants may not). */
export async function assertTenantActive(deps: IdentityDeps, tenantId: string): Promise<void> {
  const tenant = await deps.tenants.get(tenantId);
  if (!tenant || tenant.status === 'deleted' || tenant.status === 'provisioning') throw invalidRefresh();
  if (tenant.status === 'suspended') throw new AppError('forbidden', 'TENANT.SUSPENDED', 'This institution is suspended');
}

function invalidRefresh(): AppError {
  return new AppError('unauthorized', 'AUTH.INVALID_REFRESH_TOKEN', 'The refresh token is not valid');
}
