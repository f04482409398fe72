import { useTranslation } from 'react-i18next';
import { Button, SelectField, TextField } from '../../../../ui';
import { nextIdentifier, nextNumbered, removed, replaced, type ItemOf } from '../item-model';
import { GAP_MARKER, markersOf } from '../item-problems';
import { Check, TextList, type EditorProps } from './shared';

type Gap = ItemOf<'cloze'>['gaps'][number];
type ChoiceGap = Extract<Gap, { kind: 'choice' }>;

/**
 * Cloze: the question text holds `{{gapId}}` markers; each gap is typed in (accepted answers) or picked
 * from a list (choices, one correct). Adding a gap puts its marker at the end of the text; move it where
 * it belongs.
 */
export function ClozeEditor({ item, onChange }: EditorProps<'cloze'>) {
  const { t } = useTranslation('instructor');
  const ids = item.gaps.map((gap) => gap.id);
  const addGap = (kind: Gap['kind'], id = nextNumbered([...ids, ...markersOf(item.stem)], 'gap')) => {
    const gap: Gap = kind === 'text' ? { id, kind, accepted: [''] } : { id, kind, choices: [{ id: 'A', text: '' }, { id: 'B', text: '' }], correct: null };
    const hasMarker = markersOf(item.stem).includes(id);
    onChange({ ...item, stem: hasMarker ? item.stem : `${item.stem}${item.stem && !item.stem.endsWith(' ') ? ' ' : ''}{{${id}}}`, gaps: [...item.gaps, gap] });
  };
  const removeGap = (index: number) => {
    const id = item.gaps[index]?.id;
    const stem = item.stem.replace(GAP_MARKER, (marker, found: string) => (found === id ? '' : marker));
    onChange({ ...item, stem, gaps: removed(item.gaps, index) });
  };
  const setGap = (index: number, gap: Gap) => onChange({ ...item, gaps: replaced(item.gaps, index, gap) });
  const orphanMarkers = [...new Set(markersOf(item.stem))].filter((marker) => !ids.includes(marker));
  return (
    <div className="stack">
      <p className="hint muted">{t('editor.clozeHint', { first: '{{gap1}}' })}</p>
      {item.gaps.map((gap, index) => (
        <fieldset className="stack" key={gap.id}>
          <legend>{t('editor.gapName', { id: gap.id })}</legend>
          <SelectField label={t('editor.gapKind', { id: gap.id })} value={gap.kind} onChange={(event) => setGap(index, changeKind(gap, event.target.value as Gap['kind']))}
            options={[{ value: 'text', label: t('editor.gapText') }, { value: 'choice', label: t('editor.gapChoice') }]} />
          {gap.kind === 'text' ? (
            <>
              <TextList legend={t('editor.gapAccepted', { id: gap.id })} itemLabel={(n) => t('editor.gapAcceptedOne', { id: gap.id, n })} addLabel={t('editor.addAccepted')} values={gap.accepted} onChange={(accepted) => setGap(index, { ...gap, accepted })} />
              <Check label={t('editor.gapCaseSensitive', { id: gap.id })} checked={gap.caseSensitive ?? false} onChange={(caseSensitive) => setGap(index, { ...gap, caseSensitive })} />
            </>
          ) : (
            <GapChoices gap={gap} onChange={(next) => setGap(index, next)} />
          )}
          <div><Button variant="danger" small onClick={() => removeGap(index)}>{t('editor.removeGap', { id: gap.id })}</Button></div>
        </fieldset>
      ))}
      {orphanMarkers.length > 0 ? (
        <div className="row">
          {orphanMarkers.map((marker) => <Button key={marker} variant="secondary" small onClick={() => addGap('text', marker)}>{t('editor.createGapFor', { id: marker })}</Button>)}
        </div>
      ) : null}
      <div className="row">
        <Button variant="secondary" small disabled={item.gaps.length >= 50} onClick={() => addGap('text')}>{t('editor.addTextGap')}</Button>
        <Button variant="secondary" small disabled={item.gaps.length >= 50} onClick={() => addGap('choice')}>{t('editor.addChoiceGap')}</Button>
      </div>
    </div>
  );
}

function GapChoices({ gap, onChange }: { gap: ChoiceGap; onChange: (gap: ChoiceGap) => void }) {
  const { t } = useTranslation('instructor');
  return (
    <fieldset className="stack">
      <legend>{t('editor.gapChoices', { id: gap.id })}</legend>
      {gap.choices.map((choice, index) => (
        <div className="row list-row" key={choice.id}>
          <div className="grow"><TextField label={t('editor.gapChoiceText', { id: gap.id, choice: choice.id })} value={choice.text} onChange={(event) => onChange({ ...gap, choices: replaced(gap.choices, index, { ...choice, text: event.target.value }) })} /></div>
          <Check type="radio" name={`gap-${gap.id}-correct`} label={t('editor.gapChoiceCorrect', { id: gap.id, choice: choice.id })} checked={gap.correct === choice.id} onChange={() => onChange({ ...gap, correct: choice.id })} />
          <Button variant="secondary" small onClick={() => onChange({ ...gap, choices: removed(gap.choices, index), correct: gap.correct === choice.id ? null : gap.correct })} aria-label={t('editor.removeNamed', { name: t('editor.gapChoiceText', { id: gap.id, choice: choice.id }) })}>{t('editor.remove')}</Button>
        </div>
      ))}
      <div><Button variant="secondary" small disabled={gap.choices.length >= 26} onClick={() => onChange({ ...gap, choices: [...gap.choices, { id: nextIdentifier(gap.choices.map((c) => c.id)), text: '' }] })}>{t('editor.addChoice')}</Button></div>
    </fieldset>
  );
}

function changeKind(gap: Gap, kind: Gap['kind']): Gap {
  if (gap.kind === kind) return gap;
  return kind === 'text' ? { id: gap.id, kind, accepted: [''] } : { id: gap.id, kind, choices: [{ id: 'A', text: '' }, { id: 'B', text: '' }], correct: null };
}
