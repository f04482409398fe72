import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Alert, Button, PageHeader, ProblemAlert, TextField } from '../../ui';
import { NewPasswordFields, PasswordSetNotice, useNewPasswordForm } from './NewPasswordFields';

/** Where the invitation email's link lands (`/accept-invitation?token=…`): choose a password, then sign in. */
export default function AcceptInvitation() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { done, mismatch, busy, error, submit } = useNewPasswordForm(async (password, form) => {
    const name = String(new FormData(form).get('name')).trim();
    await unwrap(api.POST('/api/v1/auth/invitations/accept', { body: { token, password, ...(name ? { name } : {}) } }));
  });

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
        <PasswordSetNotice message={t('invitation.done')} signInLabel={t('invitation.signIn')} />
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
