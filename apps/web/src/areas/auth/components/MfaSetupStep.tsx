import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import type { Tokens } from '../../../auth/session';
import { Button, ProblemAlert, ResourceView, TextField } from '../../../ui';
import { once } from '../once';
import { AuthenticatorSecret } from './AuthenticatorSecret';
import { RecoveryCodeList } from './RecoveryCodeList';

/**
 * For `mfa_setup_required`: the institution requires an authenticator app for one of the user's roles.
 * Shows a new secret, confirms it with a first code (which also finishes signing in), then shows the
 * recovery codes once before going on.
 */
export function MfaSetupStep({ challenge, onSignedIn }: { challenge: string; onSignedIn: (tokens: Tokens) => void }) {
  const { t } = useTranslation('auth');
  const enrolment = useResource(() => once(`mfa-setup:${challenge}`, () => unwrap(api.POST('/api/v1/auth/mfa/setup', { body: { challenge } }))), [challenge]);
  const [done, setDone] = useState<{ tokens: Tokens; recoveryCodes: string[] } | null>(null);
  const { busy, error, run } = useAction();

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code')).replace(/\s/g, '');
    await run(async () => {
      const result = await unwrap(api.POST('/api/v1/auth/mfa/setup/confirm', { body: { challenge, code } }));
      setDone({ tokens: result.tokens, recoveryCodes: result.recoveryCodes });
    });
  };

  if (done) {
    return (
      <section className="stack">
        <h2>{t('recovery.title')}</h2>
        <RecoveryCodeList codes={done.recoveryCodes} />
        <div><Button onClick={() => onSignedIn(done.tokens)}>{t('recovery.continue')}</Button></div>
      </section>
    );
  }
  return (
    <section>
      <h2>{t('mfaSetup.title')}</h2>
      <p>{t('mfa.setupRequired')}</p>
      <ResourceView resource={enrolment}>
        {(data) => (
          <form onSubmit={confirm} className="stack">
            <AuthenticatorSecret enrolment={data} />
            <ProblemAlert error={error} />
            <TextField label={t('mfaSetup.code')} name="code" required autoComplete="one-time-code" inputMode="numeric" pattern="[0-9]{6}" hint={t('mfaSetup.codeHint')} />
            <div><Button type="submit" busy={busy}>{t('mfaSetup.confirm')}</Button></div>
          </form>
        )}
      </ResourceView>
    </section>
  );
}
