import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Alert, Button, PageHeader, ProblemAlert, TextField } from '../../ui';
import { useAttempt } from './components/use-attempt';
import { NewPasswordFields, readNewPassword } from './NewPasswordFields';

/** Where the invitation email's link lands (`/accept-invitation?token=…`): choose a password, then sign in. */
export default function AcceptInvitation() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const { busy, error, attempt } = useAttempt();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = readNewPassword(event.currentTarget);
    const name = String(new FormData(event.currentTarget).get('name')).trim();
    setMismatch(password === null);
    if (password === null) return;
    await attempt(async () => {
      await unwrap(api.POST('/api/v1/auth/invitations/accept', { body: { token, password, ...(name ? { name } : {}) } }));
      setDone(true);
    });
  };

  if (!token) {
    return (
      <div className="narrow card">
        <PageHeader title={t('invitation.title')} />
        <Alert tone="warning">{t('invitation.noToken')}</Alert>
      </div>
    );
  }
  return (
    <div className="narrow card">
      <PageHeader title={t('invitation.title')} description={done ? undefined : t('invitation.intro')} />
      {done ? (
        <>
          <Alert tone="success">{t('invitation.done')}</Alert>
          <p><Link to="/sign-in">{t('invitation.signIn')}</Link></p>
        </>
      ) : (
        <form onSubmit={submit}>
          <ProblemAlert error={error} />
          <TextField label={t('field.nameOptional')} name="name" maxLength={120} autoComplete="name" hint={t('invitation.nameHint')} />
          <NewPasswordFields mismatch={mismatch} />
          <Button type="submit" busy={busy}>{t('invitation.accept')}</Button>
        </form>
      )}
    </div>
  );
}
