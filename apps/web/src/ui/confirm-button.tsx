import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './controls';
import { Dialog } from './dialog';

/**
 * A button for something hard to undo: it asks first in a dialog. The dialog exists only while open, so
 * several of these on one page never share element ids.
 */
export function ConfirmButton({ label, title, children, confirmLabel, onConfirm, variant = 'danger', small, busy, ariaLabel }: {
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void | Promise<unknown>;
  variant?: 'danger' | 'secondary' | 'primary';
  small?: boolean;
  busy?: boolean;
  ariaLabel?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const confirm = async () => {
    setOpen(false);
    await onConfirm();
  };
  return (
    <>
      <Button variant={variant} small={small} busy={busy} onClick={() => setOpen(true)} aria-label={ariaLabel}>{label}</Button>
      {open ? (
        <Dialog open title={title} onClose={() => setOpen(false)}>
          <div className="stack">
            <div>{children}</div>
            <div className="row">
              <Button variant={variant === 'danger' ? 'danger' : 'primary'} onClick={confirm}>{confirmLabel}</Button>
              <Button variant="secondary" onClick={() => setOpen(false)}>{t('action.cancel')}</Button>
            </div>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
