import { isAppError } from '@tessera/platform';
import type { User } from '../contract/schemas.js';
import type { BulkInviteError } from '../contract/users.js';
import type { IdentityDatabase } from '../db/identity.table.js';
import { toUser } from '../db/user.repository.js';
import type { IdentityDeps } from './deps.js';
import { readInvitationCsv } from './invitation-rows.js';
import { inviteUser } from './invitations.js';

/**
 * Invites every valid row of a CSV and lists the others with their line. Each row is invited in a
 * transaction of its own (user and link together, the email after commit), so a row is either fully
 * invited or listed as an error, never half-done; one bad row does not stop the rest.
 */
export async function bulkInvite(deps: IdentityDeps, tenantId: string, csv: string, invitedBy: string): Promise<{ invited: User[]; errors: BulkInviteError[] }> {
  const { rows, errors } = readInvitationCsv(csv);
  const taken = await existingEmailKeys(deps, tenantId, rows.map((row) => row.emailKey));
  const invited: User[] = [];
  for (const row of rows) {
    const alreadyThere = { line: row.line, email: row.email, detail: 'a user with this email already exists' };
    if (taken.has(row.emailKey)) {
      errors.push(alreadyThere);
      continue;
    }
    try {
      invited.push(toUser(await inviteUser(deps, tenantId, row, invitedBy), false));
    } catch (error) {
      // Someone else created the user since we looked: the row is refused like any existing one.
      if (!isAppError(error) || error.code !== 'IDENTITY.USER_EXISTS') throw error;
      errors.push(alreadyThere);
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { invited, errors };
}

async function existingEmailKeys(deps: IdentityDeps, tenantId: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await deps.db.withTenant<IdentityDatabase, Array<{ email_key: string }>>(tenantId, (tx) =>
    tx.selectFrom('identity.users').select('email_key').where('tenant_id', '=', tenantId).where('email_key', 'in', keys).execute());
  return new Set(rows.map((row) => row.email_key));
}
