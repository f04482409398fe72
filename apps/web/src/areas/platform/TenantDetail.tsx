import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { saveBlob } from '../../api/download';
import { useAction } from '../../api/use-action';
import { useResource } from '../../api/use-resource';
import { useSession } from '../../auth/use-session';
import { Button, Card, ConfirmButton, PageHeader, ProblemAlert, ResourceView, toast } from '../../ui';
import { RoleList } from '../admin/RoleChecks';
import { StatusBadge } from '../admin/StatusBadge';
import '../auth/components/identity.css';
import type { PlatformTenant } from './types';

/** One tenant: its settings at a glance, suspension and reactivation, and an export of everything it owns. */
export default function TenantDetail() {
  const { t } = useTranslation('platform');
  const { tenantId = '' } = useParams();
  const tenant = useResource(() => unwrap(api.GET('/api/v1/platform/tenants/{id}', { params: { path: { id: tenantId } } })), [tenantId]);
  const title = tenant.state.status === 'ready' ? tenant.state.data.name : t('tenant.title');
  return (
    <>
      <PageHeader title={title} actions={<Link to="/platform/tenants">{t('tenant.back')}</Link>} />
      <ResourceView resource={tenant}>
        {(data) => <TenantPanels tenant={data} onChange={(next) => tenant.update(() => next)} />}
      </ResourceView>
    </>
  );
}

function TenantPanels({ tenant, onChange }: { tenant: PlatformTenant; onChange: (next: PlatformTenant) => void }) {
  const { t, i18n } = useTranslation('platform');
  const session = useSession();
  const lifecycle = useAction();
  const exporting = useAction();
  const own = session?.tenantId === tenant.id;

  const setSuspended = (suspend: boolean) => lifecycle.run(async () => {
    const path = suspend ? '/api/v1/platform/tenants/{id}/suspend' : '/api/v1/platform/tenants/{id}/reactivate';
    const next = await unwrap(api.POST(path, { params: { path: { id: tenant.id } } }));
    toast(t(suspend ? 'tenant.suspended' : 'tenant.reactivated', { name: tenant.name }));
    onChange(next);
  });
  const exportData = () => exporting.run(async () => {
    const blob = await unwrap(api.GET('/api/v1/platform/tenants/{id}/export', { params: { path: { id: tenant.id } }, parseAs: 'blob' }));
    saveBlob(blob as Blob, `tenant-${tenant.slug}.json`);
  });

  return (
    <div className="stack">
      <Card title={t('tenant.about')}>
        <dl className="key-value">
          <dt>{t('tenants.slug')}</dt><dd><code>{tenant.slug}</code></dd>
          <dt>{t('tenants.status')}</dt><dd><StatusBadge status={tenant.status} /></dd>
          <dt>{t('tenants.tier')}</dt><dd>{t(`tier.${tenant.tier}`)}</dd>
          <dt>{t('tenants.createdAt')}</dt><dd>{new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(tenant.createdAt))}</dd>
          <dt>{t('tenant.signUp')}</dt><dd>{tenant.settings.selfRegistration ? t('tenant.yes') : t('tenant.no')}</dd>
          <dt>{t('tenant.mfaRoles')}</dt><dd>{tenant.settings.mfaRequiredRoles.length > 0 ? <RoleList roles={tenant.settings.mfaRequiredRoles} /> : t('tenant.none')}</dd>
        </dl>
      </Card>
      <Card title={t('tenant.lifecycle')}>
        <ProblemAlert error={lifecycle.error} />
        {own ? <p>{t('tenant.ownTenant')}</p> : tenant.status === 'suspended' ? (
          <>
            <p>{t('tenant.suspendedText')}</p>
            <Button busy={lifecycle.busy} onClick={() => setSuspended(false)}>{t('tenant.reactivate')}</Button>
          </>
        ) : tenant.status === 'active' ? (
          <>
            <p>{t('tenant.suspendText')}</p>
            <ConfirmButton label={t('tenant.suspend')} title={t('tenant.suspendTitle', { name: tenant.name })} confirmLabel={t('tenant.suspend')}
              busy={lifecycle.busy} onConfirm={() => setSuspended(true)}>
              {t('tenant.suspendConfirm')}
            </ConfirmButton>
          </>
        ) : <p>{t('tenant.notActive')}</p>}
      </Card>
      <Card title={t('tenant.exportTitle')}>
        <p>{t('tenant.exportText')}</p>
        <ProblemAlert error={exporting.error} />
        <Button variant="secondary" busy={exporting.busy} onClick={exportData}>{t('tenant.export')}</Button>
      </Card>
    </div>
  );
}
