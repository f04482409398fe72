-- Adaptive owns learner models (BKT mastery per skill, IRT ability, review schedules), the responses they
-- learn from, fitted parameters, and read models of what it needs from other services: published items
-- (answers included: practice is graded here, with assessment's grading code), the skill graph, published
-- courses and who is enrolled where.

-- The newest published version of each item of the tenant's bank.
create table adaptive.items (
  tenant_id       uuid not null,
  item_id         uuid not null,
  version         int not null,
  type            text not null,
  skills          uuid[] not null default '{}',
  course_id       uuid,
  content         jsonb not null,
  -- The author's guess: share of learners expected to fail (0..1), and IRT parameters when given.
  difficulty      double precision,
  author_a        double precision,
  author_b        double precision,
  -- Calibrated from responses by the refit job (2PL); null until enough responses.
  calibrated_a    double precision,
  calibrated_b    double precision,
  calibrated_n    int not null default 0,
  -- Times chosen for practice or adaptive testing (exposure control), and seen in exams.
  practice_uses   int not null default 0,
  exam_uses       int not null default 0,
  -- Learning gain observed after practising it (the bandit's reward): sum and count.
  gain_sum        double precision not null default 0,
  gain_n          int not null default 0,
  published_at    timestamptz(3) not null,
  primary key (tenant_id, item_id)
);
select platform.enable_tenant_rls('adaptive.items');
create index adaptive_items_course on adaptive.items (tenant_id, course_id);
create index adaptive_items_skills on adaptive.items using gin (skills);

-- The tenant's skill graph as catalog last announced it.
create table adaptive.skills (
  tenant_id  uuid not null,
  skill_id   uuid not null,
  name       text not null,
  primary key (tenant_id, skill_id)
);
select platform.enable_tenant_rls('adaptive.skills');

create table adaptive.prerequisites (
  tenant_id          uuid not null,
  skill_id           uuid not null,
  requires_skill_id  uuid not null,
  primary key (tenant_id, skill_id, requires_skill_id)
);
select platform.enable_tenant_rls('adaptive.prerequisites');

-- Published courses: their skills and lessons in order, and the course's adaptive settings.
create table adaptive.courses (
  tenant_id          uuid not null,
  course_id          uuid not null,
  version            int not null,
  title              text not null,
  skills             uuid[] not null default '{}',
  lessons            jsonb not null default '[]',
  target_low         double precision not null default 0.6,
  target_high        double precision not null default 0.85,
  mastery_threshold  double precision not null default 0.95,
  settings_version   int not null default 1,
  primary key (tenant_id, course_id)
);
select platform.enable_tenant_rls('adaptive.courses');

-- Who is enrolled where: the newest status by event time (a late redelivery cannot undo a newer change).
create table adaptive.enrollments (
  tenant_id   uuid not null,
  course_id   uuid not null,
  user_id     uuid not null,
  status      text not null,
  changed_at  timestamptz(3) not null,
  primary key (tenant_id, course_id, user_id)
);
select platform.enable_tenant_rls('adaptive.enrollments');
create index adaptive_enrollments_user on adaptive.enrollments (tenant_id, user_id);

-- Every graded answer the models learn from. `source_ref` names where it came from (a practice answer, an
-- exam submission's item): the unique key makes a duplicated event or retried request count once.
create table adaptive.responses (
  tenant_id    uuid not null,
  id           uuid not null,
  user_id      uuid not null,
  item_id      uuid not null,
  course_id    uuid,
  skills       uuid[] not null default '{}',
  correct      boolean not null,
  source       text not null check (source in ('practice', 'exam', 'cat')),
  source_ref   text not null,
  -- Whether a skill of the item was due for review when answered (reviews are interleaved, not stacked).
  was_review   boolean not null default false,
  answered_at  timestamptz(3) not null,
  primary key (tenant_id, id),
  unique (tenant_id, source_ref)
);
select platform.enable_tenant_rls('adaptive.responses');
create index adaptive_responses_user on adaptive.responses (tenant_id, user_id, answered_at);
create index adaptive_responses_item on adaptive.responses (tenant_id, item_id);

-- BKT parameters per skill, fitted by EM on the tenant's history (absent: the defaults).
create table adaptive.skill_params (
  tenant_id  uuid not null,
  skill_id   uuid not null,
  prior      double precision not null,
  learn      double precision not null,
  guess      double precision not null,
  slip       double precision not null,
  forget     double precision not null default 0,
  responses  int not null,
  fitted_at  timestamptz(3) not null,
  primary key (tenant_id, skill_id)
);
select platform.enable_tenant_rls('adaptive.skill_params');

-- Each student's knowledge of each skill: the BKT posterior and the counts the logistic model reads.
create table adaptive.mastery (
  tenant_id         uuid not null,
  user_id           uuid not null,
  skill_id          uuid not null,
  p_known           double precision not null,
  attempts          int not null default 0,
  successes         int not null default 0,
  last_answered_at  timestamptz(3),
  updated_at        timestamptz(3) not null default now(),
  primary key (tenant_id, user_id, skill_id)
);
select platform.enable_tenant_rls('adaptive.mastery');

-- Each student's IRT ability with its standard error (Gaussian posterior, updated online).
create table adaptive.abilities (
  tenant_id   uuid not null,
  user_id     uuid not null,
  theta       double precision not null,
  se          double precision not null,
  responses   int not null,
  updated_at  timestamptz(3) not null default now(),
  primary key (tenant_id, user_id)
);
select platform.enable_tenant_rls('adaptive.abilities');

-- Spaced review of a skill: the scheduler's card (FSRS or SM-2) and when it is due. `announced_due_at` is
-- the due time a ReviewDue event was last emitted for, so each due time is announced once.
create table adaptive.review_cards (
  tenant_id         uuid not null,
  user_id           uuid not null,
  skill_id          uuid not null,
  scheduler         text not null check (scheduler in ('fsrs', 'sm2')),
  card              jsonb not null,
  due_at            timestamptz(3) not null,
  reviews           int not null default 0,
  last_review_at    timestamptz(3),
  announced_due_at  timestamptz(3),
  primary key (tenant_id, user_id, skill_id)
);
select platform.enable_tenant_rls('adaptive.review_cards');
create index adaptive_reviews_due on adaptive.review_cards (tenant_id, user_id, due_at);
create index adaptive_reviews_to_announce on adaptive.review_cards (due_at) where announced_due_at is null or announced_due_at <> due_at;

-- Every review outcome (the history FSRS parameters are optimised on).
create table adaptive.review_log (
  tenant_id      uuid not null,
  user_id        uuid not null,
  skill_id       uuid not null,
  response_id    uuid not null,
  rating         int not null,
  elapsed_days   double precision not null,
  reviewed_at    timestamptz(3) not null,
  primary key (tenant_id, response_id, skill_id)
);
select platform.enable_tenant_rls('adaptive.review_log');

-- A student's choices: which scheduler plans their reviews.
create table adaptive.learner_settings (
  tenant_id  uuid not null,
  user_id    uuid not null,
  scheduler  text not null default 'fsrs' check (scheduler in ('fsrs', 'sm2')),
  primary key (tenant_id, user_id)
);
select platform.enable_tenant_rls('adaptive.learner_settings');

-- What the refit job learned for the tenant: the weights of the prediction model and FSRS parameters.
create table adaptive.tenant_models (
  tenant_id          uuid primary key,
  predictor          jsonb,
  fsrs_weights       double precision[],
  responses          int not null default 0,
  -- Held-out quality of the fitted predictor (AUC, calibration per decile), for the admins' view.
  evaluation         jsonb,
  fitted_at          timestamptz(3) not null default now()
);
select platform.enable_tenant_rls('adaptive.tenant_models');

-- Computerized adaptive tests: one session per test taken.
create table adaptive.cat_sessions (
  tenant_id     uuid not null,
  id            uuid not null,
  user_id       uuid not null,
  course_id     uuid not null,
  skills        uuid[] not null,
  status        text not null check (status in ('in_progress', 'finished')),
  theta         double precision not null,
  se            double precision not null,
  max_items     int not null,
  target_se     double precision not null,
  current_item  uuid,
  administered  jsonb not null default '[]',
  created_at    timestamptz(3) not null default now(),
  finished_at   timestamptz(3),
  primary key (tenant_id, id)
);
select platform.enable_tenant_rls('adaptive.cat_sessions');
create index adaptive_cat_user on adaptive.cat_sessions (tenant_id, user_id, created_at desc);
