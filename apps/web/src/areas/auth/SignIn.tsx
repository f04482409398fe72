import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useBranding } from '../../app/branding';
import { Alert, Button, PageHeader, ProblemAlert, TextField, toast } from '../../ui';
import { MfaCodeStep } from './components/MfaCodeStep';
import { MfaSetupStep } from './components/MfaSetupStep';
import { safeNext, useFinishSignIn } from './session-start';
import { lastTenant, rememberTenant } from './tenant-memory';
import { useTenantPublic } from './tenant-public';
import { TenantField } from './TenantField';

type Step = { kind: 'password' } | { kind: 'mfa' | 'mfa_setup'; challenge: string; tenant: string };

/**
 * Sign in with email and password (or the institution's single sign-on), then the authenticator step when
 * the account has one, or its setup when the institution requires one for the user's role.
 */
export default function SignIn() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const [tenant, setTenant] = useState(params.get('tenant') ?? lastTenant());
  const [email, setEmail] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const { busy, error, run } = useAction();
  const branding = useBranding(tenant || undefined);
  const institution = useTenantPublic(tenant);
  const finish = useFinishSignIn();
  const options = institution && institution !== 'missing' ? institution : null;

  const submitPassword = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await run(async () => {
      const result = await unwrap(api.POST('/api/v1/auth/sign-in', { body: { tenant, email, password: String(form.get('password')) } }));
      if (result.status === 'signed_in') finish(tenant, result.tokens);
      else setStep({ kind: result.status === 'mfa_required' ? 'mfa' : 'mfa_setup', challenge: result.challenge, tenant });
    });
  };

  const resendVerification = async () => {
    await run(async () => {
      await unwrap(api.POST('/api/v1/auth/verify-email/resend', { body: { tenant, email } }));
      toast(t('verify.resent'));
    });
  };

  const ssoHref = `/api/v1/auth/sso/start?${new URLSearchParams({ tenant, returnTo: safeNext(params.get('next')) ?? '/' }).toString()}`;
  const tenantQuery = tenant ? `?tenant=${encodeURIComponent(tenant)}` : '';

  return (
    <div className="narrow card">
      <PageHeader title={branding ? t('signIn.titleAt', { name: branding.name }) : t('signIn.title')} />
      {params.get('error') === 'sso_failed' && step.kind === 'password' ? <Alert tone="error">{t('sso.failed')}</Alert> : null}
      {step.kind === 'password' ? (
        <>
          <ProblemAlert error={error} />
          {error?.code === 'IDENTITY.EMAIL_NOT_VERIFIED' ? (
            <p><Button variant="secondary" small onClick={resendVerification}>{t('verify.resend')}</Button></p>
          ) : null}
          <form onSubmit={submitPassword}>
            <TenantField value={tenant} onChange={setTenant} />
            <TextField label={t('field.email')} name="email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} required autoComplete="username" />
            <TextField label={t('field.password')} name="password" type="password" required autoComplete="current-password" />
            <div className="row">
              <Button type="submit" busy={busy}>{t('signIn.submit')}</Button>
              <Link to={`/reset-password${tenantQuery}`}>{t('signIn.forgot')}</Link>
            </div>
          </form>
          {options?.sso ? (
            <p className="row">
              <a className="btn secondary" href={ssoHref} onClick={() => rememberTenant(tenant)}>{t('sso.button', { name: options.name })}</a>
            </p>
          ) : null}
          {options?.selfRegistration ? <p>{t('signIn.noAccount')} <Link to={`/sign-up${tenantQuery}`}>{t('signIn.signUp')}</Link></p> : null}
        </>
      ) : step.kind === 'mfa' ? (
        <MfaCodeStep challenge={step.challenge} onSignedIn={(tokens) => finish(step.tenant, tokens)} />
      ) : (
        <MfaSetupStep challenge={step.challenge} onSignedIn={(tokens) => finish(step.tenant, tokens)} />
      )}
    </div>
  );
}
