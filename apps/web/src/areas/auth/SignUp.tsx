import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useAction } from '../../api/use-action';
import { Alert, Button, PageHeader, ProblemAlert, TextField, toast } from '../../ui';
import { lastTenant, rememberTenant } from './tenant-memory';
import { useTenantPublic } from './tenant-public';
import { TenantField } from './TenantField';

/** Sign-up, where the institution allows it; the account works once the emailed link confirms the address. */
export default function SignUp() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const [tenant, setTenant] = useState(params.get('tenant') ?? lastTenant());
  const [sentTo, setSentTo] = useState<string | null>(null);
  const institution = useTenantPublic(tenant);
  const closed = institution !== null && institution !== 'missing' && !institution.selfRegistration;
  const { busy, error, run } = useAction();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email'));
    await run(async () => {
      await unwrap(api.POST('/api/v1/auth/register', { body: { tenant, email, name: String(form.get('name')), password: String(form.get('password')) } }));
      // The emailed link does not name the institution: remembering it prefills the sign-in after confirming.
      rememberTenant(tenant);
      setSentTo(email);
    });
  };

  const resend = async () => {
    if (!sentTo) return;
    await run(async () => {
      await unwrap(api.POST('/api/v1/auth/verify-email/resend', { body: { tenant, email: sentTo } }));
      toast(t('verify.resent'));
    });
  };

  const title = institution && institution !== 'missing' ? t('signUp.titleAt', { name: institution.name }) : t('signUp.title');
  const signInLink = <Link to={`/sign-in${tenant ? `?tenant=${encodeURIComponent(tenant)}` : ''}`}>{t('signUp.signIn')}</Link>;

  if (sentTo) {
    return (
      <div className="narrow card">
        <PageHeader title={t('signUp.checkEmailTitle')} />
        <Alert tone="success">{t('signUp.checkEmail', { email: sentTo })}</Alert>
        <ProblemAlert error={error} />
        <p>{t('signUp.noEmail')}</p>
        <div className="row">
          <Button variant="secondary" busy={busy} onClick={resend}>{t('verify.resend')}</Button>
          {signInLink}
        </div>
      </div>
    );
  }

  return (
    <div className="narrow card">
      <PageHeader title={title} />
      <ProblemAlert error={error} />
      <form onSubmit={submit}>
        <TenantField value={tenant} onChange={setTenant} />
        {institution === 'missing' ? <Alert tone="warning">{t('signUp.unknownTenant')}</Alert> : null}
        {closed ? (
          <Alert tone="info">{t('signUp.closed', { name: institution.name })}</Alert>
        ) : (
          <>
            <TextField label={t('field.name')} name="name" required maxLength={120} autoComplete="name" />
            <TextField label={t('field.email')} name="email" type="email" required autoComplete="email" />
            <TextField label={t('field.newPassword')} name="password" type="password" required minLength={10} maxLength={200} autoComplete="new-password" hint={t('field.newPasswordHint')} />
            <Button type="submit" busy={busy}>{t('signUp.submit')}</Button>
          </>
        )}
      </form>
      <p>{t('signUp.haveAccount')} {signInLink}</p>
    </div>
  );
}
