import { useTranslation } from 'react-i18next';
import { Button, SelectField, TextField } from '../../../../ui';
import { nextNumbered, replaced, type ItemOf } from '../item-model';
import { RowActions, type EditorProps } from './shared';

type Entry = ItemOf<'matching'>['sources'][number];
type Pair = ItemOf<'matching'>['pairs'][number];

/**
 * Matching: prompts on one side, answers on the other, and for each prompt the answer it matches. An
 * answer may match several prompts or none (a distractor).
 */
export function MatchingEditor({ item, onChange }: EditorProps<'matching'>) {
  const { t } = useTranslation('instructor');
  const setSources = (sources: Entry[]) => {
    const ids = sources.map((source) => source.id);
    onChange({ ...item, sources, pairs: item.pairs.filter((pair) => ids.includes(pair.source)) });
  };
  const setTargets = (targets: Entry[]) => {
    const ids = targets.map((target) => target.id);
    onChange({ ...item, targets, pairs: item.pairs.filter((pair) => ids.includes(pair.target)) });
  };
  const setMatch = (source: string, target: string) => {
    const others = item.pairs.filter((pair) => pair.source !== source);
    const pairs: Pair[] = target ? [...others, { source, target }] : others;
    // Pairs follow the order of the prompts, so the body does not depend on the order of clicks.
    const order = item.sources.map((entry) => entry.id);
    onChange({ ...item, pairs: pairs.sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source)) });
  };
  return (
    <div className="stack">
      <fieldset className="stack">
        <legend>{t('editor.matchTargets')}</legend>
        {item.targets.map((target, index) => {
          const name = t('editor.matchTarget', { id: target.id });
          return (
            <div className="row list-row" key={target.id}>
              <div className="grow"><TextField label={name} value={target.text} onChange={(event) => setTargets(replaced(item.targets, index, { ...target, text: event.target.value }))} /></div>
              <RowActions list={item.targets} index={index} name={name} onChange={setTargets} />
            </div>
          );
        })}
        <div><Button variant="secondary" small disabled={item.targets.length >= 26} onClick={() => setTargets([...item.targets, { id: nextNumbered(item.targets.map((e) => e.id), 'T'), text: '' }])}>{t('editor.addTarget')}</Button></div>
      </fieldset>
      <fieldset className="stack">
        <legend>{t('editor.matchSources')}</legend>
        {item.sources.map((source, index) => {
          const name = t('editor.matchSource', { id: source.id });
          const match = item.pairs.find((pair) => pair.source === source.id)?.target ?? '';
          return (
            <div className="card option-row" key={source.id}>
              <TextField label={name} value={source.text} onChange={(event) => setSources(replaced(item.sources, index, { ...source, text: event.target.value }))} />
              <SelectField label={t('editor.matchesTarget', { id: source.id })} value={match} onChange={(event) => setMatch(source.id, event.target.value)}
                options={[{ value: '', label: t('editor.noMatch') }, ...item.targets.map((target) => ({ value: target.id, label: `${target.id}: ${target.text || '…'}` }))]} />
              <RowActions list={item.sources} index={index} name={name} onChange={setSources} />
            </div>
          );
        })}
        <div><Button variant="secondary" small disabled={item.sources.length >= 26} onClick={() => setSources([...item.sources, { id: nextNumbered(item.sources.map((e) => e.id), 'S'), text: '' }])}>{t('editor.addSource')}</Button></div>
      </fieldset>
    </div>
  );
}
