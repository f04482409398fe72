import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { Alert, Button, ProblemAlert, TextField } from '../../ui';
import { useEmailRequest } from './components/use-email-request';
import { lastTenant } from './tenant-memory';
import { TenantField } from './TenantField';

/** Asks for a new email confirmation link (the answer never says whether the address has an account). */
export function ResendVerification() {
  const { t } = useTranslation('auth');
  const [tenant, setTenant] = useState(lastTenant());
  const { sent, busy, error, submit } = useEmailRequest(async (email) => {
    const answer = await unwrap(api.POST('/api/v1/auth/verify-email/resend', { body: { tenant, email } }));
    return answer.detail;
  });
  return (
    <section>
      <h2>{t('verify.resendTitle')}</h2>
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      <ProblemAlert error={error} />
      <form onSubmit={submit}>
        <TenantField value={tenant} onChange={setTenant} />
        <TextField label={t('field.email')} name="email" type="email" required autoComplete="email" />
        <Button type="submit" busy={busy}>{t('verify.resend')}</Button>
      </form>
    </section>
  );
}
