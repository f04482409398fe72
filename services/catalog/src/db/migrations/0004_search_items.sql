-- Published items join the search index (tenant-scoped, never public). A question has no level, language
-- or course row of its own, so those columns become optional for items only; course and lesson rows keep
-- them, which the catalog listings rely on.
alter table catalog.search_documents
  alter column level drop not null,
  alter column language drop not null,
  -- An item is never in the public catalog and never goes with a course (archiving one leaves its items).
  add constraint search_documents_item_fields check (
    (kind = 'item' and visibility = 'tenant' and course_id is null)
    or (kind <> 'item' and level is not null and language is not null));
