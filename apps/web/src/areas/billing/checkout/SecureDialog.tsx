import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldDetail } from '../../../api/field-errors';
import type { ApiError } from '../../../api/problem';
import { Button, Dialog, ProblemAlert, TextField } from '../../../ui';

/** The card issuer's 3-D Secure question (`challenge`), answered in a dialog before the payment goes on. */
export function SecureDialog({ open, challenge, busy, error, onAnswer, onClose }: {
  open: boolean;
  challenge: string;
  busy: boolean;
  error: ApiError | null;
  onAnswer: (response: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('billing');
  const [code, setCode] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onAnswer(code.trim());
  };
  return (
    <Dialog open={open} title={t('secure.title')} onClose={onClose}>
      <form onSubmit={submit} className="stack" noValidate>
        <p data-testid="secure-challenge">{challenge}</p>
        <ProblemAlert error={error} />
        <TextField label={t('secure.code')} value={code} onChange={(event) => setCode(event.target.value)} error={fieldDetail(error, 'response')}
          inputMode="numeric" autoComplete="one-time-code" maxLength={64} autoFocus />
        <div className="row">
          <Button type="submit" busy={busy}>{t('secure.confirm')}</Button>
          <Button variant="secondary" onClick={onClose}>{t('secure.later')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
