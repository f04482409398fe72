import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { Button, Card, PageHeader, ProblemAlert, ResourceView, TextField, toast } from '../../ui';
import { NewPasswordFields, useNewPasswordForm } from '../auth/NewPasswordFields';
import { AccountNav } from './AccountNav';
import { Authenticator } from './Authenticator';

/** Sign-in security: the password and the authenticator app (second factor). */
export default function Security() {
  const { t } = useTranslation('account');
  const me = useResource(() => unwrap(api.GET('/api/v1/me')), []);
  return (
    <>
      <PageHeader title={t('security.title')} description={t('security.description')} />
      <AccountNav />
      <div className="stack">
        <ChangePassword />
        <Card title={t('mfa.title')}>
          <ResourceView resource={me}>{(user) => <Authenticator enabled={user.mfaEnabled} onChange={me.reload} />}</ResourceView>
        </Card>
      </div>
    </>
  );
}

function ChangePassword() {
  const { t } = useTranslation('account');
  const { mismatch, busy, error, submit } = useNewPasswordForm(async (newPassword, form) => {
    const currentPassword = String(new FormData(form).get('current'));
    await unwrap(api.PUT('/api/v1/me/password', { body: { currentPassword, newPassword } }));
    form.reset();
    toast(t('password.changed'));
  });
  return (
    <Card title={t('password.title')}>
      <form onSubmit={submit}>
        <ProblemAlert error={error} />
        <TextField label={t('password.current')} name="current" type="password" required autoComplete="current-password" />
        <NewPasswordFields mismatch={mismatch} />
        <p className="muted">{t('password.othersSignedOut')}</p>
        <Button type="submit" busy={busy}>{t('password.submit')}</Button>
      </form>
    </Card>
  );
}
