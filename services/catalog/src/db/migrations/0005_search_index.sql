-- Search within a latency budget (p99 ≤ 25 ms is the aim on 100,000 items and 5,000 courses in one tenant).
--
-- 1. The full-text match operator (ts_match_vq, behind @@) is not leakproof, so under row-level security
--    PostgreSQL may not use it as an index condition: every tenant search scanned all of the tenant's rows.
--    Searching goes through catalog.search(), a SECURITY DEFINER function owned by the schema owner (whom
--    RLS does not confine, so the GIN indexes work) that applies the tenant filter itself, from
--    platform.current_tenant() and never from an argument, exactly as the RLS policy would.
-- 2. Matching reads a slim table (tsvectors, filter columns, rank inputs); the texts stay in
--    catalog.search_documents and are read (for ts_headline) only for the page returned.
-- 3. Work is bounded: at most `candidate_cap` matches are ranked and counted (see catalog.search below).

-- The slim side of the search index, one row per search document, kept in step by a trigger (so every writer
-- of search_documents, the bulk loaders of the bench included, keeps it right).
--
-- Both tsvectors also hold filter terms: one lexeme per tenant, kind, visibility, category, level, language,
-- tag and skill of the row (see catalog.search_filter_term). Words of a query are letters and
-- digits only, so they never match one. Adding them to the text query lets one GIN scan find the tenant's
-- matching rows that pass the filters, instead of visiting every match of every tenant to filter it. They
-- only narrow the search: catalog.search still checks the columns themselves.
create table catalog.search_index (
  id           uuid primary key references catalog.search_documents (id) on delete cascade,
  tenant_id    uuid not null,
  kind         text not null,
  visibility   text not null,
  category     text,
  level        text,
  language     text,
  tags         text[] not null,
  skills       uuid[] not null,
  published_at timestamptz(3) not null,
  -- The title alone (and the filter terms): a title match is the cheap first tier of the ranking.
  title_terms  tsvector not null,
  -- Title (A), summary (B) and body (C), what ts_rank weighs, and the filter terms.
  document     tsvector not null
);
select platform.enable_tenant_rls('catalog.search_index');
-- Written a few rows per publish, read by every search: no pending list for each search to scan.
create index search_index_document on catalog.search_index using gin (document) with (fastupdate = off);
create index search_index_title on catalog.search_index using gin (title_terms) with (fastupdate = off);
create index search_index_tenant_recent on catalog.search_index (tenant_id, published_at desc, id desc);
create index search_index_public_recent on catalog.search_index (published_at desc, id desc) where visibility = 'public';

-- The lexeme of a filter value: '#', the facet's letter and 10 hex digits of the value's md5. Short (the
-- vectors stay small), never quoted in a tsquery, and a rare collision only lets a row through to the
-- column checks of catalog.search.
create function catalog.search_filter_term(facet text, value text) returns text
  language sql immutable
  set search_path = pg_catalog, pg_temp
  as $$ select '#' || facet || left(md5(value), 10) $$;

create function catalog.search_filter_terms(doc catalog.search_documents) returns tsvector
  language sql immutable
  set search_path = pg_catalog, pg_temp
  as $$
    select array_to_tsvector(array_remove(array[
      catalog.search_filter_term('t', doc.tenant_id::text), catalog.search_filter_term('k', doc.kind),
      catalog.search_filter_term('v', doc.visibility), catalog.search_filter_term('c', doc.category),
      catalog.search_filter_term('l', doc.level), catalog.search_filter_term('g', doc.language)]
      || array(select catalog.search_filter_term('a', tag) from unnest(doc.tags) as tag)
      || array(select catalog.search_filter_term('s', skill::text) from unnest(doc.skills) as skill), null))
  $$;

create function catalog.sync_search_index() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
  as $$
declare
  filters tsvector := catalog.search_filter_terms(new);
begin
  insert into catalog.search_index (id, tenant_id, kind, visibility, category, level, language, tags, skills, published_at, title_terms, document)
  values (new.id, new.tenant_id, new.kind, new.visibility, new.category, new.level, new.language, new.tags, new.skills, new.published_at,
    to_tsvector('simple', new.title) || filters,
    setweight(to_tsvector('simple', new.title), 'A') || setweight(to_tsvector('simple', new.summary), 'B')
      || setweight(to_tsvector('simple', new.body), 'C') || filters)
  on conflict (id) do update set
    tenant_id = excluded.tenant_id, kind = excluded.kind, visibility = excluded.visibility, category = excluded.category,
    level = excluded.level, language = excluded.language, tags = excluded.tags, skills = excluded.skills,
    published_at = excluded.published_at, title_terms = excluded.title_terms, document = excluded.document;
  return null;
end
$$;
create trigger search_documents_index after insert or update on catalog.search_documents
  for each row execute function catalog.sync_search_index();

-- Fill the index from the documents already published, then drop the wide table's own tsvector.
insert into catalog.search_index (id, tenant_id, kind, visibility, category, level, language, tags, skills, published_at, title_terms, document)
select d.id, d.tenant_id, d.kind, d.visibility, d.category, d.level, d.language, d.tags, d.skills, d.published_at,
  to_tsvector('simple', d.title) || catalog.search_filter_terms(d), d.document || catalog.search_filter_terms(d)
from catalog.search_documents d;
alter table catalog.search_documents drop column document;

/*
 * One search: a ranked page, facet counts and the number of matches, in one statement.
 *
 * Scope: `public_catalog` searches the public courses and lessons of every active tenant; otherwise the
 * current tenant's (platform.current_tenant(), never an argument; none set finds nothing) public and
 * tenant-only courses and lessons and, with `include_items`, its published items. Null filters are absent;
 * tags must all match, skills any.
 *
 * Bounded work: at most `candidate_cap` + 1 matches are read, title matches first (the cheap rank tier),
 * then matches elsewhere; with no `words`, the newest first. The candidates are ranked with ts_rank (title A
 * over summary B over body C) and the best `candidate_cap` of them are counted into `total` and `facets`
 * and paged. When more matched, `capped` is true: total and facets then count those candidates only, and
 * hits are the best of them. ts_headline runs for the page's rows only, over their first
 * `headline_chars` characters.
 *
 * Planned on every call (force_custom_plan): how many rows a word matches decides between the GIN indexes
 * and a scan that stops at the cap, and only the query's value tells.
 */
create function catalog.search(
  words tsquery, public_catalog boolean, include_items boolean,
  kind_filter text, category_filter text, level_filter text, language_filter text, tags_filter text[], skills_filter uuid[],
  page_offset integer, page_limit integer, candidate_cap integer, headline_options text, headline_chars integer)
returns table (total integer, capped boolean, facets jsonb, hits jsonb)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
  set plan_cache_mode = force_custom_plan
  as $$
declare
  tenant uuid := platform.current_tenant();
  filters text;
  filter_query tsquery;
  match_query tsquery;
begin
  if not public_catalog and tenant is null then
    return query select 0, false, '[]'::jsonb, '[]'::jsonb;
    return;
  end if;
  -- The filter terms the rows must have (see catalog.search_index); lexemes are hex, never quoted.
  filters := case when public_catalog
    -- Items are never public (search_documents_item_fields), so the visibility term leaves them out already.
    then format('''%s''', catalog.search_filter_term('v', 'public'))
    else format('''%s'' & (''%s'' | ''%s'')', catalog.search_filter_term('t', tenant::text), catalog.search_filter_term('v', 'public'), catalog.search_filter_term('v', 'tenant'))
      || case when include_items then '' else format(' & !''%s''', catalog.search_filter_term('k', 'item')) end
  end;
  if kind_filter is not null then filters := filters || format(' & ''%s''', catalog.search_filter_term('k', kind_filter)); end if;
  if category_filter is not null then filters := filters || format(' & ''%s''', catalog.search_filter_term('c', category_filter)); end if;
  if level_filter is not null then filters := filters || format(' & ''%s''', catalog.search_filter_term('l', level_filter)); end if;
  if language_filter is not null then filters := filters || format(' & ''%s''', catalog.search_filter_term('g', language_filter)); end if;
  if cardinality(tags_filter) > 0 then
    filters := filters || (select string_agg(format(' & ''%s''', catalog.search_filter_term('a', tag)), '') from unnest(tags_filter) as tag);
  end if;
  if cardinality(skills_filter) > 0 then
    filters := filters || ' & (' || (select string_agg(format('''%s''', catalog.search_filter_term('s', skill::text)), ' | ') from unnest(skills_filter) as skill) || ')';
  end if;
  filter_query := filters::tsquery;
  match_query := case when words is null then filter_query else words && filter_query end;

  return query
  with scoped as not materialized (
    select s.* from catalog.search_index s
    where ((public_catalog and s.visibility = 'public' and s.kind in ('course', 'lesson')
            and exists (select 1 from platform.tenants t where t.id = s.tenant_id and t.status = 'active'))
        or (not public_catalog and s.tenant_id = tenant and s.visibility in ('public', 'tenant') and (include_items or s.kind <> 'item')))
      and (kind_filter is null or s.kind = kind_filter)
      and (category_filter is null or s.category = category_filter)
      and (level_filter is null or s.level = level_filter)
      and (language_filter is null or s.language = language_filter)
      and (coalesce(cardinality(tags_filter), 0) = 0 or s.tags @> tags_filter)
      and (coalesce(cardinality(skills_filter), 0) = 0 or s.skills && skills_filter)
  ),
  candidates as materialized (
    select * from (
      (select s.id, s.published_at, ts_rank(s.document, words, 1) as score, s.kind, s.category, s.level, s.language, s.tags
       from scoped s where words is not null and s.title_terms @@ match_query limit candidate_cap + 1)
      union all
      (select s.id, s.published_at, ts_rank(s.document, words, 1), s.kind, s.category, s.level, s.language, s.tags
       from scoped s where words is not null and s.document @@ match_query and not s.title_terms @@ words limit candidate_cap + 1)
      union all
      (select s.id, s.published_at, 0::real, s.kind, s.category, s.level, s.language, s.tags
       from scoped s where words is null and s.document @@ match_query order by s.published_at desc, s.id desc limit candidate_cap + 1)
    ) found
    limit candidate_cap + 1
  ),
  kept as materialized (
    select * from candidates c order by c.score desc, c.published_at desc, c.id limit candidate_cap
  ),
  page as (
    select * from kept k order by k.score desc, k.published_at desc, k.id offset page_offset limit page_limit + 1
  )
  select
    (select count(*)::integer from kept),
    (select count(*) > candidate_cap from candidates),
    (select coalesce(jsonb_agg(jsonb_build_array(f.facet, f.value, f.n)), '[]'::jsonb) from (
      select 'kind' as facet, k.kind as value, count(*) as n from kept k group by k.kind
      union all select 'category', k.category, count(*) from kept k where k.category is not null group by k.category
      union all select 'level', k.level, count(*) from kept k where k.level is not null group by k.level
      union all select 'language', k.language, count(*) from kept k where k.language is not null group by k.language
      union all select 'tags', tag, count(*) from kept k, unnest(k.tags) as tag group by tag
    ) f),
    (select coalesce(jsonb_agg(jsonb_build_object(
        'kind', d.kind, 'id', d.id, 'course_id', d.course_id, 'tenant_id', d.tenant_id, 'version', d.version, 'title', d.title,
        'snippet', case when words is null then left(d.summary, 200)
                        else ts_headline('simple', left(d.summary || ' ' || d.body, headline_chars), words, headline_options) end,
        'score', p.score, 'category', d.category, 'level', d.level, 'language', d.language, 'tags', d.tags)
        order by p.score desc, p.published_at desc, p.id), '[]'::jsonb)
     from page p join catalog.search_documents d on d.id = p.id);
end
$$;
revoke all on function catalog.search(tsquery, boolean, boolean, text, text, text, text, text[], uuid[], integer, integer, integer, text, integer) from public;
grant execute on function catalog.search(tsquery, boolean, boolean, text, text, text, text, text[], uuid[], integer, integer, integer, text, integer) to tessera_app;
