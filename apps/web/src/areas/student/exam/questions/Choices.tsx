import { useTranslation } from 'react-i18next';
import { responseOf, type AnswerProps } from './types';
import { ServerSanitizedHtml } from '../../../../ui';

export function SingleChoice({ item, response, onChange, labelledBy, idBase }: AnswerProps<'single_choice'>) {
  const chosen = responseOf(response, 'single_choice')?.choice ?? null;
  return (
    <div role="radiogroup" aria-labelledby={labelledBy} className="choice-group">
      {item.options.map((option) => (
        <div className="choice" key={option.id}>
          <input type="radio" id={`${idBase}-${option.id}`} name={idBase} checked={chosen === option.id} onChange={() => onChange({ type: 'single_choice', choice: option.id })} />
          <label htmlFor={`${idBase}-${option.id}`}><ServerSanitizedHtml as="span" html={option.text} /></label>
        </div>
      ))}
      <ClearAnswer visible={chosen !== null} onClear={() => onChange(null)} />
    </div>
  );
}

export function MultipleChoice({ item, response, onChange, labelledBy, idBase }: AnswerProps<'multiple_choice'>) {
  const chosen = responseOf(response, 'multiple_choice')?.choices ?? [];
  const toggle = (id: string, on: boolean) => {
    // Kept in the item's order, so the same choices always make the same answer.
    const next = item.options.map((option) => option.id).filter((optionId) => (optionId === id ? on : chosen.includes(optionId)));
    onChange(next.length > 0 ? { type: 'multiple_choice', choices: next } : null);
  };
  return (
    <div role="group" aria-labelledby={labelledBy} className="choice-group">
      {item.options.map((option) => (
        <div className="choice" key={option.id}>
          <input type="checkbox" id={`${idBase}-${option.id}`} checked={chosen.includes(option.id)} onChange={(event) => toggle(option.id, event.target.checked)} />
          <label htmlFor={`${idBase}-${option.id}`}><ServerSanitizedHtml as="span" html={option.text} /></label>
        </div>
      ))}
    </div>
  );
}

export function TrueFalse({ response, onChange, labelledBy, idBase }: AnswerProps<'true_false'>) {
  const { t } = useTranslation('student');
  const value = responseOf(response, 'true_false')?.value;
  return (
    <div role="radiogroup" aria-labelledby={labelledBy} className="choice-group">
      {[true, false].map((option) => (
        <div className="choice" key={String(option)}>
          <input type="radio" id={`${idBase}-${option}`} name={idBase} checked={value === option} onChange={() => onChange({ type: 'true_false', value: option })} />
          <label htmlFor={`${idBase}-${option}`}>{t(option ? 'question.true' : 'question.false')}</label>
        </div>
      ))}
      <ClearAnswer visible={value !== undefined} onClear={() => onChange(null)} />
    </div>
  );
}

function ClearAnswer({ visible, onClear }: { visible: boolean; onClear: () => void }) {
  const { t } = useTranslation('student');
  return visible ? <button type="button" className="link small" onClick={onClear}>{t('question.clear')}</button> : null;
}
