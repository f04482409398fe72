import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { asApiError, type ApiError } from '../../api/problem';
import { useResource } from '../../api/use-resource';
import { Button, EmptyState, PageHeader, ProblemAlert, ResourceView, TextField } from '../../ui';
import { Filters } from './catalog/Filters';
import { loadCatalog, type CatalogEntry, type CatalogPage } from './catalog/load';
import { hasFilters, queryParams, readQuery, type CatalogQuery } from './catalog/query';
import { Results } from './catalog/Results';
import './student.css';

/** Search and browse the tenant's published courses and lessons; the query lives in the address. */
export default function Catalog() {
  const { t } = useTranslation('student');
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const key = queryParams(query).toString();
  const first = useResource(() => loadCatalog(query), [key]);
  const go = (next: CatalogQuery) => setParams(queryParams(next));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...query, q: String(new FormData(event.currentTarget).get('q') ?? '').trim() });
  };

  return (
    <>
      <PageHeader title={t('catalog.title')} description={t('catalog.description')} />
      <form role="search" className="row catalog-search" onSubmit={submit} key={query.q}>
        <TextField label={t('catalog.searchLabel')} name="q" type="search" defaultValue={query.q} maxLength={200} />
        <Button type="submit">{t('catalog.search')}</Button>
      </form>
      <ResourceView resource={first}>
        {(page) => (
          <div className="catalog-layout">
            <Filters query={query} facets={page.facets} capped={page.facetsCapped} onChange={go} />
            <ResultsPanel key={key} query={query} page={page} onClear={() => go({ q: '', category: '', level: '', language: '', tags: [], kind: '' })} />
          </div>
        )}
      </ResourceView>
    </>
  );
}

/** The first page, then more pages on request (kept here, so a new search starts again from the top). */
function ResultsPanel({ query, page, onClear }: { query: CatalogQuery; page: CatalogPage; onClear: () => void }) {
  const { t } = useTranslation('student');
  const [more, setMore] = useState<{ entries: CatalogEntry[]; cursor: string | null }>({ entries: [], cursor: page.nextCursor });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const entries = [...page.entries, ...more.entries];

  const loadMore = async () => {
    if (!more.cursor) return;
    setBusy(true);
    setError(null);
    try {
      const next = await loadCatalog(query, more.cursor);
      setMore((held) => ({ entries: [...held.entries, ...next.entries], cursor: next.nextCursor }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="results-heading" className="catalog-main">
      <h2 id="results-heading">{t('catalog.results')}</h2>
      <p role="status" className="muted">
        {page.total === null ? t('catalog.browsing', { count: entries.length }) : t('catalog.found', { count: page.total, query: query.q })}
      </p>
      {entries.length === 0 ? (
        <EmptyState action={query.q || hasFilters(query) ? <Button variant="secondary" onClick={onClear}>{t('catalog.showAll')}</Button> : undefined}>
          {query.q ? t('catalog.noMatch', { query: query.q }) : t('catalog.empty')}
        </EmptyState>
      ) : (
        <Results entries={entries} />
      )}
      <ProblemAlert error={error} />
      {more.cursor ? <Button variant="secondary" busy={busy} onClick={loadMore}>{t('catalog.more')}</Button> : null}
    </section>
  );
}
