import { useTranslation } from 'react-i18next';
import type { ItemOf } from '../item-model';
import { Check, Group, TextList, type EditorProps } from './shared';

type Normalise = NonNullable<ItemOf<'short_text'>['normalise']>;
/** The API's defaults, shown checked or not until the author changes one. */
const DEFAULTS: Required<Normalise> = { caseSensitive: false, collapseWhitespace: true, unicode: true, ignoreDiacritics: false };

/** Short text: the answers accepted, optional patterns, and how answers are normalised before comparing. */
export function ShortTextEditor({ item, onChange }: EditorProps<'short_text'>) {
  const { t } = useTranslation('instructor');
  const normalise = { ...DEFAULTS, ...item.normalise };
  const setFlag = (flag: keyof Normalise, value: boolean) => onChange({ ...item, normalise: { ...normalise, [flag]: value } });
  const setPatterns = (patterns: string[]) => {
    const { patterns: _old, ...rest } = item;
    onChange(patterns.length > 0 ? { ...rest, patterns } : rest);
  };
  return (
    <div className="stack">
      <TextList legend={t('editor.acceptedAnswers')} itemLabel={(n) => t('editor.acceptedAnswer', { n })} addLabel={t('editor.addAccepted')} values={item.accepted} onChange={(accepted) => onChange({ ...item, accepted })} />
      <TextList legend={t('editor.patterns')} hint={t('editor.patternsHint')} itemLabel={(n) => t('editor.pattern', { n })} addLabel={t('editor.addPattern')} values={item.patterns ?? []} onChange={setPatterns} />
      <Group legend={t('editor.normalisation')}>
        <Check label={t('editor.caseSensitive')} checked={normalise.caseSensitive} onChange={(value) => setFlag('caseSensitive', value)} />
        <Check label={t('editor.collapseWhitespace')} checked={normalise.collapseWhitespace} onChange={(value) => setFlag('collapseWhitespace', value)} />
        <Check label={t('editor.unicode')} checked={normalise.unicode} onChange={(value) => setFlag('unicode', value)} />
        <Check label={t('editor.ignoreDiacritics')} checked={normalise.ignoreDiacritics} onChange={(value) => setFlag('ignoreDiacritics', value)} />
      </Group>
    </div>
  );
}
