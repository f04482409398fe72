import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAction } from '../../api/use-action';
import { Alert, TextField } from '../../ui';

/** A new password typed twice, so a typo does not lock the user out. */
export function NewPasswordFields({ mismatch }: { mismatch: boolean }) {
  const { t } = useTranslation('auth');
  return (
    <>
      <TextField label={t('field.newPassword')} name="password" type="password" required minLength={10} maxLength={200} autoComplete="new-password" hint={t('field.newPasswordHint')} />
      <TextField label={t('field.repeatPassword')} name="repeat" type="password" required autoComplete="new-password" error={mismatch ? t('field.passwordsDiffer') : undefined} />
    </>
  );
}

/** The new password of a form with `NewPasswordFields`, or null when the two entries differ. */
export function readNewPassword(form: HTMLFormElement): string | null {
  const data = new FormData(form);
  const password = String(data.get('password'));
  return password === String(data.get('repeat')) ? password : null;
}

/**
 * The submission of a form with `NewPasswordFields`: nothing is sent while the two entries differ; `send`
 * gets the password and the form (for its other fields), and `done` turns true once it succeeded.
 */
export function useNewPasswordForm(send: (password: string, form: HTMLFormElement) => Promise<void>) {
  const [done, setDone] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const { busy, error, run } = useAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const password = readNewPassword(form);
    setMismatch(password === null);
    if (password === null) return;
    await run(async () => {
      await send(password, form);
      setDone(true);
    });
  };
  return { done, mismatch, busy, error, submit };
}

/** What a page that set a password says once it did: success, and the way to sign in with it. */
export function PasswordSetNotice({ message, signInLabel }: { message: string; signInLabel: string }) {
  return (
    <>
      <Alert tone="success">{message}</Alert>
      <p><Link to="/sign-in">{signInLabel}</Link></p>
    </>
  );
}
