-- The tenant's courses as catalog published them: exams, gradebooks and schemes are only for courses the
-- tenant has (another tenant's course id, or a made-up one, is "not found" like anywhere else).
create table assessment.courses (
  tenant_id         uuid not null,
  course_id         uuid not null,
  title             text not null,
  latest_version    int not null,
  archived_version  int,
  primary key (tenant_id, course_id)
);
select platform.enable_tenant_rls('assessment.courses');
