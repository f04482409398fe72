import { AppError, type Tx } from '@tessera/platform';
import type { IdentityDatabase, UserRow } from '../db/identity.table.js';

/**
 * Refuses a change that would leave the tenant without an active tenant admin. The tenant's active admins
 * are locked (in id order, so concurrent demotions queue instead of each seeing the other as the survivor).
 */
export async function assertNotLastAdmin(tx: Tx<IdentityDatabase>, user: UserRow, remainsAdmin: boolean): Promise<void> {
  if (remainsAdmin || user.status !== 'active' || !user.roles.includes('tenant_admin')) return;
  const admins = await tx.selectFrom('identity.users').select('id')
    .where('tenant_id', '=', user.tenant_id).where('status', '=', 'active')
    .where((eb) => eb(eb.val('tenant_admin'), '=', eb.fn.any('roles')))
    .orderBy('id').forUpdate().execute();
  if (!admins.some((admin) => admin.id !== user.id)) {
    throw new AppError('conflict', 'IDENTITY.LAST_ADMIN', 'This is the last active tenant admin: make someone else an admin first');
  }
}
