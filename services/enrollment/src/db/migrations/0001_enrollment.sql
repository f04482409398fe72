-- Enrollment keeps its own read model of published courses (from catalog events), the enrollment settings it
-- owns (capacity, window, waitlist), enrollments with their state machine, and progress per lesson.

-- One row per course the tenant published. `latest_version` is the newest version seen (events may arrive out
-- of order); the course is archived while `archived_version >= latest_version`. The settings live here too so
-- that locking this row serialises every seat decision of the course.
create table enrollment.courses (
  tenant_id         uuid not null,
  course_id         uuid not null,
  latest_version    int not null default 0,
  archived_version  int,
  capacity          int check (capacity is null or capacity >= 0),
  opens_at          timestamptz(3),
  closes_at         timestamptz(3),
  waitlist_enabled  boolean not null default false,
  settings_version  int not null default 1,
  -- Hands out waitlist places in the order requests took the lock (timestamps could tie or invert).
  waitlist_counter  bigint not null default 0,
  primary key (tenant_id, course_id)
);
select platform.enable_tenant_rls('enrollment.courses');

-- Every published version is kept: students keep the version they started.
create table enrollment.course_versions (
  tenant_id     uuid not null,
  course_id     uuid not null,
  version       int not null,
  title         text not null,
  price_ref     text,
  modules       jsonb not null,
  lesson_count  int not null,
  published_at  timestamptz(3) not null,
  primary key (tenant_id, course_id, version)
);
select platform.enable_tenant_rls('enrollment.course_versions');

create table enrollment.course_lessons (
  tenant_id   uuid not null,
  course_id   uuid not null,
  version     int not null,
  lesson_id   uuid not null,
  module_id   uuid not null,
  title       text not null,
  -- Order of the lesson in the whole course (module position, then lesson position).
  ordinal     int not null,
  primary key (tenant_id, course_id, version, lesson_id)
);
select platform.enable_tenant_rls('enrollment.course_lessons');

create table enrollment.enrollments (
  id              uuid primary key,
  tenant_id       uuid not null,
  course_id       uuid not null,
  user_id         uuid not null,
  course_version  int not null,
  status          text not null check (status in ('requested', 'pending_payment', 'active', 'waitlisted', 'completed', 'cancelled', 'expired')),
  price_ref       text,
  enrolled_by     uuid,
  waitlist_seq    bigint,
  payment_due_at  timestamptz(3),
  requested_at    timestamptz(3) not null default now(),
  activated_at    timestamptz(3),
  completed_at    timestamptz(3),
  ended_at        timestamptz(3),
  last_lesson_id  uuid,
  last_activity_at timestamptz(3),
  version         int not null default 1
);
select platform.enable_tenant_rls('enrollment.enrollments');
-- One live enrollment per student and course; after a cancellation or expiry they may enroll again.
create unique index enrollments_one_live on enrollment.enrollments (tenant_id, course_id, user_id)
  where status in ('requested', 'pending_payment', 'active', 'waitlisted', 'completed');
create index enrollments_course_status on enrollment.enrollments (tenant_id, course_id, status);
create index enrollments_course_requested on enrollment.enrollments (tenant_id, course_id, requested_at, id);
create index enrollments_user_requested on enrollment.enrollments (tenant_id, user_id, requested_at desc, id desc);

create table enrollment.lesson_progress (
  tenant_id      uuid not null,
  enrollment_id  uuid not null references enrollment.enrollments (id) on delete cascade,
  lesson_id      uuid not null,
  started_at     timestamptz(3) not null default now(),
  completed_at   timestamptz(3),
  seconds_spent  int not null default 0,
  primary key (tenant_id, enrollment_id, lesson_id)
);
select platform.enable_tenant_rls('enrollment.lesson_progress');
