import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Alert, Button, PageHeader, ProblemAlert, TextField } from '../../ui';
import { useEmailRequest } from './components/use-email-request';
import { NewPasswordFields, PasswordSetNotice, useNewPasswordForm } from './NewPasswordFields';
import { lastTenant, rememberTenant } from './tenant-memory';
import { TenantField } from './TenantField';

/**
 * Password reset: without a token, asks for the emailed link; with the link's token
 * (`/reset-password?token=…`), chooses the new password.
 */
export default function ResetPassword() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <ChooseNewPassword token={token} /> : <RequestLink initialTenant={params.get('tenant') ?? lastTenant()} />;
}

function RequestLink({ initialTenant }: { initialTenant: string }) {
  const { t } = useTranslation('auth');
  const [tenant, setTenant] = useState(initialTenant);
  const { sent, busy, error, submit } = useEmailRequest(async (email) => {
    await unwrap(api.POST('/api/v1/auth/password-reset', { body: { tenant, email } }));
    rememberTenant(tenant);
    return email;
  });
  return (
    <div className="narrow card">
      <PageHeader title={t('reset.title')} description={t('reset.intro')} />
      {sent ? <Alert tone="success">{t('reset.sent', { email: sent })}</Alert> : null}
      <ProblemAlert error={error} />
      <form onSubmit={submit}>
        <TenantField value={tenant} onChange={setTenant} />
        <TextField label={t('field.email')} name="email" type="email" required autoComplete="email" />
        <div className="row">
          <Button type="submit" busy={busy}>{t('reset.send')}</Button>
          <Link to={`/sign-in${tenant ? `?tenant=${encodeURIComponent(tenant)}` : ''}`}>{t('reset.backToSignIn')}</Link>
        </div>
      </form>
    </div>
  );
}

function ChooseNewPassword({ token }: { token: string }) {
  const { t } = useTranslation('auth');
  const { done, mismatch, busy, error, submit } = useNewPasswordForm(async (password) => {
    await unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } }));
  });
  return (
    <div className="narrow card">
      <PageHeader title={t('reset.chooseTitle')} />
      {done ? (
        <PasswordSetNotice message={t('reset.done')} signInLabel={t('reset.backToSignIn')} />
      ) : (
        <form onSubmit={submit}>
          <ProblemAlert error={error} />
          <NewPasswordFields mismatch={mismatch} />
          <Button type="submit" busy={busy}>{t('reset.save')}</Button>
        </form>
      )}
    </div>
  );
}
