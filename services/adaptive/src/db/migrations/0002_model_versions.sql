-- A counter per tenant that every change to what the model cache holds raises (items, skill graph, courses and
-- their settings, fitted parameters), so processes check one row instead of reloading 10,000 items to find
-- out whether anything changed.
create table adaptive.model_versions (
  tenant_id  uuid primary key,
  version    bigint not null default 0
);
select platform.enable_tenant_rls('adaptive.model_versions');
