import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, CheckboxField, PageHeader, ProblemAlert, ResourceView, toast } from '../../ui';
import { api } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useResource } from '../../api/use-resource';
import { withEtag } from '../../api/versioned';
import '../auth/components/identity.css';
import { RoleChecks } from './RoleChecks';
import { SsoConnectionCard } from './SsoConnectionCard';
import { fullSettings } from './tenant-settings';
import type { Tenant, TenantRole } from './types';

/** Who may sign up, which roles must use an authenticator app, and single sign-on. */
export default function SecuritySettings() {
  const { t } = useTranslation('admin');
  const tenant = useResource(() => withEtag(api.GET('/api/v1/tenant')), []);
  return (
    <>
      <PageHeader title={t('security.title')} description={t('security.description')} />
      <div className="stack">
        <ResourceView resource={tenant}>
          {(loaded) => <SignInPolicy key={loaded.etag} tenant={loaded.data} etag={loaded.etag} onSaved={(next) => tenant.update(() => next)} onStale={tenant.reload} />}
        </ResourceView>
        <SsoConnectionCard />
      </div>
    </>
  );
}

function SignInPolicy({ tenant, etag, onSaved, onStale }: { tenant: Tenant; etag: string; onSaved: (next: { data: Tenant; etag: string }) => void; onStale: () => void }) {
  const { t } = useTranslation('admin');
  const [selfRegistration, setSelfRegistration] = useState(tenant.settings.selfRegistration);
  const [mfaRoles, setMfaRoles] = useState<TenantRole[]>(tenant.settings.mfaRequiredRoles);
  const { busy, error, run } = useAction();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const next = await withEtag(api.PATCH('/api/v1/tenant', { headers: { 'if-match': etag }, body: { settings: fullSettings(tenant, { selfRegistration, mfaRequiredRoles: mfaRoles }) } }));
      toast(t('security.saved'));
      onSaved(next);
    });
  };
  return (
    <Card title={t('security.policyTitle')}>
      <form onSubmit={save}>
        <ProblemAlert error={error} onRetry={error?.status === 412 ? onStale : undefined} />
        <h3>{t('security.signUpTitle')}</h3>
        <CheckboxField label={t('security.selfRegistration')} checked={selfRegistration} onChange={() => setSelfRegistration((on) => !on)} />
        <p className="muted">{t('security.selfRegistrationHint')}</p>
        <h3>{t('security.mfaTitle')}</h3>
        <RoleChecks legend={t('security.mfaRoles')} value={mfaRoles} onChange={setMfaRoles} hint={t('security.mfaHint')} />
        <Button type="submit" busy={busy}>{t('security.save')}</Button>
      </form>
    </Card>
  );
}
