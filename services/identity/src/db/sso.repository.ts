import { sql, type Selectable } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { IdentityDatabase, SsoConnectionsTable, SsoLoginsTable } from './identity.table.js';

type Db = Tx<IdentityDatabase>;

export type SsoConnectionRow = Selectable<SsoConnectionsTable>;
export type SsoLoginRow = Selectable<SsoLoginsTable>;

const connectionColumns = [
  'id', 'tenant_id', 'issuer', 'client_id', 'client_secret', 'scopes', 'default_roles', 'enabled', 'version', 'created_at', 'updated_at',
] as const;

/** The fields of a connection a tenant admin sets (the secret already sealed). */
export interface ConnectionValues {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  defaultRoles: string[];
  enabled: boolean;
}

export async function findSsoConnection(tx: Db, tenantId: string): Promise<SsoConnectionRow | undefined> {
  return tx.selectFrom('identity.sso_connections').select(connectionColumns).where('tenant_id', '=', tenantId).executeTakeFirst();
}

/** Creates the tenant's one connection or replaces it, bumping its version. */
export async function upsertSsoConnection(tx: Db, tenantId: string, id: string, values: ConnectionValues): Promise<SsoConnectionRow> {
  const columns = {
    issuer: values.issuer,
    client_id: values.clientId,
    client_secret: values.clientSecret,
    scopes: values.scopes,
    default_roles: values.defaultRoles,
    enabled: values.enabled,
  };
  return tx.insertInto('identity.sso_connections').values({ id, tenant_id: tenantId, ...columns })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet((eb) => ({
      ...columns,
      version: eb('identity.sso_connections.version', '+', 1),
      updated_at: sql<Date>`now()`,
    })))
    .returning(connectionColumns).executeTakeFirstOrThrow();
}

export async function deleteSsoConnection(tx: Db, tenantId: string): Promise<boolean> {
  const result = await tx.deleteFrom('identity.sso_connections').where('tenant_id', '=', tenantId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function insertSsoLogin(tx: Db, login: SsoLoginRow): Promise<void> {
  await tx.insertInto('identity.sso_logins').values(login).execute();
}

/** Takes a pending login out (single use): a second callback with the same state finds nothing. */
export async function takeSsoLogin(tx: Db, tenantId: string, stateHash: string): Promise<SsoLoginRow | undefined> {
  return tx.deleteFrom('identity.sso_logins').where('tenant_id', '=', tenantId).where('state', '=', stateHash)
    .returning(['state', 'tenant_id', 'nonce', 'code_verifier', 'return_to', 'expires_at']).executeTakeFirst();
}

/** Forgets logins that were started and never came back, so abandoned ones do not pile up. */
export async function deleteExpiredSsoLogins(tx: Db, tenantId: string): Promise<void> {
  await tx.deleteFrom('identity.sso_logins').where('tenant_id', '=', tenantId).where('expires_at', '<', new Date()).execute();
}

/** The user an identity provider's subject is linked to. */
export async function findLinkedUserId(tx: Db, tenantId: string, issuer: string, subject: string): Promise<string | undefined> {
  const row = await tx.selectFrom('identity.user_identities').select('user_id')
    .where('tenant_id', '=', tenantId).where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
  return row?.user_id;
}

/** Links a subject to a user; if a concurrent sign-in linked it first, returns the user it is linked to. */
export async function linkIdentity(tx: Db, tenantId: string, issuer: string, subject: string, userId: string): Promise<string> {
  const inserted = await tx.insertInto('identity.user_identities').values({ tenant_id: tenantId, issuer, subject, user_id: userId })
    .onConflict((oc) => oc.columns(['tenant_id', 'issuer', 'subject']).doNothing()).returning('user_id').executeTakeFirst();
  return inserted?.user_id ?? (await findLinkedUserId(tx, tenantId, issuer, subject)) ?? userId;
}
