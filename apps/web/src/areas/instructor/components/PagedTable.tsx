import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceHandle } from '../../../api/use-resource';
import { Button, ResourceView } from '../../../ui';
import type { MorePages, Page } from '../lib/use-more-pages';

/**
 * A list resource as a table, with "Load more" under it while there is a next page (see `useMorePages`),
 * or `empty` when there is nothing to list.
 */
export function PagedTable<T>({ resource, more, caption, columns, row, empty }: {
  resource: ResourceHandle<Page<T>>;
  more: MorePages<T>;
  caption: string;
  columns: ReactNode[];
  row: (item: T) => ReactNode;
  empty: ReactNode;
}) {
  const { t } = useTranslation('instructor');
  return (
    <ResourceView resource={resource}>
      {(page) => {
        const { items, cursor } = more.after(page);
        if (items.length === 0) return empty;
        return (
          <div className="stack">
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{caption}</caption>
                <thead><tr>{columns.map((column, index) => <th key={index} scope="col">{column}</th>)}</tr></thead>
                <tbody>{items.map(row)}</tbody>
              </table>
            </div>
            {cursor ? <div><Button variant="secondary" onClick={() => void more.loadMore(cursor)}>{t('shared.loadMore')}</Button></div> : null}
          </div>
        );
      }}
    </ResourceView>
  );
}
