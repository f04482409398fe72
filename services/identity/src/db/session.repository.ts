import type { Tx } from '@tessera/platform';
import type { IdentityDatabase, SessionRow } from './identity.table.js';

type Db = Tx<IdentityDatabase>;

const columns = ['id', 'tenant_id', 'user_id', 'methods', 'user_agent', 'ip', 'created_at', 'last_used_at', 'expires_at', 'revoked_at', 'revoked_reason'] as const;

export async function insertSession(tx: Db, session: { id: string; tenantId: string; userId: string; methods: string[]; userAgent: string | null; ip: string | null; expiresAt: Date }): Promise<void> {
  await tx.insertInto('identity.sessions').values({
    id: session.id,
    tenant_id: session.tenantId,
    user_id: session.userId,
    methods: session.methods,
    user_agent: session.userAgent,
    ip: session.ip,
    expires_at: session.expiresAt,
  }).execute();
}

export async function insertRefreshToken(tx: Db, tenantId: string, sessionId: string, tokenHash: string): Promise<void> {
  await tx.insertInto('identity.refresh_tokens').values({ token_hash: tokenHash, tenant_id: tenantId, session_id: sessionId }).execute();
}

/** The refresh token row and its session, locked for the rotation. */
export async function findRefreshToken(tx: Db, tenantId: string, tokenHash: string) {
  return tx.selectFrom('identity.refresh_tokens as r')
    .innerJoin('identity.sessions as s', 's.id', 'r.session_id')
    .select(['r.token_hash', 'r.used_at', 'r.session_id', 's.user_id', 's.methods', 's.expires_at', 's.revoked_at'])
    .where('r.tenant_id', '=', tenantId).where('r.token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

/** Marks a refresh token used unless it already was; true when this call used it. */
export async function useRefreshToken(tx: Db, tenantId: string, tokenHash: string): Promise<boolean> {
  const row = await tx.updateTable('identity.refresh_tokens').set({ used_at: new Date() })
    .where('tenant_id', '=', tenantId).where('token_hash', '=', tokenHash).where('used_at', 'is', null)
    .returning('token_hash').executeTakeFirst();
  return row !== undefined;
}

export async function touchSession(tx: Db, tenantId: string, sessionId: string, expiresAt: Date): Promise<void> {
  await tx.updateTable('identity.sessions').set({ last_used_at: new Date(), expires_at: expiresAt })
    .where('tenant_id', '=', tenantId).where('id', '=', sessionId).execute();
}

/** Revokes sessions of a user (all, or the ones listed); returns the ids it revoked. */
export async function revokeSessions(tx: Db, tenantId: string, userId: string, reason: string, only?: string[]): Promise<string[]> {
  let query = tx.updateTable('identity.sessions').set({ revoked_at: new Date(), revoked_reason: reason })
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (only) {
    if (only.length === 0) return [];
    query = query.where('id', 'in', only);
  }
  const rows = await query.returning('id').execute();
  return rows.map((row) => row.id);
}

export async function listActiveSessions(tx: Db, tenantId: string, userId: string): Promise<SessionRow[]> {
  return tx.selectFrom('identity.sessions').select(columns)
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId)
    .where('revoked_at', 'is', null).where('expires_at', '>', new Date())
    .orderBy('last_used_at', 'desc').limit(200).execute();
}
