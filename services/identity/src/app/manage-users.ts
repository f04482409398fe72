import { AppError } from '@tessera/platform';
import { IdentityEvents, type RoleGrantedData } from '../contract/events.js';
import type { User } from '../contract/schemas.js';
import type { UpdateUserBody } from '../contract/users.js';
import type { IdentityDatabase } from '../db/identity.table.js';
import { findUserById, updateUser } from '../db/user.repository.js';
import { assertNotLastAdmin } from './admin-guard.js';
import type { IdentityDeps } from './deps.js';
import { storedName } from './display-name.js';
import { presentUser, userNotFound } from './list-users.js';

/**
 * A tenant admin renames a user or sets their roles, at the version they last read. A role change emits
 * `identity.role.granted` in the same transaction; it may not leave the tenant without an active admin.
 * `platform_admin` is not the tenant's to give or take: a user who holds it keeps it.
 */
export async function updateTenantUser(deps: IdentityDeps, tenantId: string, userId: string, changes: UpdateUserBody, expectedVersion: number): Promise<User> {
  const name = changes.name === undefined ? undefined : storedName(changes.name);
  return deps.db.withTenant<IdentityDatabase, User>(tenantId, async (tx) => {
    const current = await findUserById(tx, tenantId, userId);
    if (!current) throw userNotFound(userId);
    if (current.version !== expectedVersion) throw versionMismatch(current.version, expectedVersion);
    const roles = changes.roles && withKeptRoles(changes.roles, current.roles);
    const rolesChanged = roles !== undefined && !sameRoles(roles, current.roles);
    if (rolesChanged) await assertNotLastAdmin(tx, current, roles.includes('tenant_admin'));
    const updated = await updateUser(tx, tenantId, userId, { ...(name ? { name } : {}), ...(rolesChanged ? { roles } : {}) }, expectedVersion);
    // Another writer got in between our read and this update.
    if (!updated) throw versionMismatch(current.version + 1, expectedVersion);
    if (rolesChanged) {
      const data: RoleGrantedData = { userId, roles: updated.roles, granted: updated.roles.filter((role) => !current.roles.includes(role)) };
      await deps.outbox.emit(tx, tenantId, [{ name: IdentityEvents.roleGranted, subject: userId, data }]);
    }
    return presentUser(tx, updated);
  });
}

function withKeptRoles(given: readonly string[], current: readonly string[]): string[] {
  const kept = current.includes('platform_admin') ? ['platform_admin'] : [];
  return [...new Set([...given, ...kept])];
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

function versionMismatch(actual: number, expected: number): AppError {
  return new AppError('precondition_failed', 'IDENTITY.USER_VERSION_MISMATCH', `The user is at version ${actual}, not ${expected}: read it again`);
}
