import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui';

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
