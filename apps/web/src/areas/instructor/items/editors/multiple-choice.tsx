import { useTranslation } from 'react-i18next';
import { ChoiceOptions } from './choice-options';
import { Check, type EditorProps } from './shared';

/** Multiple choice: several options, any number of them correct (at least one). */
export function MultipleChoiceEditor({ item, onChange }: EditorProps<'multiple_choice'>) {
  const { t } = useTranslation('instructor');
  return (
    <div className="stack">
      <ChoiceOptions options={item.options} multiple onChange={(options) => onChange({ ...item, options })} />
      <Check label={t('editor.shuffle')} checked={item.shuffle ?? false} onChange={(shuffle) => onChange({ ...item, shuffle })} />
    </div>
  );
}
