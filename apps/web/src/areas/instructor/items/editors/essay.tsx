import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../../../../ui';
import { replaced } from '../item-model';
import { NumberField, RowActions, type EditorProps } from './shared';

/** Essay: graded by hand against a rubric (criteria with the points each is worth), with an expected length. */
export function EssayEditor({ item, onChange }: EditorProps<'essay'>) {
  const { t } = useTranslation('instructor');
  const total = item.rubric.reduce((sum, criterion) => sum + criterion.points, 0);
  const setRubric = (rubric: typeof item.rubric) => onChange({ ...item, rubric });
  return (
    <div className="stack">
      <fieldset className="stack">
        <legend>{t('editor.rubric')}</legend>
        <p className="hint muted">{t('editor.rubricHint', { total })}</p>
        {item.rubric.map((criterion, index) => {
          const name = t('editor.criterion', { n: index + 1 });
          return (
            <div className="card option-row" key={index}>
              <TextField label={name} value={criterion.criterion} onChange={(event) => setRubric(replaced(item.rubric, index, { ...criterion, criterion: event.target.value }))} />
              <NumberField label={t('editor.criterionPoints', { n: index + 1 })} value={criterion.points} min={0} max={1000} onChange={(points) => setRubric(replaced(item.rubric, index, { ...criterion, points: points ?? 0 }))} />
              <RowActions list={item.rubric} index={index} name={name} onChange={setRubric} />
            </div>
          );
        })}
        <div><Button variant="secondary" small disabled={item.rubric.length >= 30} onClick={() => setRubric([...item.rubric, { criterion: '', points: 1 }])}>{t('editor.addCriterion')}</Button></div>
      </fieldset>
      <NumberField label={t('editor.expectedWords')} value={item.expectedWords ?? null} min={1} onChange={(words) => {
        const { expectedWords: _old, ...rest } = item;
        onChange(words && words >= 1 ? { ...rest, expectedWords: Math.round(words) } : rest);
      }} />
    </div>
  );
}
