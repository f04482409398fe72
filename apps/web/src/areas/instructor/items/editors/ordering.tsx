import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../../../../ui';
import { SortableList } from '../../components/SortableList';
import { moved, nextNumbered, removed, replaced, type ItemOf } from '../item-model';
import type { EditorProps } from './shared';

type Choice = ItemOf<'ordering'>['choices'][number];

/** Ordering: the choices, listed here in their correct order (drag them, or use the arrows); students get them shuffled. */
export function OrderingEditor({ item, onChange }: EditorProps<'ordering'>) {
  const { t } = useTranslation('instructor');
  const byId = new Map(item.choices.map((choice) => [choice.id, choice]));
  // The list shows the correct order; choices the order does not name yet go last.
  const ordered = [...item.correctOrder.map((id) => byId.get(id)).filter((choice): choice is Choice => Boolean(choice)), ...item.choices.filter((choice) => !item.correctOrder.includes(choice.id))];
  const set = (choices: Choice[]) => onChange({ ...item, choices, correctOrder: choices.map((choice) => choice.id) });
  return (
    <fieldset className="stack">
      <legend>{t('editor.orderingChoices')}</legend>
      <p className="hint muted">{t('editor.orderingHint')}</p>
      <SortableList items={ordered} idOf={(choice) => choice.id} nameOf={(choice) => choice.text || choice.id} label={t('editor.orderingChoices')}
        onMove={(from, to) => set(moved(ordered, from, to))}
        renderItem={(choice, index) => (
          <div className="row list-row">
            <div className="grow"><TextField label={t('editor.orderingChoice', { n: index + 1 })} value={choice.text} onChange={(event) => set(replaced(ordered, index, { ...choice, text: event.target.value }))} /></div>
            <Button variant="secondary" small onClick={() => set(removed(ordered, index))} aria-label={t('editor.removeNamed', { name: t('editor.orderingChoice', { n: index + 1 }) })}>{t('editor.remove')}</Button>
          </div>
        )} />
      <div><Button variant="secondary" small disabled={ordered.length >= 26} onClick={() => set([...ordered, { id: nextNumbered(ordered.map((c) => c.id), 'C'), text: '' }])}>{t('editor.addChoice')}</Button></div>
    </fieldset>
  );
}
