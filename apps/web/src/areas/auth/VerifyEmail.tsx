import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { Alert, Loading, PageHeader, ProblemAlert } from '../../ui';
import { once } from './once';
import { ResendVerification } from './ResendVerification';

/** Where the emailed confirmation link lands (`/verify-email?token=…`): confirms the address at once. */
export default function VerifyEmail() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const result = useResource(
    () => (token ? once(`verify:${token}`, () => unwrap(api.POST('/api/v1/auth/verify-email', { body: { token } }))) : Promise.resolve(null)),
    [token],
  );
  const { state } = result;
  return (
    <div className="narrow card">
      <PageHeader title={t('verify.title')} />
      {state.status === 'loading' ? <Loading label={t('verify.checking')} /> : null}
      {state.status === 'ready' && state.data ? (
        <>
          <Alert tone="success">{t('verify.done')}</Alert>
          <p><Link to="/sign-in">{t('verify.signIn')}</Link></p>
        </>
      ) : null}
      {state.status === 'error' ? <ProblemAlert error={state.error} /> : null}
      {state.status === 'error' || (state.status === 'ready' && !state.data) ? (
        <>
          {!token ? <p>{t('verify.noToken')}</p> : null}
          <ResendVerification />
        </>
      ) : null}
    </div>
  );
}
