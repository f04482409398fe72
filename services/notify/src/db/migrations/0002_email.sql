-- Email. Who can be written to (notify's copy of identity's users), each notification's delivery per channel
-- (queued, held for quiet hours or a digest, sent, failed: the admins' delivery log), and the key that signs
-- one-click unsubscribe links.
create table notify.recipients (
  tenant_id   uuid not null,
  user_id     uuid not null,
  email       text not null,
  name        text not null,
  locale      text not null,
  time_zone   text not null,
  active      boolean not null,
  primary key (tenant_id, user_id)
);
select platform.enable_tenant_rls('notify.recipients');

create table notify.deliveries (
  tenant_id        uuid not null,
  id               uuid not null,
  notification_id  uuid not null,
  user_id          uuid not null,
  channel          text not null check (channel in ('email', 'push', 'sms')),
  status           text not null check (status in ('queued', 'held', 'sent', 'failed')),
  attempts         int not null default 0,
  last_error       text,
  not_before       timestamptz,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  sent_at          timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, notification_id, channel)
);
create index deliveries_held on notify.deliveries (not_before) where status = 'held';
create index deliveries_log on notify.deliveries (tenant_id, created_at desc, id desc);
select platform.enable_tenant_rls('notify.deliveries');

-- Not a tenant's: the platform's key for unsubscribe links when TESSERA_SECRET_KEY is not set.
create table notify.signing_keys (
  id   text primary key,
  key  text not null
);

-- A notification may be for email only (the user turned its category off in the app): kept for the delivery,
-- not listed.
alter table notify.notifications add column in_app boolean not null default true;
