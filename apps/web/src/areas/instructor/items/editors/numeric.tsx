import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../../ui';
import type { ItemOf } from '../item-model';
import { NumberField, type EditorProps } from './shared';

type Numeric = ItemOf<'numeric'>;
type ToleranceMode = 'none' | 'absolute' | 'relative';

/**
 * Numeric: the correct value, how far off an answer may be (an absolute amount, or a percentage of the
 * value; the API stores the percentage as a share, 5 % as 0.05), and the unit with other spellings of it.
 */
export function NumericEditor({ item, onChange }: EditorProps<'numeric'>) {
  const { t } = useTranslation('instructor');
  const mode: ToleranceMode = item.tolerance?.mode ?? 'none';
  const setTolerance = (next: ToleranceMode, amount = item.tolerance?.amount ?? 0) => {
    const { tolerance: _old, ...rest } = item;
    onChange(next === 'none' ? rest : { ...rest, tolerance: { mode: next, amount } });
  };
  const setUnit = (unit: string) => {
    const { unit: _old, ...rest } = item;
    onChange(unit.trim() ? { ...rest, unit } : rest);
  };
  return (
    <div className="stack">
      <NumberField label={t('editor.numericValue')} value={item.value} onChange={(value) => onChange({ ...item, value })} required />
      <div className="form-grid">
        <SelectField label={t('editor.toleranceMode')} value={mode} onChange={(event) => setTolerance(event.target.value as ToleranceMode)} options={[
          { value: 'none', label: t('editor.toleranceNone') },
          { value: 'absolute', label: t('editor.toleranceAbsolute') },
          { value: 'relative', label: t('editor.toleranceRelative') },
        ]} />
        {mode === 'absolute' ? (
          <NumberField label={t('editor.toleranceAmount')} value={item.tolerance?.amount ?? 0} min={0} onChange={(amount) => setTolerance('absolute', amount ?? 0)} />
        ) : null}
        {mode === 'relative' ? (
          <NumberField label={t('editor.tolerancePercent')} value={percentOf(item.tolerance?.amount ?? 0)} min={0} max={99} onChange={(percent) => setTolerance('relative', shareOf(percent ?? 0))} />
        ) : null}
      </div>
      <div className="form-grid">
        <TextField label={t('editor.unit')} value={item.unit ?? ''} hint={t('editor.unitHint')} onChange={(event) => setUnit(event.target.value)} />
        <AliasesField item={item} onChange={onChange} />
      </div>
    </div>
  );
}

/** Other spellings of the unit, typed comma-separated; the text is kept while typing ("m/s, "). */
function AliasesField({ item, onChange }: { item: Numeric; onChange: (next: Numeric) => void }) {
  const { t } = useTranslation('instructor');
  const joined = (item.unitAliases ?? []).join(', ');
  const [text, setText] = useState(joined);
  useEffect(() => {
    setText((current) => (splitList(current).join(', ') === joined ? current : joined));
  }, [joined]);
  return (
    <TextField label={t('editor.unitAliases')} hint={t('editor.unitAliasesHint')} value={text} onChange={(event) => {
      setText(event.target.value);
      const aliases = splitList(event.target.value);
      const { unitAliases: _old, ...rest } = item;
      onChange(aliases.length > 0 ? { ...rest, unitAliases: aliases } : rest);
    }} />
  );
}

function splitList(text: string): string[] {
  return text.split(',').map((entry) => entry.trim()).filter(Boolean);
}

// Percent and share converted through integers of hundredths, so 5 % is 0.05 exactly, not 0.05000000000000001.
function percentOf(share: number): number {
  return Math.round(share * 10_000) / 100;
}

function shareOf(percent: number): number {
  return Math.round(percent * 100) / 10_000;
}
