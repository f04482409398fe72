import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '@tessera/platform';
import type { PutSsoConnectionBody, SsoConnection } from '../contract/sso.js';
import type { IdentityDatabase } from '../db/identity.table.js';
import {
  deleteSsoConnection as deleteRow, findSsoConnection, upsertSsoConnection, type SsoConnectionRow,
} from '../db/sso.repository.js';
import type { OidcConnection } from '../sso/oidc-client.js';
import { oidcConfiguration } from '../sso/oidc-configuration.js';
import type { IdentityDeps } from './deps.js';
import { openSecret, sealSecret } from './secret-box-of.js';

const DEFAULT_SCOPES = ['openid', 'email', 'profile'];
const DEFAULT_ROLES = ['student'];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A tenant's enabled connection, ready for a login: the secret opened, the roles new users get. */
export interface EnabledSsoConnection extends OidcConnection {
  defaultRoles: string[];
}

/** The redirect URI every tenant registers at its provider: one callback, the state says which tenant. */
export function ssoRedirectUri(deps: IdentityDeps): string {
  return `${deps.config.TESSERA_PUBLIC_URL.replace(/\/+$/, '')}/api/v1/auth/sso/callback`;
}

/** The tenant's connection as its admin sees it, or 404. */
export async function getSsoConnection(deps: IdentityDeps, tenantId: string): Promise<SsoConnection> {
  const row = await deps.db.withTenant<IdentityDatabase, SsoConnectionRow | undefined>(tenantId, (tx) => findSsoConnection(tx, tenantId));
  if (!row) throw notConfigured();
  return toView(deps, row);
}

/**
 * Creates or replaces the tenant's connection. The issuer's discovery document is loaded first, so a typo
 * or an unreachable provider is reported now (422 SSO.DISCOVERY_FAILED) rather than at the first sign-in.
 */
export async function putSsoConnection(deps: IdentityDeps, tenantId: string, body: PutSsoConnectionBody): Promise<SsoConnection> {
  const issuer = checkedIssuer(body.issuer);
  await assertDiscoverable({ issuer, clientId: body.clientId, clientSecret: body.clientSecret });
  const sealedSecret = await sealSecret(deps, body.clientSecret);
  const row = await deps.db.withTenant<IdentityDatabase, SsoConnectionRow>(tenantId, (tx) => upsertSsoConnection(tx, tenantId, randomUUID(), {
    issuer,
    clientId: body.clientId,
    clientSecret: sealedSecret,
    scopes: [...new Set(['openid', ...(body.scopes ?? DEFAULT_SCOPES)])],
    defaultRoles: body.defaultRoles ?? DEFAULT_ROLES,
    enabled: body.enabled ?? true,
  }));
  deps.logger.info({ tenantId, issuer, enabled: row.enabled, version: row.version }, 'SSO connection saved');
  return toView(deps, row);
}

/** Removes the tenant's connection (404 when there is none). Linked identities stay, for a later reconnection. */
export async function removeSsoConnection(deps: IdentityDeps, tenantId: string): Promise<void> {
  const deleted = await deps.db.withTenant<IdentityDatabase, boolean>(tenantId, (tx) => deleteRow(tx, tenantId));
  if (!deleted) throw notConfigured();
  deps.logger.info({ tenantId }, 'SSO connection removed');
}

/** The tenant's connection if it is enabled, with its secret opened for the provider. */
export async function enabledSsoConnection(deps: IdentityDeps, tenantId: string): Promise<EnabledSsoConnection | undefined> {
  const row = await deps.db.withTenant<IdentityDatabase, SsoConnectionRow | undefined>(tenantId, (tx) => findSsoConnection(tx, tenantId));
  if (!row?.enabled) return undefined;
  const clientSecret = await openSecret(deps, row.client_secret);
  return { issuer: row.issuer, clientId: row.client_id, clientSecret, scopes: row.scopes, defaultRoles: row.default_roles };
}

/**
 * The issuer as an absolute https URL without credentials, query or fragment (OpenID Discovery §2). Plain
 * http only for a loopback host, where no one else sits on the wire (local development, tests).
 */
function checkedIssuer(given: string): string {
  const issuer = given.trim();
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw invalidIssuer('must be an absolute URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw invalidIssuer('must use https (http only for a loopback host)');
  }
  if (url.username || url.password || url.search || url.hash || issuer.includes('?') || issuer.includes('#')) {
    throw invalidIssuer('must have no credentials, query or fragment');
  }
  return issuer;
}

async function assertDiscoverable(credentials: { issuer: string; clientId: string; clientSecret: string }): Promise<void> {
  try {
    await oidcConfiguration(credentials);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const reason = reasonOf(error);
    throw new AppError('unprocessable', 'SSO.DISCOVERY_FAILED', `The provider's discovery document could not be used: ${reason}`, { reason });
  }
}

/** What went wrong, for the admin who typed the issuer: the innermost library message, kept short. */
function reasonOf(error: AppError): string {
  let reason = error.message;
  let current: unknown = error.cause;
  for (let depth = 0; current instanceof Error && depth < 8; depth++) {
    if (current.message) reason = `${error.message} (${current.message})`;
    current = current.cause;
  }
  return reason.slice(0, 300);
}

function toView(deps: IdentityDeps, row: SsoConnectionRow): SsoConnection {
  return {
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecretSet: true,
    scopes: row.scopes,
    defaultRoles: row.default_roles as SsoConnection['defaultRoles'],
    enabled: row.enabled,
    version: row.version,
    redirectUri: ssoRedirectUri(deps),
    updatedAt: row.updated_at.toISOString(),
  };
}

function invalidIssuer(detail: string): AppError {
  return new AppError('invalid', 'SSO.INVALID_ISSUER', `The issuer ${detail}`, { errors: [{ pointer: '/body/issuer', detail }] });
}

function notConfigured(): AppError {
  return new AppError('not_found', 'SSO.NOT_CONFIGURED', 'This institution has no single sign-on connection');
}
