import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { NotifyDatabase } from './notify.table.js';

type Db = Tx<NotifyDatabase>;

/** A user's mobile number and the state of its verification. */
export interface PhoneRecord {
  phone: string;
  verifiedAt: Date | null;
  codeHash: string | null;
  codeExpiresAt: Date | null;
  codeAttempts: number;
}

export async function findPhone(tx: Db, tenantId: string, userId: string, lock = false): Promise<PhoneRecord | undefined> {
  let query = tx.selectFrom('notify.phone_numbers').select(['phone', 'verified_at', 'code_hash', 'code_expires_at', 'code_attempts'])
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? {
    phone: row.phone, verifiedAt: row.verified_at ? new Date(row.verified_at) : null, codeHash: row.code_hash,
    codeExpiresAt: row.code_expires_at ? new Date(row.code_expires_at) : null, codeAttempts: Number(row.code_attempts),
  } : undefined;
}

/** The user's number once verified (else undefined): where their SMS go. */
export async function verifiedPhone(tx: Db, tenantId: string, userId: string): Promise<string | undefined> {
  const row = await tx.selectFrom('notify.phone_numbers').select('phone')
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('verified_at', 'is not', null).executeTakeFirst();
  return row?.phone;
}

/** How many codes the user was sent since `since`, and when the oldest of them went (null: none), read locked. */
export async function codesSentSince(tx: Db, tenantId: string, userId: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
  const { rows } = await sql<{ count: number | string; oldest: Date | null }>`
    select (select count(*)::int from unnest(p.codes_sent_at) as t where t > ${since}::timestamptz) as count,
           (select min(t) from unnest(p.codes_sent_at) as t where t > ${since}::timestamptz) as oldest
    from notify.phone_numbers p where p.tenant_id = ${tenantId} and p.user_id = ${userId}
    for update`.execute(tx);
  const row = rows[0];
  return { count: Number(row?.count ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}

/**
 * Stores the number unverified with a fresh code (its tries reset), and notes the send, dropping sends
 * older than `forgetBefore`. Replaces whatever number the user had: it is no longer theirs to receive SMS on
 * until this one is verified.
 */
export async function savePendingPhone(tx: Db, tenantId: string, userId: string, pending: { phone: string; codeHash: string; codeExpiresAt: Date; sentAt: Date; forgetBefore: Date }): Promise<void> {
  const values = { phone: pending.phone, verified_at: null, code_hash: pending.codeHash, code_expires_at: pending.codeExpiresAt, code_attempts: 0, updated_at: pending.sentAt };
  await tx.insertInto('notify.phone_numbers')
    .values({ tenant_id: tenantId, user_id: userId, ...values, codes_sent_at: sql<Date[]>`array[${pending.sentAt}::timestamptz]` })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({
      ...values,
      codes_sent_at: sql<Date[]>`array(select t from unnest(notify.phone_numbers.codes_sent_at) as t where t > ${pending.forgetBefore}::timestamptz) || ${pending.sentAt}::timestamptz`,
    })).execute();
}

/** Counts a wrong try; `voidCode`: it was the last one allowed, the code no longer verifies. */
export async function recordWrongCode(tx: Db, tenantId: string, userId: string, voidCode: boolean): Promise<void> {
  await tx.updateTable('notify.phone_numbers').set((eb) => ({
    code_attempts: eb('code_attempts', '+', 1), updated_at: new Date(),
    ...(voidCode ? { code_hash: null, code_expires_at: null } : {}),
  })).where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}

export async function markPhoneVerified(tx: Db, tenantId: string, userId: string, at: Date): Promise<void> {
  await tx.updateTable('notify.phone_numbers').set({ verified_at: at, code_hash: null, code_expires_at: null, code_attempts: 0, updated_at: at })
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}

/** Forgets the user's number. The record of codes sent goes with it: the hourly limit also counts per number, in the cache. */
export async function deletePhone(tx: Db, tenantId: string, userId: string): Promise<void> {
  await tx.deleteFrom('notify.phone_numbers').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}
