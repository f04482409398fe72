-- Enrollment's read model of the tenant's users, learned from identity's events (identity owns users; this
-- service never reads its tables). Staff enrollments and roster imports check user ids against it and resolve
-- emails through it. `seen_at` is the time of the newest event applied: events may arrive out of order, and
-- an older one never overwrites a newer one.
create table enrollment.users (
  tenant_id   uuid not null,
  user_id     uuid not null,
  email       text not null,
  -- identity's sign-in key of the email (NFKC, trimmed, lower-cased), so rows can name users by email.
  email_key   text not null,
  name        text not null,
  status      text not null check (status in ('active', 'deactivated')),
  seen_at     timestamptz(3) not null,
  primary key (tenant_id, user_id)
);
select platform.enable_tenant_rls('enrollment.users');
-- Not unique: a user's email may change and the events of two users may arrive out of order.
create index users_email on enrollment.users (tenant_id, email_key);

-- Enrollments waiting for both their user and their course to be known here (the demo seed plans one before
-- identity's and catalog's events arrive). Fulfilled, then removed, as soon as both are known.
create table enrollment.planned_enrollments (
  tenant_id         uuid not null,
  course_id         uuid not null,
  email_key         text not null,
  enrolled_by       uuid not null,
  -- How many of the course's first lessons to record as completed (demo progress).
  completed_lessons int not null default 0 check (completed_lessons >= 0),
  created_at        timestamptz(3) not null default now(),
  primary key (tenant_id, course_id, email_key)
);
select platform.enable_tenant_rls('enrollment.planned_enrollments');

-- The expiry job looks for tenants with unpaid enrollments past due and waitlists of closed courses.
create index enrollments_payment_due on enrollment.enrollments (payment_due_at) where status = 'pending_payment';
create index enrollments_waitlisted on enrollment.enrollments (tenant_id, course_id) where status = 'waitlisted';
