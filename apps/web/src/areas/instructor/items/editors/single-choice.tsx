import { useTranslation } from 'react-i18next';
import { ChoiceOptions } from './choice-options';
import { Check, type EditorProps } from './shared';

/** Single choice: several options, exactly one correct. */
export function SingleChoiceEditor({ item, onChange }: EditorProps<'single_choice'>) {
  const { t } = useTranslation('instructor');
  return (
    <div className="stack">
      <ChoiceOptions options={item.options} multiple={false} onChange={(options) => onChange({ ...item, options })} />
      <Check label={t('editor.shuffle')} checked={item.shuffle ?? false} onChange={(shuffle) => onChange({ ...item, shuffle })} />
    </div>
  );
}
