-- Web push. Each browser (or device) a user allowed to receive pushes is one subscription: the push service's
-- endpoint the server POSTs to and the browser's keys that encrypt the payload. An endpoint is one row per tenant
-- (subscribing it again re-binds it to whoever signed in on that browser); a push service answering 404 or 410
-- for it means it expired, and the row is deleted.
create table notify.push_subscriptions (
  tenant_id        uuid not null,
  id               uuid not null,
  user_id          uuid not null,
  endpoint         text not null,
  p256dh           text not null,
  auth             text not null,
  user_agent       text,
  created_at       timestamptz not null default now(),
  last_success_at  timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, endpoint)
);
create index push_subscriptions_by_user on notify.push_subscriptions (tenant_id, user_id, created_at);
select platform.enable_tenant_rls('notify.push_subscriptions');
