-- The tenant's published exams as assessment announced them: when they open and close and the items they may
-- ask, so instructors see who is predicted to struggle on the next one.
create table adaptive.exams (
  tenant_id   uuid not null,
  exam_id     uuid not null,
  course_id   uuid not null,
  version     int not null,
  title       text not null,
  opens_at    timestamptz,
  closes_at   timestamptz,
  item_ids    uuid[] not null,
  primary key (tenant_id, exam_id)
);
create index exams_course on adaptive.exams (tenant_id, course_id);
select platform.enable_tenant_rls('adaptive.exams');
