-- The key that seals secrets at rest (TOTP secrets, SSO client secrets) when TESSERA_SECRET_KEY is not set,
-- so embedded mode works with no setup. Not tenant-owned: read and written only by system units of work,
-- never granted to the application role.
create table secret_keys (
  id          text primary key,
  key         text not null,
  created_at  timestamptz not null default now()
);
