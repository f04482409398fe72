-- The question bank gets the courses' review workflow: an item can be submitted for review (frozen until a
-- reviewer approves it, which publishes it, or rejects it back to draft) and archived (out of the bank's
-- search and of new course versions; published versions stay, since courses and exams hold them). Who did
-- what, and when, is logged per item.
alter table catalog.items drop constraint items_status_check;
alter table catalog.items add constraint items_status_check check (status in ('draft', 'in_review', 'published', 'archived'));

create table catalog.item_review_log (
  id         uuid primary key,
  -- Orders steps that land within the same millisecond.
  seq        bigint generated always as identity,
  tenant_id  uuid not null,
  item_id    uuid not null references catalog.items (id) on delete cascade,
  action     text not null check (action in ('submitted', 'approved', 'rejected', 'published', 'archived')),
  actor_id   uuid,
  comment    text,
  version    int,
  at         timestamptz(3) not null default now()
);
create index item_review_log_item on catalog.item_review_log (item_id, seq);
select platform.enable_tenant_rls('catalog.item_review_log');
