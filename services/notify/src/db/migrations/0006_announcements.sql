-- Announcements: staff write to a course's students or to everyone holding a role, now or at a time they choose,
-- and the job sends each once (every recipient's notice is keyed by the announcement). Who is in a course and who
-- holds which role come from enrollment's and identity's events; the exams notify knows of (from assessment) drive
-- "exam tomorrow" reminders and tell who published an exam, to whom essays awaiting grading are announced.
create table notify.announcements (
  tenant_id        uuid not null,
  id               uuid not null,
  author_id        uuid not null,
  course_id        uuid,
  role             text,
  category         text not null,
  title            text not null,
  body             text not null,
  send_at          timestamptz not null,
  status           text not null check (status in ('scheduled', 'sending', 'sent', 'cancelled')),
  claimed_at       timestamptz,
  recipients       int,
  created_at       timestamptz not null default now(),
  sent_at          timestamptz,
  primary key (tenant_id, id),
  check ((course_id is null) <> (role is null))
);
create index announcements_due on notify.announcements (send_at) where status in ('scheduled', 'sending');
create index announcements_list on notify.announcements (tenant_id, created_at desc, id desc);
select platform.enable_tenant_rls('notify.announcements');

create table notify.course_members (
  tenant_id  uuid not null,
  course_id  uuid not null,
  user_id    uuid not null,
  primary key (tenant_id, course_id, user_id)
);
select platform.enable_tenant_rls('notify.course_members');

alter table notify.recipients add column roles text[] not null default '{}';

create table notify.exams (
  tenant_id     uuid not null,
  exam_id       uuid not null,
  course_id     uuid not null,
  version       int not null,
  title         text not null,
  opens_at      timestamptz,
  published_by  uuid,
  -- When the "exam tomorrow" reminder goes out (a day before it opens), until it has.
  remind_at     timestamptz,
  reminded_at   timestamptz,
  primary key (tenant_id, exam_id)
);
create index exams_reminders on notify.exams (remind_at) where reminded_at is null and remind_at is not null;
select platform.enable_tenant_rls('notify.exams');

create table notify.exam_takers (
  tenant_id  uuid not null,
  exam_id    uuid not null,
  user_id    uuid not null,
  primary key (tenant_id, exam_id, user_id)
);
select platform.enable_tenant_rls('notify.exam_takers');

-- The tenant's published courses (from catalog): an announcement names one of them, never another tenant's.
create table notify.courses (
  tenant_id  uuid not null,
  course_id  uuid not null,
  title      text not null,
  archived   boolean not null default false,
  primary key (tenant_id, course_id)
);
select platform.enable_tenant_rls('notify.courses');
