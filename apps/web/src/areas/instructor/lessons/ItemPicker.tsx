import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../api/use-resource';
import { Button, CheckboxField, EmptyState, ResourceView, TextField } from '../../../ui';
import { StatusBadge } from '../components/StatusBadge';
import type { ItemSummary } from '../items/item-model';

/** Finds a question in the bank by words (published ones by default) and hands the chosen one back. */
export function ItemPicker({ onPick, actionLabel, exclude = [] }: { onPick: (item: ItemSummary) => void; actionLabel: (item: ItemSummary) => string; exclude?: string[] }) {
  const { t } = useTranslation('instructor');
  const [words, setWords] = useState('');
  const [query, setQuery] = useState('');
  const [publishedOnly, setPublishedOnly] = useState(true);
  const items = useResource(() => unwrap(api.GET('/api/v1/items', { params: { query: { limit: 20, ...(query ? { q: query } : {}), ...(publishedOnly ? { status: 'published' as const } : {}) } } })), [query, publishedOnly]);
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQuery(words.trim());
  };
  return (
    <div className="stack">
      <form className="row list-row" role="search" onSubmit={search}>
        <div className="grow"><TextField label={t('picker.search')} type="search" value={words} onChange={(event) => setWords(event.target.value)} /></div>
        <Button type="submit" variant="secondary" small>{t('picker.find')}</Button>
      </form>
      <CheckboxField label={t('picker.publishedOnly')} checked={publishedOnly} onChange={(event) => setPublishedOnly(event.target.checked)} />
      <ResourceView resource={items}>
        {(page) => {
          const shown = page.items.filter((item) => !exclude.includes(item.id));
          if (shown.length === 0) return <EmptyState>{t('picker.none')}</EmptyState>;
          return (
            <ul className="stack picker-list">
              {shown.map((item) => (
                <li key={item.id} className="row">
                  <span className="grow"><strong>{item.title}</strong> · {t(`itemType.${item.type}`)} <StatusBadge status={item.status ?? 'draft'} /></span>
                  <Button variant="secondary" small onClick={() => onPick(item)}>{actionLabel(item)}</Button>
                </li>
              ))}
            </ul>
          );
        }}
      </ResourceView>
    </div>
  );
}
