import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../../ui';
import { Check, Group, type EditorProps } from './shared';

/** True or false: which one is right, and optional feedback for each answer. */
export function TrueFalseEditor({ item, onChange }: EditorProps<'true_false'>) {
  const { t } = useTranslation('instructor');
  const group = useId();
  const withFeedback = (field: 'feedbackTrue' | 'feedbackFalse', value: string) => {
    const { [field]: _old, ...rest } = item;
    onChange(value ? { ...rest, [field]: value } : rest);
  };
  return (
    <div className="stack">
      <Group legend={t('editor.correctAnswer')}>
        <Check type="radio" name={group} label={t('editor.true')} checked={item.answer === true} onChange={() => onChange({ ...item, answer: true })} />
        <Check type="radio" name={group} label={t('editor.false')} checked={item.answer === false} onChange={() => onChange({ ...item, answer: false })} />
      </Group>
      <TextField label={t('editor.feedbackTrue')} value={item.feedbackTrue ?? ''} onChange={(event) => withFeedback('feedbackTrue', event.target.value)} />
      <TextField label={t('editor.feedbackFalse')} value={item.feedbackFalse ?? ''} onChange={(event) => withFeedback('feedbackFalse', event.target.value)} />
    </div>
  );
}
