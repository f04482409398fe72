import type { Selectable } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { IdentityDatabase, MfaTotpTable } from './identity.table.js';

type Db = Tx<IdentityDatabase>;

export type TotpRow = Pick<Selectable<MfaTotpTable>, 'user_id' | 'secret' | 'confirmed_at' | 'last_step'>;

/** The user's TOTP factor (confirmed or pending), locked for the caller's transaction. */
export async function findTotp(tx: Db, tenantId: string, userId: string): Promise<TotpRow | undefined> {
  return tx.selectFrom('identity.mfa_totp').select(['user_id', 'secret', 'confirmed_at', 'last_step'])
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).forUpdate().executeTakeFirst();
}

/** Stores a pending (unconfirmed) factor, replacing an earlier pending one; false when a confirmed one exists. */
export async function savePendingTotp(tx: Db, tenantId: string, userId: string, sealedSecret: string): Promise<boolean> {
  const row = await tx.insertInto('identity.mfa_totp')
    .values({ user_id: userId, tenant_id: tenantId, secret: sealedSecret })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret: sealedSecret, last_step: 0, created_at: new Date() })
      .where('identity.mfa_totp.confirmed_at', 'is', null))
    .returning('user_id').executeTakeFirst();
  return row !== undefined;
}

/**
 * Records `step` as the last one accepted (confirming a pending factor), only if it is later than the one
 * stored: of two requests racing with the same code, one wins.
 */
export async function acceptTotpStep(tx: Db, tenantId: string, userId: string, step: number): Promise<boolean> {
  const row = await tx.updateTable('identity.mfa_totp')
    .set((eb) => ({ last_step: step, confirmed_at: eb.fn.coalesce('confirmed_at', eb.val(new Date())) }))
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('last_step', '<', step)
    .returning('user_id').executeTakeFirst();
  return row !== undefined;
}

/** Removes the user's TOTP factor and recovery codes; false when there was no factor. */
export async function deleteSecondFactor(tx: Db, tenantId: string, userId: string): Promise<boolean> {
  await tx.deleteFrom('identity.recovery_codes').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
  const deleted = await tx.deleteFrom('identity.mfa_totp').where('tenant_id', '=', tenantId).where('user_id', '=', userId)
    .returning('user_id').executeTakeFirst();
  return deleted !== undefined;
}

/** Replaces every recovery code of the user (used or not) with `hashes`. */
export async function replaceRecoveryCodes(tx: Db, tenantId: string, userId: string, hashes: string[]): Promise<void> {
  await tx.deleteFrom('identity.recovery_codes').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
  if (hashes.length === 0) return;
  await tx.insertInto('identity.recovery_codes')
    .values(hashes.map((hash) => ({ tenant_id: tenantId, user_id: userId, code_hash: hash })))
    .onConflict((oc) => oc.doNothing()).execute();
}

/** Spends an unused recovery code; false when it is unknown or already spent. */
export async function spendRecoveryCode(tx: Db, tenantId: string, userId: string, hash: string): Promise<boolean> {
  const row = await tx.updateTable('identity.recovery_codes').set({ used_at: new Date() })
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('code_hash', '=', hash).where('used_at', 'is', null)
    .returning('user_id').executeTakeFirst();
  return row !== undefined;
}
