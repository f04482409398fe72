import type { Tx } from '@tessera/platform';
import type { IdentityDatabase, OneTimePurpose } from './identity.table.js';

type Db = Tx<IdentityDatabase>;

export async function insertOneTimeToken(tx: Db, token: { hash: string; tenantId: string; userId: string; purpose: OneTimePurpose; ttlMs: number; data?: Record<string, unknown> }): Promise<void> {
  await tx.insertInto('identity.one_time_tokens').values({
    token_hash: token.hash,
    tenant_id: token.tenantId,
    user_id: token.userId,
    purpose: token.purpose,
    data: JSON.stringify(token.data ?? {}),
    expires_at: new Date(Date.now() + token.ttlMs),
  }).execute();
}

/** An unused, unexpired token of `purpose`, locked for the caller's transaction. */
export async function findLiveToken(tx: Db, tenantId: string, hash: string, purpose: OneTimePurpose) {
  return tx.selectFrom('identity.one_time_tokens').select(['token_hash', 'user_id', 'data', 'attempts', 'expires_at'])
    .where('tenant_id', '=', tenantId).where('token_hash', '=', hash).where('purpose', '=', purpose)
    .where('used_at', 'is', null).where('expires_at', '>', new Date())
    .forUpdate().executeTakeFirst();
}

export async function markTokenUsed(tx: Db, tenantId: string, hash: string): Promise<void> {
  await tx.updateTable('identity.one_time_tokens').set({ used_at: new Date() })
    .where('tenant_id', '=', tenantId).where('token_hash', '=', hash).execute();
}

/** Counts a wrong answer against a token (an MFA challenge); returns the attempts so far. */
export async function countTokenAttempt(tx: Db, tenantId: string, hash: string): Promise<number> {
  const row = await tx.updateTable('identity.one_time_tokens').set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('token_hash', '=', hash).returning('attempts').executeTakeFirst();
  return row?.attempts ?? 0;
}

/** Spends every live token of a purpose for a user (a new reset link voids older ones). */
export async function voidTokens(tx: Db, tenantId: string, userId: string, purpose: OneTimePurpose): Promise<void> {
  await tx.updateTable('identity.one_time_tokens').set({ used_at: new Date() })
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}
