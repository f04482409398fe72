import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { namesField } from '../../../api/field-errors';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { Button, ConfirmButton, ProblemAlert, ResourceView, TextField, toast } from '../../../ui';
import { fetchPhone, removePhone, setPhone, verifyPhone, type PhoneNumber } from './phone-api';

/** The user's number for text messages: set it, confirm it with the texted code, change or remove it. */
export function PhoneSection() {
  const { t } = useTranslation('notifications');
  const phone = useResource(fetchPhone, []);
  return (
    <section className="card" aria-labelledby="phone-title" data-testid="phone-section">
      <h2 id="phone-title" style={{ marginTop: 0 }}>{t('phone.title')}</h2>
      <p className="muted">{t('phone.intro')}</p>
      <ResourceView resource={phone}>
        {(stored) => <PhoneSteps key={stored ? `${stored.phone}:${stored.verified}` : 'none'} stored={stored} onChange={(next) => phone.update(() => next)} />}
      </ResourceView>
    </section>
  );
}

function PhoneSteps({ stored, onChange }: { stored: PhoneNumber | null; onChange: (next: PhoneNumber | null) => void }) {
  const { t } = useTranslation('notifications');
  const [editing, setEditing] = useState(stored === null);
  const action = useAction();
  const remove = () => action.run('remove', async () => {
    await removePhone();
    toast(t('phone.removed'));
    onChange(null);
  });
  if (editing || !stored) return <NumberForm initial={stored?.phone ?? ''} onCancel={stored ? () => setEditing(false) : undefined} onSet={onChange} />;
  return (
    <div className="stack">
      <ProblemAlert error={action.error} />
      <p style={{ margin: 0 }} data-testid="phone-state">
        {stored.verified ? t('phone.verified', { phone: stored.phone }) : t('phone.unverified', { phone: stored.phone })}
      </p>
      {stored.verified ? null : <CodeForm phone={stored.phone} onVerified={onChange} />}
      <div className="row">
        <Button variant="secondary" small onClick={() => setEditing(true)}>{t('phone.change')}</Button>
        <ConfirmButton label={t('phone.remove')} title={t('phone.removeTitle')} confirmLabel={t('phone.remove')} small busy={action.running === 'remove'} onConfirm={remove}>
          {t('phone.removeConfirm', { phone: stored.phone })}
        </ConfirmButton>
      </div>
    </div>
  );
}

/** The number in E.164; saving it texts a code (or the API says why it cannot: no SMS on this platform, too many codes). */
function NumberForm({ initial, onCancel, onSet }: { initial: string; onCancel: (() => void) | undefined; onSet: (next: PhoneNumber) => void }) {
  const { t } = useTranslation('notifications');
  const [phone, setValue] = useState(initial);
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      const next = await setPhone(phone.replace(/[\s().-]/g, ''));
      toast(t('phone.codeSent', { phone: next.phone }));
      onSet(next);
    });
  };
  const invalid = namesField(error, 'phone');
  return (
    <form onSubmit={submit} noValidate>
      {invalid ? null : <ProblemAlert error={error} />}
      <TextField label={t('phone.number')} hint={t('phone.numberHint')} error={invalid ? t('phone.numberInvalid') : undefined}
        type="tel" autoComplete="tel" value={phone} onChange={(event) => setValue(event.target.value)} required maxLength={20} />
      <div className="row">
        <Button type="submit" busy={busy}>{t('phone.sendCode')}</Button>
        {onCancel ? <Button variant="secondary" onClick={onCancel}>{t('phone.cancel')}</Button> : null}
      </div>
    </form>
  );
}

function CodeForm({ phone, onVerified }: { phone: string; onVerified: (next: PhoneNumber) => void }) {
  const { t } = useTranslation('notifications');
  const [code, setCode] = useState('');
  const verify = useAction();
  const resend = useAction();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void verify.run(async () => {
      const next = await verifyPhone(code.trim());
      toast(t('phone.confirmed'));
      onVerified(next);
    });
  };
  const sendAgain = () => resend.run(async () => {
    await setPhone(phone);
    toast(t('phone.codeSent', { phone }));
  });
  const invalid = namesField(verify.error, 'code');
  return (
    <form onSubmit={submit} noValidate>
      {invalid ? null : <ProblemAlert error={verify.error ?? resend.error} />}
      <TextField label={t('phone.code')} hint={t('phone.codeHint')} error={invalid ? t('phone.codeInvalid') : undefined}
        inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(event) => setCode(event.target.value)} required maxLength={6} />
      <div className="row">
        <Button type="submit" busy={verify.busy}>{t('phone.confirm')}</Button>
        <Button variant="secondary" busy={resend.busy} onClick={() => void sendAgain()}>{t('phone.resend')}</Button>
      </div>
    </form>
  );
}
