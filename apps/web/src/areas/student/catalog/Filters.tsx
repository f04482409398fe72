import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, CheckboxField, SelectField } from '../../../ui';
import type { SearchFacets } from '../api-types';
import { useFacetLabels } from './labels';
import { hasFilters, type CatalogQuery } from './query';

type Facet = SearchFacets['category'];

/** Filters with the number of matches of each value (the facets of the current search). */
export function Filters({ query, facets, capped, onChange }: { query: CatalogQuery; facets: SearchFacets; capped: boolean; onChange: (next: CatalogQuery) => void }) {
  const { t } = useTranslation('student');
  const labels = useFacetLabels();
  const set = (change: Partial<CatalogQuery>) => onChange({ ...query, ...change });
  const kinds = facets.kind.filter((entry) => entry.value === 'course' || entry.value === 'lesson');
  // On a phone the filters start folded, so the results are not pushed below the fold.
  const [open] = useState(() => !globalThis.matchMedia?.('(max-width: 40rem)').matches);

  return (
    <details className="card catalog-filters" open={open}>
      <summary><h2 id="filters-heading">{t('catalog.filters')}{hasFilters(query) ? <span className="badge">{t('catalog.active')}</span> : null}</h2></summary>
      <form aria-labelledby="filters-heading" onSubmit={(event) => event.preventDefault()}>
        {capped ? <p className="muted small">{t('catalog.capped')}</p> : null}
        {kinds.length > 0 || query.kind ? (
          <SelectField label={t('catalog.kind')} value={query.kind} onChange={(event) => set({ kind: event.target.value as CatalogQuery['kind'] })}
            options={[{ value: '', label: t('catalog.anyKind') }, ...withSelected(kinds, query.kind).map((entry) => ({ value: entry.value, label: counted(labels.kind(entry.value), entry.count) }))]} />
        ) : null}
        <FacetSelect label={t('catalog.category')} any={t('catalog.anyCategory')} facet={facets.category} value={query.category} onChange={(category) => set({ category })} />
        <FacetSelect label={t('catalog.level')} any={t('catalog.anyLevel')} facet={facets.level} value={query.level} onChange={(level) => set({ level })} name={labels.level} />
        <FacetSelect label={t('catalog.language')} any={t('catalog.anyLanguage')} facet={facets.language} value={query.language} onChange={(language) => set({ language })} name={labels.language} />
        {facets.tags.length > 0 || query.tags.length > 0 ? (
          <fieldset>
            <legend>{t('catalog.tags')}</legend>
            {withSelected(facets.tags, ...query.tags).map((entry) => (
              <CheckboxField key={entry.value} label={counted(entry.value, entry.count)} checked={query.tags.includes(entry.value)}
                onChange={(event) => set({ tags: event.target.checked ? [...query.tags, entry.value] : query.tags.filter((tag) => tag !== entry.value) })} />
            ))}
          </fieldset>
        ) : null}
        {hasFilters(query) ? (
          <Button variant="secondary" small onClick={() => onChange({ q: query.q, category: '', level: '', language: '', tags: [], kind: '' })}>{t('catalog.clear')}</Button>
        ) : null}
      </form>
    </details>
  );
}

function FacetSelect({ label, any, facet, value, onChange, name = (v) => v }: { label: string; any: string; facet: Facet; value: string; onChange: (value: string) => void; name?: (value: string) => string }) {
  if (facet.length === 0 && !value) return null;
  return (
    <SelectField label={label} value={value} onChange={(event) => onChange(event.target.value)}
      options={[{ value: '', label: any }, ...withSelected(facet, value).map((entry) => ({ value: entry.value, label: counted(name(entry.value), entry.count) }))]} />
  );
}

/** A chosen value stays offered even when nothing matches it any more (so it can be seen and undone). */
function withSelected(facet: Facet, ...selected: string[]): Facet {
  const missing = selected.filter((value) => value && !facet.some((entry) => entry.value === value));
  return [...facet, ...missing.map((value) => ({ value, count: 0 }))];
}

function counted(label: string, count: number): string {
  return `${label} (${count})`;
}
