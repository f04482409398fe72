import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useResource } from '../../api/use-resource';
import { Alert, Button, Card, CheckboxField, ConfirmButton, CopyButton, ProblemAlert, ResourceView, TextField, toast } from '../../ui';
import { RoleChecks } from './RoleChecks';
import type { SsoConnection, TenantRole } from './types';

const DEFAULT_SCOPES = 'openid email profile';

/** The tenant's OpenID Connect connection; its client secret is write-only (sent, never shown again). */
export function SsoConnectionCard() {
  const { t } = useTranslation('admin');
  const connection = useResource(async (): Promise<SsoConnection | null> => {
    const call = api.GET('/api/v1/tenant/sso');
    // No connection yet is a 404 with its own code: an empty form, not an error.
    const { response } = await call;
    if (response.status === 404) return null;
    return unwrap(call);
  }, []);
  return (
    <Card title={t('sso.title')}>
      <p className="muted">{t('sso.description')}</p>
      <ResourceView resource={connection}>
        {(current) => <SsoForm key={current?.version ?? 0} current={current} onSaved={(next) => connection.update(() => next)} />}
      </ResourceView>
    </Card>
  );
}

function SsoForm({ current, onSaved }: { current: SsoConnection | null; onSaved: (next: SsoConnection | null) => void }) {
  const { t } = useTranslation('admin');
  const [defaultRoles, setDefaultRoles] = useState<TenantRole[]>(current?.defaultRoles ?? ['student']);
  const [enabled, setEnabled] = useState(current?.enabled ?? true);
  const { busy, error, run } = useAction();

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const scopes = String(form.get('scopes')).split(/\s+/).filter(Boolean);
    await run(async () => {
      const saved = await unwrap(api.PUT('/api/v1/tenant/sso', {
        body: {
          issuer: String(form.get('issuer')).trim(),
          clientId: String(form.get('clientId')).trim(),
          clientSecret: String(form.get('clientSecret')),
          scopes: scopes.length > 0 ? scopes : DEFAULT_SCOPES.split(' '),
          defaultRoles: defaultRoles.length > 0 ? defaultRoles : ['student'],
          enabled,
        },
      }));
      toast(t('sso.saved'));
      onSaved(saved);
    });
  };
  const remove = () => run(async () => {
    await unwrap(api.DELETE('/api/v1/tenant/sso'));
    toast(t('sso.removed'));
    onSaved(null);
  });

  return (
    <form onSubmit={save}>
      <ProblemAlert error={error} />
      {current ? (
        <Alert tone="info">
          <p style={{ margin: 0 }}>{current.enabled ? t('sso.active') : t('sso.disabled')}</p>
          <p style={{ margin: 'var(--space-2) 0' }}>{t('sso.redirectUri')} <code>{current.redirectUri}</code></p>
          <CopyButton text={current.redirectUri} label={t('sso.copyRedirect')} />
        </Alert>
      ) : <p>{t('sso.none')}</p>}
      <TextField label={t('sso.issuer')} name="issuer" type="url" required defaultValue={current?.issuer ?? ''} placeholder="https://login.example.org" hint={t('sso.issuerHint')} />
      <TextField label={t('sso.clientId')} name="clientId" required defaultValue={current?.clientId ?? ''} autoComplete="off" />
      <TextField label={t('sso.clientSecret')} name="clientSecret" type="password" required autoComplete="new-password"
        hint={current ? t('sso.secretStored') : t('sso.secretHint')} />
      <TextField label={t('sso.scopes')} name="scopes" defaultValue={(current?.scopes ?? DEFAULT_SCOPES.split(' ')).join(' ')} hint={t('sso.scopesHint')} />
      <RoleChecks legend={t('sso.defaultRoles')} value={defaultRoles} onChange={setDefaultRoles} hint={t('sso.defaultRolesHint')} />
      <CheckboxField label={t('sso.enabled')} checked={enabled} onChange={() => setEnabled((on) => !on)} />
      <div className="row" style={{ marginTop: 'var(--space-3)' }}>
        <Button type="submit" busy={busy}>{current ? t('sso.update') : t('sso.create')}</Button>
        {current ? (
          <ConfirmButton label={t('sso.remove')} title={t('sso.removeTitle')} confirmLabel={t('sso.remove')} onConfirm={remove}>
            {t('sso.removeConfirm')}
          </ConfirmButton>
        ) : null}
      </div>
    </form>
  );
}
