-- The gradebook: how a course weighs its exam categories. Per-student grades are not stored: they are
-- computed from assessment.submissions (the results read model) and assessment.exams, page by page.

-- A course's grading scheme: per exam category its weight (a percentage; weights are renormalised over
-- the categories a student has grades in) and how many of its lowest results are dropped. A course
-- without a row uses equal weights over the categories of its exams and drops nothing.
create table assessment.grading_schemes (
  tenant_id   uuid not null,
  course_id   uuid not null,
  categories  jsonb not null,
  version     int not null default 1,
  updated_by  uuid,
  updated_at  timestamptz(3) not null default now(),
  primary key (tenant_id, course_id)
);
select platform.enable_tenant_rls('assessment.grading_schemes');

-- The gradebook pages through a course's students: distinct user ids of its submissions, in id order.
create index submissions_course_user on assessment.submissions (tenant_id, course_id, user_id);
