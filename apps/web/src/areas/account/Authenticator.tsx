import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, ProblemAlert, TextField, toast } from '../../ui';
import { api, unwrap } from '../../api/client';
import { useAction } from '../../api/use-action';
import { AuthenticatorSecret, type TotpEnrolment } from '../auth/components/AuthenticatorSecret';
import { RecoveryCodeList } from '../auth/components/RecoveryCodeList';

type View = { kind: 'idle' } | { kind: 'enrolling'; enrolment: TotpEnrolment } | { kind: 'codes'; codes: string[] };

/** Sets up, replaces the recovery codes of, or removes the authenticator app (TOTP). */
export function Authenticator({ enabled, onChange }: { enabled: boolean; onChange: () => void }) {
  const { t } = useTranslation('account');
  const [view, setView] = useState<View>({ kind: 'idle' });
  const { busy, error, run } = useAction();

  const start = () => run(async () => {
    setView({ kind: 'enrolling', enrolment: await unwrap(api.POST('/api/v1/me/mfa/totp')) });
  });

  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = codeOf(event.currentTarget);
    return run(async () => {
      const { recoveryCodes } = await unwrap(api.POST('/api/v1/me/mfa/totp/confirm', { body: { code } }));
      setView({ kind: 'codes', codes: recoveryCodes });
      toast(t('mfa.enabled'));
    });
  };

  if (view.kind === 'codes') {
    return (
      <div className="stack">
        <h3>{t('mfa.codesTitle')}</h3>
        <RecoveryCodeList codes={view.codes} />
        <div><Button onClick={() => { setView({ kind: 'idle' }); onChange(); }}>{t('mfa.done')}</Button></div>
      </div>
    );
  }
  if (view.kind === 'enrolling') {
    return (
      <form onSubmit={confirm} className="stack">
        <h3>{t('mfa.setupTitle')}</h3>
        <AuthenticatorSecret enrolment={view.enrolment} />
        <ProblemAlert error={error} />
        <TextField label={t('mfa.code')} name="code" required autoComplete="one-time-code" inputMode="numeric" pattern="[0-9]{6}" hint={t('mfa.codeHint')} />
        <div className="row">
          <Button type="submit" busy={busy}>{t('mfa.confirm')}</Button>
          <Button variant="secondary" onClick={() => setView({ kind: 'idle' })}>{t('mfa.cancel')}</Button>
        </div>
      </form>
    );
  }
  if (!enabled) {
    return (
      <div className="stack">
        <p><Badge>{t('mfa.off')}</Badge> {t('mfa.offText')}</p>
        <ProblemAlert error={error} />
        <div><Button busy={busy} onClick={start}>{t('mfa.setUp')}</Button></div>
      </div>
    );
  }
  return <EnabledAuthenticator onCodes={(codes) => setView({ kind: 'codes', codes })} onRemoved={onChange} />;
}

function EnabledAuthenticator({ onCodes, onRemoved }: { onCodes: (codes: string[]) => void; onRemoved: () => void }) {
  const { t } = useTranslation('account');
  const replace = useAction();
  const remove = useAction();

  const replaceCodes = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = codeOf(event.currentTarget);
    return replace.run(async () => onCodes((await unwrap(api.POST('/api/v1/me/mfa/recovery-codes', { body: { code } }))).recoveryCodes));
  };
  const removeFactor = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password'));
    return remove.run(async () => {
      await unwrap(api.DELETE('/api/v1/me/mfa', { body: { password } }));
      toast(t('mfa.removed'));
      onRemoved();
    });
  };

  return (
    <div className="stack">
      <p><Badge tone="success">{t('mfa.on')}</Badge> {t('mfa.onText')}</p>
      <form onSubmit={replaceCodes}>
        <h3>{t('mfa.replaceTitle')}</h3>
        <p className="muted">{t('mfa.replaceText')}</p>
        <ProblemAlert error={replace.error} />
        <TextField label={t('mfa.code')} name="code" required autoComplete="one-time-code" inputMode="numeric" pattern="[0-9]{6}" />
        <Button type="submit" variant="secondary" busy={replace.busy}>{t('mfa.replace')}</Button>
      </form>
      <form onSubmit={removeFactor}>
        <h3>{t('mfa.removeTitle')}</h3>
        <p className="muted">{t('mfa.removeText')}</p>
        <ProblemAlert error={remove.error} />
        <TextField label={t('mfa.password')} name="password" type="password" required autoComplete="current-password" />
        <Button type="submit" variant="danger" busy={remove.busy}>{t('mfa.remove')}</Button>
      </form>
    </div>
  );
}

function codeOf(form: HTMLFormElement): string {
  return String(new FormData(form).get('code')).replace(/\s/g, '');
}
