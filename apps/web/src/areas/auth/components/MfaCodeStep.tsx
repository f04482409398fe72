import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import type { Tokens } from '../../../auth/session';
import { Button, ProblemAlert, TextField } from '../../../ui';

/** The second step of a sign-in: a code from the authenticator app, or one of the recovery codes. */
export function MfaCodeStep({ challenge, onSignedIn }: { challenge: string; onSignedIn: (tokens: Tokens) => void }) {
  const { t } = useTranslation('auth');
  const { busy, error, run } = useAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code')).replace(/\s/g, '');
    await run(async () => {
      const body = /^\d{6}$/.test(code) ? { challenge, code } : { challenge, recoveryCode: code };
      onSignedIn((await unwrap(api.POST('/api/v1/auth/mfa/verify', { body }))).tokens);
    });
  };
  return (
    <form onSubmit={submit}>
      <ProblemAlert error={error} />
      <p>{t('mfa.prompt')}</p>
      <TextField label={t('mfa.code')} name="code" required autoComplete="one-time-code" hint={t('mfa.codeHint')} autoFocus />
      <Button type="submit" busy={busy}>{t('mfa.verify')}</Button>
    </form>
  );
}
