import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../api/use-resource';
import { Button, EmptyState } from '../../../ui';
import { SortableList } from '../components/SortableList';
import { NumberField } from '../items/editors/shared';
import { moved, removed, replaced } from '../items/item-model';
import { ItemPicker } from '../lessons/ItemPicker';
import type { Section } from './exam-types';

/** The exam's questions in order, with their points: fixed items picked from the bank, or random draws. */
export function ExamSections({ sections, onChange }: { sections: Section[]; onChange: (sections: Section[]) => void }) {
  const { t } = useTranslation('instructor');
  const fixedIds = sections.flatMap((section) => (section.kind === 'fixed' ? [section.itemId] : []));
  const titles = useResource(async () => {
    const entries = await Promise.all(fixedIds.map(async (itemId) => {
      const item = await unwrap(api.GET('/api/v1/items/{itemId}', { params: { path: { itemId } } })).catch(() => null);
      return [itemId, item ? `${item.title} (${t(`itemType.${item.type}`)})` : itemId] as const;
    }));
    return new Map(entries);
  }, [fixedIds.join(',')]);
  const titleOf = (section: Section, index: number) => (section.kind === 'fixed'
    ? (titles.state.status === 'ready' ? titles.state.data.get(section.itemId) : undefined) ?? t('examSections.loadingTitle')
    : t('examSections.draw', { count: section.count, n: index + 1 }));
  const total = sections.reduce((sum, section) => sum + section.points * (section.kind === 'draw' ? section.count : 1), 0);
  return (
    <div className="stack">
      <p>{t('examSections.total', { count: sections.length, points: total })}</p>
      {sections.length === 0 ? <EmptyState>{t('examSections.empty')}</EmptyState> : (
        <SortableList items={sections.map((section, index) => ({ section, key: section.kind === 'fixed' ? `fixed-${section.itemId}` : `draw-${index}` }))} idOf={(entry) => entry.key} nameOf={(entry) => titleOf(entry.section, sections.indexOf(entry.section))}
          label={t('examSections.listLabel')} onMove={(from, to) => onChange(moved(sections, from, to))}
          renderItem={({ section }, index) => (
            <div className="row list-row">
              <span className="grow">{index + 1}. {titleOf(section, index)}</span>
              <div style={{ width: '9rem' }}>
                <NumberField label={t('examSections.points', { n: index + 1 })} value={section.points} min={0} max={1000} onChange={(points) => onChange(replaced(sections, index, { ...section, points: points ?? 0 }))} />
              </div>
              <Button variant="secondary" small onClick={() => onChange(removed(sections, index))} aria-label={t('examSections.removeNamed', { name: titleOf(section, index) })}>{t('editor.remove')}</Button>
            </div>
          )} />
      )}
      <details>
        <summary>{t('examSections.addItems')}</summary>
        <ItemPicker exclude={fixedIds} actionLabel={(item) => t('examSections.addItem', { title: item.title })} onPick={(item) => onChange([...sections, { kind: 'fixed', itemId: item.id, points: item.type === 'essay' ? 5 : 1 }])} />
      </details>
    </div>
  );
}
