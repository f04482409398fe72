-- Kernel tables: tenancy helpers, transactional outbox and inbox, idempotency records, dead letters,
-- and the storage of the database-backed local bus.

create or replace function platform.current_tenant() returns uuid
  language sql stable
  as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- Declares a tenant-owned table: RLS on, one policy on tenant_id, and DML granted to the application role.
-- Not forced: the owner is the kernel's system role (migrations, relay, platform admin) and never serves
-- tenant requests; every tenant unit of work runs as tessera_app, which RLS always confines.
create or replace function platform.enable_tenant_rls(target regclass) returns void
  language plpgsql
  as $$
begin
  execute format('alter table %s enable row level security', target);
  execute format('drop policy if exists tenant_isolation on %s', target);
  execute format(
    'create policy tenant_isolation on %s using (tenant_id = platform.current_tenant()) with check (tenant_id = platform.current_tenant())',
    target);
  execute format('grant select, insert, update, delete on %s to tessera_app', target);
end
$$;

-- Grants the application role DML on a table that is not tenant-owned (reference data).
create or replace function platform.grant_app(target regclass) returns void
  language plpgsql
  as $$
begin
  execute format('grant select, insert, update, delete on %s to tessera_app', target);
end
$$;

create table platform.outbox (
  seq        bigserial primary key,
  id         uuid not null unique,
  tenant_id  uuid,
  event      jsonb not null,
  created_at timestamptz not null default now(),
  -- A relay claims a batch for a while; if it dies before deleting, another relay publishes it again.
  claimed_until timestamptz
);
-- Producers insert under their tenant; only the relay (owner) reads across tenants.
alter table platform.outbox enable row level security;
create policy tenant_insert on platform.outbox for insert to tessera_app
  with check (tenant_id = platform.current_tenant());
grant insert on platform.outbox to tessera_app;

create table platform.inbox (
  consumer     text not null,
  event_id     uuid not null,
  tenant_id    uuid,
  processed_at timestamptz not null default now(),
  primary key (consumer, event_id)
);
select platform.enable_tenant_rls('platform.inbox');

create table platform.idempotency_keys (
  tenant_id       uuid not null,
  principal       text not null,
  key             text not null,
  route           text not null,
  request_hash    text not null,
  status          text not null check (status in ('in_progress', 'completed')),
  response_status int,
  response_body   text,
  response_type   text,
  locked_until    timestamptz not null,
  created_at      timestamptz not null default now(),
  primary key (tenant_id, principal, key)
);
select platform.enable_tenant_rls('platform.idempotency_keys');

create table platform.dead_letters (
  id         bigserial primary key,
  tenant_id  uuid,
  durable    text not null,
  subject    text not null,
  event_id   uuid not null,
  event      jsonb not null,
  deliveries int not null,
  error      text not null,
  dead_at    timestamptz not null default now(),
  unique (durable, event_id)
);
alter table platform.dead_letters enable row level security;
create policy tenant_isolation on platform.dead_letters
  using (tenant_id = platform.current_tenant()) with check (tenant_id = platform.current_tenant());
grant select on platform.dead_letters to tessera_app;

-- The local bus: a durable log of messages and, per durable consumer, a read position and the messages
-- it has taken but not yet acknowledged. Kernel-internal, never touched by the application role.
create table platform.bus_messages (
  seq          bigserial primary key,
  id           uuid not null unique,
  subject      text not null,
  event        jsonb not null,
  published_at timestamptz not null default now()
);

create table platform.bus_consumers (
  durable    text primary key,
  pattern    text not null,
  last_seq   bigint not null
);

create table platform.bus_pending (
  durable     text not null references platform.bus_consumers (durable) on delete cascade,
  seq         bigint not null,
  deliveries  int not null default 0,
  visible_at  timestamptz not null default now(),
  primary key (durable, seq)
);
create index bus_pending_visible on platform.bus_pending (durable, visible_at);

create table platform.signing_keys (
  kid         text primary key,
  algorithm   text not null,
  public_jwk  jsonb not null,
  private_jwk jsonb not null,
  created_at  timestamptz not null default now(),
  retired_at  timestamptz
);
