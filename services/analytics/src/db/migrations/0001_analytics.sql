-- Analytics: learning events in (deduplicated by the client's event id), one-minute windows per tenant and
-- course out. Windows are aggregated in event time: each tenant's watermark (the latest event time seen less the
-- allowed lateness) decides when a window is final and which late events are dropped.

-- What analytics knows of published courses (events may only name the tenant's own courses).
create table analytics.courses (
  tenant_id  uuid not null,
  course_id  uuid not null,
  title      text not null,
  primary key (tenant_id, course_id)
);
select platform.enable_tenant_rls('analytics.courses');

-- The client's ids of the events counted, for as long as an event with that id could still be counted.
create table analytics.event_ids (
  tenant_id   uuid not null,
  event_id    text not null,
  event_time  timestamptz not null,
  primary key (tenant_id, event_id)
);
create index event_ids_by_time on analytics.event_ids (event_time);
select platform.enable_tenant_rls('analytics.event_ids');

-- Each tenant's progress in event time, and what arrived too late to count.
create table analytics.watermarks (
  tenant_id        uuid not null primary key,
  max_event_time   timestamptz not null,
  late_dropped     bigint not null default 0,
  updated_at       timestamptz not null default now()
);
select platform.enable_tenant_rls('analytics.watermarks');

-- A one-minute tumbling window of a tenant's course (the nil uuid: events of no course). `users` is the
-- serialised distinct-user counter (exact up to a threshold, then HyperLogLog); `latency_ms` counts item
-- latencies per bucket (bounds in the code). Five-minute and hourly rollups merge these rows.
create table analytics.windows (
  tenant_id           uuid not null,
  course_id           uuid not null,
  window_start        timestamptz not null,
  events              bigint not null default 0,
  page_views          bigint not null default 0,
  attempts            bigint not null default 0,
  correct             bigint not null default 0,
  time_on_task_ms     bigint not null default 0,
  video_watched_sec   double precision not null default 0,
  video_views         bigint not null default 0,
  video_completions   bigint not null default 0,
  lessons_completed   bigint not null default 0,
  searches            bigint not null default 0,
  users               bytea not null,
  latency_ms          bigint[] not null,
  closed              boolean not null default false,
  updated_at          timestamptz not null default now(),
  primary key (tenant_id, course_id, window_start)
);
create index windows_open on analytics.windows (tenant_id, window_start) where not closed;
select platform.enable_tenant_rls('analytics.windows');

-- Per learner and course, what the instructor's "struggling students" and the student's own progress read.
create table analytics.learners (
  tenant_id        uuid not null,
  course_id        uuid not null,
  user_id          uuid not null,
  attempts         bigint not null default 0,
  correct          bigint not null default 0,
  time_on_task_ms  bigint not null default 0,
  lessons_completed bigint not null default 0,
  first_seen       timestamptz not null,
  last_seen        timestamptz not null,
  primary key (tenant_id, course_id, user_id)
);
select platform.enable_tenant_rls('analytics.learners');

-- Per learner and day (UTC), for streaks and time per day.
create table analytics.learner_days (
  tenant_id        uuid not null,
  user_id          uuid not null,
  day              date not null,
  events           bigint not null default 0,
  time_on_task_ms  bigint not null default 0,
  primary key (tenant_id, user_id, day)
);
select platform.enable_tenant_rls('analytics.learner_days');

-- Per item, for the hardest items of a course.
create table analytics.items (
  tenant_id   uuid not null,
  course_id   uuid not null,
  item_id     uuid not null,
  attempts    bigint not null default 0,
  correct     bigint not null default 0,
  latency_ms_total bigint not null default 0,
  primary key (tenant_id, course_id, item_id)
);
select platform.enable_tenant_rls('analytics.items');
