-- The question bank. An item's draft (catalog.items) is edited freely; publishing freezes the draft as an
-- immutable version (catalog.item_versions) that students see. Skills are linked by id: item_skills mirrors
-- the draft's skills so the bank can be filtered by skill.
create table catalog.items (
  id                uuid primary key,
  tenant_id         uuid not null,
  type              text not null,
  title             text not null,
  -- The whole item as the API describes it (stem, options, answers, feedback, hints, ...).
  content           jsonb not null,
  -- Title and stem as plain text, for the `q` filter and search.
  search_text       text not null,
  course_id         uuid,
  status            text not null default 'draft' check (status in ('draft', 'published')),
  version           int not null default 1,
  published_version int,
  created_by        uuid,
  created_at        timestamptz(3) not null default now(),
  updated_at        timestamptz(3) not null default now()
);
create index items_tenant_created on catalog.items (tenant_id, created_at desc, id desc);
select platform.enable_tenant_rls('catalog.items');

create table catalog.item_versions (
  tenant_id    uuid not null,
  item_id      uuid not null references catalog.items (id),
  version      int not null check (version > 0),
  type         text not null,
  title        text not null,
  content      jsonb not null,
  search_text  text not null,
  skills       uuid[] not null default '{}',
  published_at timestamptz(3) not null default now(),
  published_by uuid,
  primary key (tenant_id, item_id, version)
);
select platform.enable_tenant_rls('catalog.item_versions');
-- Frozen means frozen: the application may add versions (and erase a tenant's data), never change one.
revoke update on catalog.item_versions from tessera_app;
create index item_versions_search on catalog.item_versions using gin (to_tsvector('simple', search_text));

create table catalog.item_skills (
  tenant_id uuid not null,
  item_id   uuid not null references catalog.items (id) on delete cascade,
  skill_id  uuid not null,
  primary key (tenant_id, item_id, skill_id)
);
create index item_skills_by_skill on catalog.item_skills (tenant_id, skill_id);
select platform.enable_tenant_rls('catalog.item_skills');
