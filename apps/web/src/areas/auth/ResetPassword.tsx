import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Alert, Button, PageHeader, ProblemAlert, TextField } from '../../ui';
import { useAttempt } from './components/use-attempt';
import { NewPasswordFields, readNewPassword } from './NewPasswordFields';
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
  const [sent, setSent] = useState<string | null>(null);
  const { busy, error, attempt } = useAttempt();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email'));
    await attempt(async () => {
      await unwrap(api.POST('/api/v1/auth/password-reset', { body: { tenant, email } }));
      rememberTenant(tenant);
      setSent(email);
    });
  };
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
  const [done, setDone] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const { busy, error, attempt } = useAttempt();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = readNewPassword(event.currentTarget);
    setMismatch(password === null);
    if (password === null) return;
    await attempt(async () => {
      await unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } }));
      setDone(true);
    });
  };
  return (
    <div className="narrow card">
      <PageHeader title={t('reset.chooseTitle')} />
      {done ? (
        <>
          <Alert tone="success">{t('reset.done')}</Alert>
          <p><Link to="/sign-in">{t('reset.backToSignIn')}</Link></p>
        </>
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
