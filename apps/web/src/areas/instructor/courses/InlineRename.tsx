import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../../../ui';

/** A name with a "Rename" button that turns into a field with Save and Cancel. */
export function InlineRename({ name, label, onRename, disabled, children }: { name: string; label: string; onRename: (name: string) => void; disabled?: boolean; children: ReactNode }) {
  const { t } = useTranslation('instructor');
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(name);
  if (!editing) {
    return (
      <div className="row">
        <div className="grow">{children}</div>
        <Button variant="secondary" small disabled={disabled} onClick={() => { setValue(name); setEditing(true); }} aria-label={t('outline.renameNamed', { name })}>{t('outline.rename')}</Button>
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (trimmed && trimmed !== name) onRename(trimmed);
    setEditing(false);
  };
  return (
    <form className="row list-row" onSubmit={submit}>
      <div className="grow"><TextField label={label} value={value} onChange={(event) => setValue(event.target.value)} required maxLength={200} autoFocus /></div>
      <Button type="submit" small>{t('outline.saveName')}</Button>
      <Button variant="secondary" small onClick={() => setEditing(false)}>{t('outline.cancel')}</Button>
    </form>
  );
}
