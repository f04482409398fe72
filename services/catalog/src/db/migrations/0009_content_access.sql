-- Who may open a paid course's content: one row per grant, keyed by what granted it (an enrollment id for the
-- whole course, a billing order id for one lesson). Filled from enrollment's and billing's events, which can
-- arrive in any order: a revoke that comes first leaves a revoked row (granted_at and perhaps course_id
-- still null) that its late grant does not reopen. Ids are never reused, so a revoked row stays revoked.
create table catalog.content_access (
  tenant_id  uuid not null,
  grant_id   uuid not null,
  user_id    uuid not null,
  course_id  uuid,
  -- Null: the whole course.
  lesson_id  uuid,
  granted_at timestamptz,
  revoked_at timestamptz,
  primary key (tenant_id, grant_id),
  -- A live grant always says what it opens; only a revoke that came before its grant may not know.
  check (revoked_at is not null or (course_id is not null and granted_at is not null))
);
create index content_access_by_reader on catalog.content_access (tenant_id, user_id, course_id);
select platform.enable_tenant_rls('catalog.content_access');
