-- The example service proves the kernel end to end: a command writes a ping and emits an event,
-- and a consumer (usually in a worker process) records one receipt per ping, exactly once.
create table example.pings (
  id         uuid primary key,
  tenant_id  uuid not null,
  message    text not null,
  version    int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index pings_tenant_created on example.pings (tenant_id, created_at desc, id desc);
select platform.enable_tenant_rls('example.pings');

create table example.ping_receipts (
  tenant_id   uuid not null,
  ping_id     uuid not null references example.pings (id) on delete cascade,
  event_id    uuid not null,
  received_at timestamptz not null default now(),
  primary key (tenant_id, ping_id, event_id)
);
select platform.enable_tenant_rls('example.ping_receipts');
