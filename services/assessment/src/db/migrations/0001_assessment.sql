-- Assessment owns exams and their frozen versions, attempts, answers, submissions with their results, and
-- manual grading. It keeps read models of what it needs from other services: the published versions of
-- the question bank's items (catalog.item.published, answers included, to grade with) and who is enrolled
-- in which course (enrollment.enrollment.*).

-- Every published version of every item of the tenant's bank, as catalog published it.
create table assessment.item_versions (
  tenant_id     uuid not null,
  item_id       uuid not null,
  version       int not null,
  type          text not null,
  skills        uuid[] not null default '{}',
  difficulty    real,
  course_id     uuid,
  content       jsonb not null,
  published_at  timestamptz(3) not null,
  primary key (tenant_id, item_id, version)
);
select platform.enable_tenant_rls('assessment.item_versions');

-- The newest published version of each item: what an exam takes when it is published.
create table assessment.items (
  tenant_id       uuid not null,
  item_id         uuid not null,
  latest_version  int not null,
  type            text not null,
  skills          uuid[] not null default '{}',
  difficulty      real,
  primary key (tenant_id, item_id)
);
select platform.enable_tenant_rls('assessment.items');
create index items_skills on assessment.items using gin (skills);

-- Who may take a course's exams: the latest enrollment status seen (events may arrive out of order; the
-- event time decides).
create table assessment.enrollments (
  tenant_id   uuid not null,
  course_id   uuid not null,
  user_id     uuid not null,
  status      text not null,
  changed_at  timestamptz(3) not null,
  primary key (tenant_id, course_id, user_id)
);
select platform.enable_tenant_rls('assessment.enrollments');

-- An exam (or quiz) of a course: the draft definition (settings and sections) edited with If-Match on
-- `version`, and the published version students take.
create table assessment.exams (
  id                 uuid primary key,
  tenant_id          uuid not null,
  course_id          uuid not null,
  title              text not null,
  category           text not null,
  status             text not null check (status in ('draft', 'published', 'archived')),
  version            int not null default 1,
  published_version  int,
  definition         jsonb not null,
  -- Set when staff release results (and feedback) of an exam whose policy is 'manual'.
  results_released_at   timestamptz(3),
  feedback_released_at  timestamptz(3),
  created_by         uuid,
  created_at         timestamptz(3) not null default now(),
  updated_at         timestamptz(3) not null default now()
);
select platform.enable_tenant_rls('assessment.exams');
create index exams_course on assessment.exams (tenant_id, course_id);

-- Frozen versions: settings, and sections whose items are resolved to item versions (draw pools included).
-- Never updated: attempts keep the version they started with.
create table assessment.exam_versions (
  tenant_id     uuid not null,
  exam_id       uuid not null,
  version       int not null,
  definition    jsonb not null,
  published_at  timestamptz(3) not null default now(),
  published_by  uuid,
  primary key (tenant_id, exam_id, version)
);
select platform.enable_tenant_rls('assessment.exam_versions');

-- Per-student accommodations: extra time (even past the exam's closing time) and extra attempts.
create table assessment.accommodations (
  tenant_id           uuid not null,
  exam_id             uuid not null,
  user_id             uuid not null,
  extra_time_percent  int not null default 0 check (extra_time_percent between 0 and 500),
  extra_minutes       int not null default 0 check (extra_minutes between 0 and 10080),
  extra_attempts      int not null default 0 check (extra_attempts between 0 and 100),
  note                text,
  updated_at          timestamptz(3) not null default now(),
  primary key (tenant_id, exam_id, user_id)
);
select platform.enable_tenant_rls('assessment.accommodations');

-- An attempt: the slots drawn for it from its seed (item versions, points, option order), its deadline on
-- the server's clock, and where it stands. Starting writes this one row.
create table assessment.attempts (
  id             uuid primary key,
  tenant_id      uuid not null,
  exam_id        uuid not null,
  exam_version   int not null,
  course_id      uuid not null,
  user_id        uuid not null,
  number         int not null,
  seed           bigint not null,
  slots          jsonb not null,
  status         text not null check (status in ('in_progress', 'submitted', 'graded')),
  started_at     timestamptz(3) not null,
  deadline_at    timestamptz(3),
  submitted_at   timestamptz(3),
  submission_id  uuid,
  unique (tenant_id, exam_id, user_id, number)
);
select platform.enable_tenant_rls('assessment.attempts');
create index attempts_due on assessment.attempts (deadline_at) where status = 'in_progress';

-- The latest answer per slot: last write wins by the client's monotonic sequence, whatever order the
-- autosaves are applied in.
create table assessment.answers (
  tenant_id   uuid not null,
  attempt_id  uuid not null,
  slot        text not null,
  seq         bigint not null,
  response    jsonb,
  saved_at    timestamptz(3) not null,
  primary key (attempt_id, slot)
);
select platform.enable_tenant_rls('assessment.answers');

-- The results read model: one row per submission (one per attempt), written by grading workers with an
-- upsert keyed by the submission id. `items` holds each slot's outcome.
create table assessment.submissions (
  id             uuid primary key,
  tenant_id      uuid not null,
  attempt_id     uuid not null unique,
  exam_id        uuid not null,
  exam_version   int not null,
  course_id      uuid not null,
  user_id        uuid not null,
  submitted_at   timestamptz(3) not null,
  late           boolean not null default false,
  auto           boolean not null default false,
  status         text not null check (status in ('graded', 'pending_manual', 'awaiting_code_grader')),
  score          numeric(12, 4) not null,
  max_score      numeric(12, 4) not null,
  penalty        numeric(12, 4) not null default 0,
  passed         boolean,
  items          jsonb not null,
  graded_at      timestamptz(3) not null,
  grading_round  int not null default 1
);
select platform.enable_tenant_rls('assessment.submissions');
create index submissions_exam on assessment.submissions (tenant_id, exam_id);
create index submissions_user on assessment.submissions (tenant_id, user_id);

-- Essays waiting for (or graded by) a person, criterion by criterion of the item's rubric.
create table assessment.manual_grades (
  tenant_id      uuid not null,
  submission_id  uuid not null,
  slot           text not null,
  exam_id        uuid not null,
  max_score      numeric(12, 4) not null,
  score          numeric(12, 4),
  rubric_scores  jsonb,
  comment        text,
  graded_by      uuid,
  graded_at      timestamptz(3),
  primary key (submission_id, slot)
);
select platform.enable_tenant_rls('assessment.manual_grades');
create index manual_grades_queue on assessment.manual_grades (tenant_id, exam_id) where graded_at is null;
