-- The number of the skill graph held (catalog numbers each change of a tenant's graph): graph events are handled
-- side by side and a redelivered one can come late, so an older graph must not replace a newer one.
alter table adaptive.model_versions add column graph_version bigint not null default 0;
