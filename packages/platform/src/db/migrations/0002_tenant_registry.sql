-- The tenant registry: every process resolves a tenant's status and database here before any service code
-- runs (authentication, routing of enterprise tenants to their own database). The identity service owns
-- the tenant as a business object (name, settings, branding) and keeps this registry up to date.
create table platform.tenants (
  id            uuid primary key,
  slug          text not null unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$'),
  tier          text not null check (tier in ('standard', 'enterprise')),
  status        text not null check (status in ('provisioning', 'active', 'suspended', 'deleted')),
  -- Enterprise tenants: the name of their own database (PostgreSQL) or data folder (embedded).
  database_name text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
-- A tenant may read its own registry row; writes are the system's.
alter table platform.tenants enable row level security;
create policy own_tenant on platform.tenants for select to tessera_app using (id = platform.current_tenant());
grant select on platform.tenants to tessera_app;
