import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../../../../ui';
import type { ItemOf, ItemType } from '../item-model';
import { moved, removed, replaced } from '../item-model';

/** What every type's editor takes: its item and a way to change it (the whole item, as the API takes it). */
export interface EditorProps<T extends ItemType> {
  item: ItemOf<T>;
  onChange: (next: ItemOf<T>) => void;
}

export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/**
 * A number typed as text: the field keeps what is typed ("-", "1.") while the item gets the number, or
 * null while the text is empty or not a number yet.
 */
export function NumberField({ label, value, onChange, hint, min, max, step, required }: { label: string; value: number | null | undefined; onChange: (value: number | null) => void; hint?: string; min?: number; max?: number; step?: string; required?: boolean }) {
  const { t } = useTranslation('instructor');
  const [text, setText] = useState(value === null || value === undefined ? '' : String(value));
  const typed = useRef(false);
  useEffect(() => {
    // Follow a change made elsewhere (a reload, another control), never the answer to what was typed here
    // (a cleared field the item stores as 0 stays empty while the author types the new number).
    if (typed.current) {
      typed.current = false;
      return;
    }
    setText((current) => (parseNumber(current) === (value ?? null) ? current : value === null || value === undefined ? '' : String(value)));
  }, [value]);
  const invalid = text.trim() !== '' && parseNumber(text) === null;
  return (
    <TextField label={label} inputMode="decimal" value={text} required={required} {...(hint ? { hint } : {})} {...(min !== undefined ? { min } : {})} {...(max !== undefined ? { max } : {})} {...(step ? { step } : {})}
      error={invalid ? t('editor.notANumber') : undefined}
      onChange={(event) => {
        typed.current = true;
        setText(event.target.value);
        onChange(parseNumber(event.target.value));
      }} />
  );
}

/** A list of short texts (accepted answers, patterns), one field each, with add and remove. */
export function TextList({ legend, itemLabel, addLabel, values, onChange, hint }: { legend: string; itemLabel: (n: number) => string; addLabel: string; values: string[]; onChange: (values: string[]) => void; hint?: string }) {
  const { t } = useTranslation('instructor');
  return (
    <fieldset className="stack">
      <legend>{legend}</legend>
      {hint ? <p className="hint muted">{hint}</p> : null}
      {values.map((value, index) => (
        <div className="row list-row" key={index}>
          <div className="grow"><TextField label={itemLabel(index + 1)} value={value} onChange={(event) => onChange(replaced(values, index, event.target.value))} /></div>
          <Button variant="secondary" small onClick={() => onChange(removed(values, index))} aria-label={t('editor.removeNamed', { name: itemLabel(index + 1) })}>{t('editor.remove')}</Button>
        </div>
      ))}
      <div><Button variant="secondary" small onClick={() => onChange([...values, ''])}>{addLabel}</Button></div>
    </fieldset>
  );
}

/** Move up, move down and remove for a row of an editor's list. */
export function RowActions<T>({ list, index, name, onChange }: { list: T[]; index: number; name: string; onChange: (list: T[]) => void }) {
  const { t } = useTranslation('instructor');
  return (
    <div className="row row-actions">
      <Button variant="secondary" small disabled={index === 0} onClick={() => onChange(moved(list, index, index - 1))} aria-label={t('sortable.moveUp', { name })}>↑</Button>
      <Button variant="secondary" small disabled={index === list.length - 1} onClick={() => onChange(moved(list, index, index + 1))} aria-label={t('sortable.moveDown', { name })}>↓</Button>
      <Button variant="secondary" small onClick={() => onChange(removed(list, index))} aria-label={t('editor.removeNamed', { name })}>{t('editor.remove')}</Button>
    </div>
  );
}

/** A bordered group of controls with a visible legend. */
export function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return <fieldset className="stack"><legend>{legend}</legend>{children}</fieldset>;
}

/** A labelled checkbox whose id is its own (several per row). */
export function Check({ label, checked, onChange, type = 'checkbox', name }: { label: string; checked: boolean; onChange: (checked: boolean) => void; type?: 'checkbox' | 'radio'; name?: string }) {
  const id = useId();
  return (
    <div className="choice">
      <input id={id} type={type} name={name} checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
