import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useResource } from '../../api/use-resource';
import type { Tokens } from '../../auth/session';
import { Loading, PageHeader, ProblemAlert } from '../../ui';
import { MfaCodeStep } from './components/MfaCodeStep';
import { MfaSetupStep } from './components/MfaSetupStep';
import { once } from './once';
import { useFinishSignIn } from './session-start';
import { lastTenant } from './tenant-memory';

/**
 * Where single sign-on comes back to (`/sso-complete?code=…&returnTo=…`, see identity's SSO callback):
 * collects the outcome with the one-time code, then finishes like a password sign-in, MFA steps included.
 * The institution's slug was remembered when the user pressed the SSO button.
 */
export default function SsoComplete() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const tenant = lastTenant();
  const finish = useFinishSignIn('returnTo');
  const outcome = useResource(() => once(`sso:${code}`, () => unwrap(api.POST('/api/v1/auth/sso/exchange', { body: { code } }))), [code]);
  const { state } = outcome;
  const signedIn = state.status === 'ready' && state.data.status === 'signed_in' ? state.data.tokens : null;

  useEffect(() => {
    if (signedIn) finish(tenant, signedIn);
    // `finish` navigates away; running it once per outcome is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signedIn]);

  const done = (tokens: Tokens) => finish(tenant, tokens);
  return (
    <div className="narrow card">
      <PageHeader title={t('sso.completeTitle')} />
      {state.status === 'loading' || signedIn ? <Loading label={t('sso.completing')} /> : null}
      {state.status === 'error' ? (
        <>
          <ProblemAlert error={state.error} />
          <p><Link to="/sign-in">{t('sso.again')}</Link></p>
        </>
      ) : null}
      {state.status === 'ready' && state.data.status === 'mfa_required' ? <MfaCodeStep challenge={state.data.challenge} onSignedIn={done} /> : null}
      {state.status === 'ready' && state.data.status === 'mfa_setup_required' ? <MfaSetupStep challenge={state.data.challenge} onSignedIn={done} /> : null}
    </div>
  );
}
