-- Every change of a tenant's skill graph takes the next number here (under the graph's advisory lock), and the
-- announced graph carries it: consumers handle events side by side and a redelivered one can come late, so a
-- consumer keeps a graph only when it is newer than the one it holds.
create table catalog.skill_graph_versions (
  tenant_id  uuid primary key,
  version    bigint not null default 0
);
select platform.enable_tenant_rls('catalog.skill_graph_versions');
