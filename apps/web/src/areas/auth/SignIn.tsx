import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { asApiError, type ApiError } from '../../api/problem';
import { homeFor } from '../../app/nav';
import { useBranding } from '../../app/branding';
import { startSession } from '../../auth/session';
import { Button, PageHeader, ProblemAlert, TextField } from '../../ui';
import { lastTenant, rememberTenant } from './tenant-memory';

type Step = { kind: 'password' } | { kind: 'mfa'; challenge: string; tenant: string } | { kind: 'mfa_setup'; challenge: string; tenant: string };

/** Sign in with email and password, then the authenticator step when the account or tenant needs it. */
export default function SignIn() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [tenant, setTenant] = useState(params.get('tenant') ?? lastTenant());
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const branding = useBranding(tenant || undefined);

  const finish = (signedInTenant: string, tokens: Parameters<typeof startSession>[1]) => {
    rememberTenant(signedInTenant);
    const session = startSession(signedInTenant, tokens);
    const next = params.get('next');
    navigate(next?.startsWith('/') && !next.startsWith('//') ? next : homeFor(session.roles), { replace: true });
  };

  const submitPassword = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await attempt(async () => {
      const result = await unwrap(api.POST('/api/v1/auth/sign-in', { body: { tenant, email: String(form.get('email')), password: String(form.get('password')) } }));
      if (result.status === 'signed_in') finish(tenant, result.tokens);
      else setStep({ kind: result.status === 'mfa_required' ? 'mfa' : 'mfa_setup', challenge: result.challenge, tenant });
    });
  };

  const submitCode = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step.kind !== 'mfa') return;
    const code = String(new FormData(event.currentTarget).get('code')).replace(/\s/g, '');
    await attempt(async () => {
      const body = /^\d{6}$/.test(code) ? { challenge: step.challenge, code } : { challenge: step.challenge, recoveryCode: code };
      const result = await unwrap(api.POST('/api/v1/auth/mfa/verify', { body }));
      finish(step.tenant, result.tokens);
    });
  };

  async function attempt(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow card">
      <PageHeader title={branding ? t('signIn.titleAt', { name: branding.name }) : t('signIn.title')} />
      <ProblemAlert error={error} />
      {step.kind === 'password' ? (
        <form onSubmit={submitPassword} noValidate={false}>
          <TextField label={t('field.tenant')} name="tenant" value={tenant} onChange={(event) => setTenant(event.target.value.trim().toLowerCase())} required autoComplete="organization" hint={t('field.tenantHint')} />
          <TextField label={t('field.email')} name="email" type="email" required autoComplete="username" />
          <TextField label={t('field.password')} name="password" type="password" required autoComplete="current-password" />
          <div className="row">
            <Button type="submit" busy={busy}>{t('signIn.submit')}</Button>
            <Link to={`/reset-password?tenant=${encodeURIComponent(tenant)}`}>{t('signIn.forgot')}</Link>
          </div>
        </form>
      ) : step.kind === 'mfa' ? (
        <form onSubmit={submitCode}>
          <p>{t('mfa.prompt')}</p>
          <TextField label={t('mfa.code')} name="code" required autoComplete="one-time-code" inputMode="numeric" hint={t('mfa.codeHint')} autoFocus />
          <Button type="submit" busy={busy}>{t('mfa.verify')}</Button>
        </form>
      ) : (
        <MfaSetupNotice />
      )}
    </div>
  );
}

function MfaSetupNotice() {
  const { t } = useTranslation('auth');
  return <p>{t('mfa.setupRequired')}</p>;
}
