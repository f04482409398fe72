-- Identity: tenants as business objects, users, credentials, sessions and refresh tokens, MFA, one-time
-- email tokens, SSO connections and API keys. Every table but `tenants` is tenant-owned under RLS.

create table tenants (
  id            uuid primary key,
  slug          text not null unique,
  name          text not null,
  tier          text not null check (tier in ('standard', 'enterprise')),
  status        text not null check (status in ('provisioning', 'active', 'suspended', 'deleted')),
  -- Policy a tenant admin sets: self-registration, roles that must use MFA, branding.
  settings      jsonb not null default '{}'::jsonb,
  version       int not null default 1,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  suspended_at  timestamptz,
  deleted_at    timestamptz
);
-- Tenants are listed by the platform admin (system); a tenant's own members may read and update only theirs.
alter table tenants enable row level security;
create policy own_tenant on tenants using (id = platform.current_tenant()) with check (id = platform.current_tenant());
grant select, update on tenants to tessera_app;

create table users (
  id                 uuid primary key,
  tenant_id          uuid not null,
  email              text not null,
  -- Lower-cased, NFKC-normalised: the unique sign-in name within the tenant.
  email_key          text not null,
  email_verified_at  timestamptz,
  name               text not null,
  status             text not null check (status in ('invited', 'active', 'deactivated')),
  roles              text[] not null,
  password_hash      text,
  locale             text not null default 'en',
  time_zone          text not null default 'UTC',
  preferences        jsonb not null default '{}'::jsonb,
  failed_sign_ins    int not null default 0,
  locked_until       timestamptz,
  version            int not null default 1,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  unique (tenant_id, email_key)
);
select platform.enable_tenant_rls('users');

create table sessions (
  id            uuid primary key,
  tenant_id     uuid not null,
  user_id       uuid not null references users (id) on delete cascade,
  -- How the user signed in (RFC 8176 methods: pwd, otp, fed) and from where.
  methods       text[] not null,
  user_agent    text,
  ip            text,
  created_at    timestamptz not null default now(),
  last_used_at  timestamptz not null default now(),
  expires_at    timestamptz not null,
  revoked_at    timestamptz,
  revoked_reason text
);
create index sessions_user on sessions (tenant_id, user_id);
select platform.enable_tenant_rls('sessions');

-- One row per refresh token ever issued: a token is used once; presenting a used one again is theft, and
-- revokes its whole family (the session).
create table refresh_tokens (
  token_hash   text primary key,
  tenant_id    uuid not null,
  session_id   uuid not null references sessions (id) on delete cascade,
  issued_at    timestamptz not null default now(),
  used_at      timestamptz
);
create index refresh_tokens_session on refresh_tokens (session_id);
select platform.enable_tenant_rls('refresh_tokens');

create table mfa_totp (
  user_id       uuid primary key references users (id) on delete cascade,
  tenant_id     uuid not null,
  secret        text not null,
  confirmed_at  timestamptz,
  -- The last time step accepted: a code is never accepted twice.
  last_step     bigint not null default 0,
  created_at    timestamptz not null default now()
);
select platform.enable_tenant_rls('mfa_totp');

create table recovery_codes (
  tenant_id  uuid not null,
  user_id    uuid not null references users (id) on delete cascade,
  code_hash  text not null,
  used_at    timestamptz,
  primary key (user_id, code_hash)
);
select platform.enable_tenant_rls('recovery_codes');

-- Sign-in challenges waiting for a second factor, and one-time email tokens (verify, reset, invitation).
create table one_time_tokens (
  token_hash  text primary key,
  tenant_id   uuid not null,
  user_id     uuid not null references users (id) on delete cascade,
  purpose     text not null check (purpose in ('verify_email', 'reset_password', 'invitation', 'mfa_challenge')),
  data        jsonb not null default '{}'::jsonb,
  attempts    int not null default 0,
  expires_at  timestamptz not null,
  used_at     timestamptz,
  created_at  timestamptz not null default now()
);
create index one_time_tokens_user on one_time_tokens (tenant_id, user_id, purpose);
select platform.enable_tenant_rls('one_time_tokens');

create table sso_connections (
  id             uuid primary key,
  tenant_id      uuid not null unique,
  issuer         text not null,
  client_id      text not null,
  client_secret  text not null,
  scopes         text[] not null,
  -- Roles given to users created by their first SSO sign-in.
  default_roles  text[] not null,
  enabled        boolean not null default true,
  version        int not null default 1,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
select platform.enable_tenant_rls('sso_connections');

create table sso_logins (
  state          text primary key,
  tenant_id      uuid not null,
  nonce          text not null,
  code_verifier  text not null,
  return_to      text,
  expires_at     timestamptz not null
);
select platform.enable_tenant_rls('sso_logins');

create table user_identities (
  tenant_id  uuid not null,
  issuer     text not null,
  subject    text not null,
  user_id    uuid not null references users (id) on delete cascade,
  primary key (tenant_id, issuer, subject)
);
select platform.enable_tenant_rls('user_identities');

create table api_keys (
  id            uuid primary key,
  tenant_id     uuid not null,
  name          text not null,
  -- The public part shown in lists; the secret is stored only as a hash.
  prefix        text not null,
  secret_hash   text not null,
  scopes        text[] not null,
  created_by    uuid not null,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
select platform.enable_tenant_rls('api_keys');
