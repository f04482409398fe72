import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

/** Row types of the identity schema. */
export interface TenantsTable {
  id: string;
  slug: string;
  name: string;
  tier: 'standard' | 'enterprise';
  status: 'provisioning' | 'active' | 'suspended' | 'deleted';
  settings: Json<Record<string, unknown>>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  suspended_at: NullableTimestamp;
  deleted_at: NullableTimestamp;
}

export interface UsersTable {
  id: string;
  tenant_id: string;
  email: string;
  email_key: string;
  email_verified_at: NullableTimestamp;
  name: string;
  status: 'invited' | 'active' | 'deactivated';
  roles: string[];
  password_hash: string | null;
  locale: Generated<string>;
  time_zone: Generated<string>;
  preferences: Json<Record<string, unknown>>;
  failed_sign_ins: Generated<number>;
  locked_until: NullableTimestamp;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  tenant_id: string;
  user_id: string;
  methods: string[];
  user_agent: string | null;
  ip: string | null;
  created_at: Generated<Date>;
  last_used_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  revoked_reason: string | null;
}

export interface RefreshTokensTable {
  token_hash: string;
  tenant_id: string;
  session_id: string;
  issued_at: Generated<Date>;
  used_at: NullableTimestamp;
}

export interface MfaTotpTable {
  user_id: string;
  tenant_id: string;
  secret: string;
  confirmed_at: NullableTimestamp;
  last_step: Generated<number>;
  created_at: Generated<Date>;
}

export interface RecoveryCodesTable {
  tenant_id: string;
  user_id: string;
  code_hash: string;
  used_at: NullableTimestamp;
}

export type OneTimePurpose = 'verify_email' | 'reset_password' | 'invitation' | 'mfa_challenge';

export interface OneTimeTokensTable {
  token_hash: string;
  tenant_id: string;
  user_id: string;
  purpose: OneTimePurpose;
  data: Json<Record<string, unknown>>;
  attempts: Generated<number>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface SsoConnectionsTable {
  id: string;
  tenant_id: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  scopes: string[];
  default_roles: string[];
  enabled: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SsoLoginsTable {
  state: string;
  tenant_id: string;
  nonce: string;
  code_verifier: string;
  return_to: string | null;
  expires_at: Timestamp;
}

export interface UserIdentitiesTable {
  tenant_id: string;
  issuer: string;
  subject: string;
  user_id: string;
}

export interface ApiKeysTable {
  id: string;
  tenant_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: string[];
  created_by: string;
  created_at: Generated<Date>;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface IdentityDatabase {
  'identity.tenants': TenantsTable;
  'identity.users': UsersTable;
  'identity.sessions': SessionsTable;
  'identity.refresh_tokens': RefreshTokensTable;
  'identity.mfa_totp': MfaTotpTable;
  'identity.recovery_codes': RecoveryCodesTable;
  'identity.one_time_tokens': OneTimeTokensTable;
  'identity.sso_connections': SsoConnectionsTable;
  'identity.sso_logins': SsoLoginsTable;
  'identity.user_identities': UserIdentitiesTable;
  'identity.api_keys': ApiKeysTable;
}

export type TenantRow = Selectable<TenantsTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
