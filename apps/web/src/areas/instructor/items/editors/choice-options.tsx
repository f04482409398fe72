import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../../../../ui';
import { nextIdentifier, replaced, type ItemOf } from '../item-model';
import { Check, RowActions } from './shared';

type Option = ItemOf<'single_choice'>['options'][number];

/**
 * The options of a choice item: text, whether it is correct (one for single choice, any for multiple),
 * feedback shown when a student picks it, in the order students see them unless shuffled.
 */
export function ChoiceOptions({ options, multiple, onChange }: { options: Option[]; multiple: boolean; onChange: (options: Option[]) => void }) {
  const { t } = useTranslation('instructor');
  const group = useId();
  const setCorrect = (index: number, correct: boolean) => {
    onChange(options.map((option, i) => {
      if (i === index) return { ...option, correct };
      return multiple || !correct ? option : { ...option, correct: false };
    }));
  };
  return (
    <fieldset className="stack">
      <legend>{t('editor.options')}</legend>
      {options.map((option, index) => {
        const name = t('editor.optionName', { id: option.id });
        return (
          <div className="card option-row" key={option.id}>
            <TextField label={name} value={option.text} onChange={(event) => onChange(replaced(options, index, { ...option, text: event.target.value }))} />
            <Check type={multiple ? 'checkbox' : 'radio'} name={group} label={t('editor.optionCorrect', { id: option.id })} checked={option.correct} onChange={(checked) => setCorrect(index, checked)} />
            <TextField label={t('editor.optionFeedback', { id: option.id })} value={option.feedback ?? ''} onChange={(event) => {
              const { feedback: _old, ...rest } = option;
              onChange(replaced(options, index, event.target.value ? { ...rest, feedback: event.target.value } : rest));
            }} />
            <RowActions list={options} index={index} name={name} onChange={onChange} />
          </div>
        );
      })}
      <div>
        <Button variant="secondary" small disabled={options.length >= 26} onClick={() => onChange([...options, { id: nextIdentifier(options.map((o) => o.id)), text: '', correct: false }])}>{t('editor.addOption')}</Button>
      </div>
    </fieldset>
  );
}
