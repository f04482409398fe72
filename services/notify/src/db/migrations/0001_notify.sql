-- In-app notifications. A notification is keyed per user by what caused it (`source_key`: the event id and the
-- kind of notice), so a duplicated or redelivered event stores nothing twice.
create table notify.notifications (
  tenant_id   uuid not null,
  id          uuid not null,
  user_id     uuid not null,
  category    text not null check (category in ('results', 'reminders', 'billing', 'course_updates', 'marketing', 'grading')),
  kind        text not null,
  title       text not null,
  body        text not null,
  link        text,
  source_key  text not null,
  created_at  timestamptz not null default now(),
  read_at     timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, user_id, source_key)
);
create index notifications_by_user on notify.notifications (tenant_id, user_id, created_at desc, id desc);
create index notifications_unread on notify.notifications (tenant_id, user_id) where read_at is null;
select platform.enable_tenant_rls('notify.notifications');

-- Each user's choices: channels per category, quiet hours in their time zone, digest frequency.
create table notify.preferences (
  tenant_id    uuid not null,
  user_id      uuid not null,
  channels     jsonb not null,
  quiet_hours  jsonb,
  time_zone    text not null default 'UTC',
  digest       text not null default 'immediate' check (digest in ('immediate', 'daily', 'weekly')),
  version      int not null default 1,
  updated_at   timestamptz not null default now(),
  primary key (tenant_id, user_id)
);
select platform.enable_tenant_rls('notify.preferences');
