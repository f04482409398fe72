import { AppError, decodeCursor, toPage, type Principal } from '@tessera/platform';
import type { ApiKey, CreateApiKeyBody, CreatedApiKey } from '../contract/api-keys.js';
import { IdentityPermissions } from '../contract/permissions.js';
import { countActiveApiKeys, insertApiKey, listApiKeys, revokeApiKey, toApiKey, type ApiKeyRow } from '../db/api-key.repository.js';
import type { IdentityDatabase } from '../db/identity.table.js';
import { cleanName } from '../domain/email.js';
import { forgetApiKey, issueApiKey } from './api-keys.js';
import type { IdentityDeps } from './deps.js';

/** Keys that work at the same time, per tenant: enough for any integration landscape, bounded for the table. */
const MAX_ACTIVE_KEYS = 100;
const MAX_LIFETIME_YEARS = 2;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Creates an API key for the caller's tenant. A key can only carry permissions its creator holds (a key is
 * never a way up), never the platform's tenant management, and is made by a person, not by another key.
 */
export async function createApiKey(deps: IdentityDeps, principal: Principal, input: CreateApiKeyBody): Promise<CreatedApiKey> {
  if (principal.kind !== 'user') throw new AppError('forbidden', 'IDENTITY.USER_ONLY', 'API keys are created by a signed-in person, not by another key');
  assertGrantable(deps, principal, input.scopes);
  const expiresAt = input.expiresAt === undefined ? null : validExpiry(input.expiresAt);
  const name = cleanName(input.name);
  if (!name) throw invalid('IDENTITY.INVALID_NAME', 'The name is empty', '/body/name', 'must contain visible characters');
  const issued = issueApiKey(principal.tenantId);
  const row = await deps.db.withTenant<IdentityDatabase, ApiKeyRow>(principal.tenantId, async (tx) => {
    if ((await countActiveApiKeys(tx, principal.tenantId)) >= MAX_ACTIVE_KEYS) {
      throw new AppError('conflict', 'IDENTITY.TOO_MANY_API_KEYS', `A tenant can have at most ${MAX_ACTIVE_KEYS} active API keys; revoke unused ones first`);
    }
    return insertApiKey(tx, {
      id: issued.id, tenantId: principal.tenantId, name, prefix: issued.prefix, secretHash: issued.secretHash,
      scopes: [...input.scopes].sort(), createdBy: principal.subject, createdAt: new Date(), expiresAt,
    });
  });
  deps.logger.info({ tenantId: principal.tenantId, apiKeyId: row.id, scopes: row.scopes }, 'API key created');
  return {
    id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes, createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null, key: issued.key,
  };
}

/** A page of the tenant's keys, newest first, revoked and expired ones included (with their status). */
export async function listTenantApiKeys(deps: IdentityDeps, tenantId: string, limit: number, cursor: string | undefined) {
  const after = cursor ? afterOf(cursor) : undefined;
  const rows = await deps.db.withTenant<IdentityDatabase, ApiKeyRow[]>(tenantId, (tx) => listApiKeys(tx, tenantId, limit + 1, after));
  const now = new Date();
  return toPage(rows, limit, (row) => [row.created_at.toISOString(), row.id], (row): ApiKey => toApiKey(row, now));
}

/** Revokes a key of the tenant (again is fine); it stops working here at once and everywhere within 30 s. */
export async function revokeTenantApiKey(deps: IdentityDeps, tenantId: string, id: string): Promise<void> {
  const row = await deps.db.withTenant<IdentityDatabase, ApiKeyRow | undefined>(tenantId, (tx) => revokeApiKey(tx, tenantId, id));
  if (!row) throw new AppError('not_found', 'IDENTITY.API_KEY_NOT_FOUND', `No API key ${id}`);
  forgetApiKey(deps, tenantId, id);
  deps.logger.info({ tenantId, apiKeyId: id }, 'API key revoked');
}

function assertGrantable(deps: IdentityDeps, principal: Principal, scopes: string[]): void {
  const declared = new Set(deps.permissions.all());
  const held = deps.permissions.ofRoles(principal.roles);
  scopes.forEach((scope, index) => {
    if (scope === IdentityPermissions.manageTenants) {
      throw new AppError('forbidden', 'IDENTITY.SCOPE_NOT_GRANTABLE', `No API key can hold "${scope}"`);
    }
    if (!declared.has(scope)) {
      throw invalid('IDENTITY.UNKNOWN_SCOPE', `"${scope}" is not a permission of this platform`, `/body/scopes/${index}`, 'must be a declared permission');
    }
    if (!held.has(scope)) {
      throw new AppError('forbidden', 'IDENTITY.SCOPE_NOT_HELD', `You cannot give a key "${scope}": you do not hold it yourself`);
    }
  });
}

function validExpiry(text: string): Date {
  const expiresAt = new Date(text);
  const latest = new Date();
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_LIFETIME_YEARS);
  if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now() || expiresAt > latest) {
    throw invalid('IDENTITY.INVALID_EXPIRY', `expiresAt must be in the future and at most ${MAX_LIFETIME_YEARS} years away`, '/body/expiresAt', 'must be in the future, at most two years away');
  }
  return expiresAt;
}

function afterOf(cursor: string): { createdAt: Date; id: string } {
  const [createdAt, id] = decodeCursor(cursor, 2, ([time, key]) =>
    typeof time === 'string' && !Number.isNaN(Date.parse(time)) && typeof key === 'string' && UUID.test(key));
  return { createdAt: new Date(String(createdAt)), id: String(id) };
}

function invalid(code: string, message: string, pointer: string, detail: string): AppError {
  return new AppError('invalid', code, message, { errors: [{ pointer, detail }] });
}
