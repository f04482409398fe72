-- The catalog: course drafts (course → modules → lessons → blocks) that authors edit freely, immutable
-- published versions that students read, the tenant's skill graph, the review log and the search index.

-- A course draft: the aggregate root. `version` is its ETag and moves on with any change in its tree;
-- `published_version` is the frozen version students see (null until the first publish).
create table catalog.courses (
  id                uuid primary key,
  tenant_id         uuid not null,
  title             text not null,
  summary           text not null default '',
  category          text,
  language          text not null default 'en',
  level             text not null default 'beginner' check (level in ('beginner', 'intermediate', 'advanced')),
  tags              text[] not null default '{}',
  price_ref         text,
  visibility        text not null default 'tenant' check (visibility in ('public', 'tenant', 'unlisted')),
  status            text not null default 'draft' check (status in ('draft', 'in_review', 'published', 'archived')),
  version           int not null default 1,
  published_version int,
  submitted_by      uuid,
  submitted_at      timestamptz(3),
  reviewed_by       uuid,
  reviewed_at       timestamptz(3),
  created_at        timestamptz(3) not null default now(),
  updated_at        timestamptz(3) not null default now()
);
create index courses_tenant_created on catalog.courses (tenant_id, created_at desc, id desc);
select platform.enable_tenant_rls('catalog.courses');

-- Co-authors: only they may edit a course (besides holders of catalog.content.manage_all).
create table catalog.course_instructors (
  tenant_id uuid not null,
  course_id uuid not null references catalog.courses (id) on delete cascade,
  user_id   uuid not null,
  added_at  timestamptz(3) not null default now(),
  primary key (course_id, user_id)
);
create index course_instructors_user on catalog.course_instructors (tenant_id, user_id);
select platform.enable_tenant_rls('catalog.course_instructors');

create table catalog.modules (
  id         uuid primary key,
  tenant_id  uuid not null,
  course_id  uuid not null references catalog.courses (id) on delete cascade,
  title      text not null,
  summary    text not null default '',
  position   int not null,
  version    int not null default 1,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now()
);
create index modules_course on catalog.modules (course_id, position);
select platform.enable_tenant_rls('catalog.modules');

-- Skills (knowledge components) of a tenant and the prerequisite graph between them (kept acyclic by the service).
create table catalog.skills (
  id          uuid primary key,
  tenant_id   uuid not null,
  name        text not null,
  description text not null default '',
  version     int not null default 1,
  created_at  timestamptz(3) not null default now(),
  updated_at  timestamptz(3) not null default now()
);
create unique index skills_tenant_name on catalog.skills (tenant_id, lower(name));
select platform.enable_tenant_rls('catalog.skills');

create table catalog.skill_prerequisites (
  tenant_id         uuid not null,
  skill_id          uuid not null references catalog.skills (id) on delete cascade,
  requires_skill_id uuid not null references catalog.skills (id) on delete cascade,
  primary key (skill_id, requires_skill_id),
  check (skill_id <> requires_skill_id)
);
select platform.enable_tenant_rls('catalog.skill_prerequisites');

-- `skills` are ids of catalog.skills of the same tenant (checked by the service under RLS).
create table catalog.lessons (
  id         uuid primary key,
  tenant_id  uuid not null,
  course_id  uuid not null references catalog.courses (id) on delete cascade,
  module_id  uuid not null references catalog.modules (id) on delete cascade,
  title      text not null,
  summary    text not null default '',
  position   int not null,
  skills     uuid[] not null default '{}',
  version    int not null default 1,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now()
);
create index lessons_module on catalog.lessons (module_id, position);
create index lessons_course on catalog.lessons (course_id);
select platform.enable_tenant_rls('catalog.lessons');

-- `html` is always sanitised (from `markdown`, or from HTML an author pasted); it is what students get.
create table catalog.blocks (
  id         uuid primary key,
  tenant_id  uuid not null,
  course_id  uuid not null references catalog.courses (id) on delete cascade,
  lesson_id  uuid not null references catalog.lessons (id) on delete cascade,
  kind       text not null check (kind in ('rich_text', 'video', 'file', 'question')),
  title      text,
  markdown   text,
  html       text,
  media_id   uuid,
  item_id    uuid,
  position   int not null,
  version    int not null default 1,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now()
);
create index blocks_lesson on catalog.blocks (lesson_id, position);
create index blocks_course on catalog.blocks (course_id);
select platform.enable_tenant_rls('catalog.blocks');

-- Published versions: the whole course tree frozen as it was published. Never updated: students in
-- progress keep reading the version they enrolled in.
create table catalog.course_versions (
  tenant_id    uuid not null,
  course_id    uuid not null references catalog.courses (id) on delete cascade,
  version      int not null,
  title        text not null,
  snapshot     jsonb not null,
  published_by uuid,
  published_at timestamptz(3) not null default now(),
  primary key (course_id, version)
);
select platform.enable_tenant_rls('catalog.course_versions');

create function catalog.refuse_update() returns trigger
  language plpgsql
  as $$
begin
  raise exception '% rows are immutable', tg_table_name using errcode = 'restrict_violation';
end
$$;
create trigger course_versions_immutable before update on catalog.course_versions
  for each row execute function catalog.refuse_update();

-- Who did what in the review workflow, and when.
create table catalog.review_log (
  id         uuid primary key,
  -- Orders steps that land within the same millisecond.
  seq        bigint generated always as identity,
  tenant_id  uuid not null,
  course_id  uuid not null references catalog.courses (id) on delete cascade,
  action     text not null check (action in ('submitted', 'approved', 'rejected', 'published', 'archived')),
  actor_id   uuid,
  comment    text,
  version    int,
  at         timestamptz(3) not null default now()
);
create index review_log_course on catalog.review_log (course_id, seq);
select platform.enable_tenant_rls('catalog.review_log');

-- Which course a published lesson belongs to (lessons never change course), for "next lesson" lookups.
create table catalog.published_lessons (
  tenant_id uuid not null,
  lesson_id uuid primary key,
  course_id uuid not null references catalog.courses (id) on delete cascade
);
select platform.enable_tenant_rls('catalog.published_lessons');

-- The search index: one row per published course and lesson (latest published version only), rebuilt on
-- publish, removed on archive; its course rows are also the catalog listings. The 'simple' configuration
-- works on PGlite and across languages.
create table catalog.search_documents (
  id           uuid primary key,
  tenant_id    uuid not null,
  kind         text not null check (kind in ('course', 'lesson', 'item')),
  course_id    uuid references catalog.courses (id) on delete cascade,
  version      int not null,
  visibility   text not null,
  title        text not null,
  summary      text not null default '',
  body         text not null default '',
  category     text,
  level        text not null,
  language     text not null,
  tags         text[] not null default '{}',
  skills       uuid[] not null default '{}',
  price_ref    text,
  published_at timestamptz(3) not null,
  document     tsvector generated always as (
    setweight(to_tsvector('simple', title), 'A')
    || setweight(to_tsvector('simple', summary), 'B')
    || setweight(to_tsvector('simple', body), 'C')
  ) stored
);
create index search_documents_document on catalog.search_documents using gin (document);
create index search_documents_listing on catalog.search_documents (tenant_id, kind, published_at desc, id desc);
create index search_documents_public on catalog.search_documents (visibility) where visibility = 'public';
select platform.enable_tenant_rls('catalog.search_documents');
