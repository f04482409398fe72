import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useResource } from '../../api/use-resource';
import { Button, Card, DataTable, EmptyState, PageHeader, Pager, ProblemAlert, ResourceView, SelectField, TextField, toast, useCursorPaging } from '../../ui';
import '../auth/components/identity.css';
import { StatusBadge } from '../admin/StatusBadge';
import type { PlatformTenant } from './types';

const SLUG_PATTERN = '[a-z0-9](?:[a-z0-9\\-]{0,46}[a-z0-9])?';

/** Every tenant of the platform, by slug, and a form to create one (optionally inviting its first admin). */
export default function Tenants() {
  const { t } = useTranslation('platform');
  const paging = useCursorPaging();
  const tenants = useResource(() => unwrap(api.GET('/api/v1/platform/tenants', { params: { query: { limit: 20, ...(paging.cursor ? { cursor: paging.cursor } : {}) } } })), [paging.cursor]);
  return (
    <>
      <PageHeader title={t('tenants.title')} description={t('tenants.description')} />
      <div className="stack">
        <CreateTenant onCreated={() => { paging.reset(); tenants.reload(); }} />
        <section>
          <h2>{t('tenants.listTitle')}</h2>
          <ResourceView resource={tenants}>
            {(page) => (
              <>
                {page.items.length === 0 ? <EmptyState>{t('tenants.none')}</EmptyState> : <TenantTable tenants={page.items} />}
                <Pager paging={paging} nextCursor={page.nextCursor} label={t('tenants.pages')} />
              </>
            )}
          </ResourceView>
        </section>
      </div>
    </>
  );
}

function CreateTenant({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation('platform');
  const [tier, setTier] = useState<'standard' | 'enterprise'>('standard');
  const { busy, error, run } = useAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const adminEmail = String(data.get('adminEmail')).trim();
    const adminName = String(data.get('adminName')).trim();
    const created = await run(async () => {
      const tenant = await unwrap(api.POST('/api/v1/platform/tenants', {
        body: {
          slug: String(data.get('slug')).trim(),
          name: String(data.get('name')).trim(),
          tier,
          ...(adminEmail ? { admin: { email: adminEmail, name: adminName || adminEmail } } : {}),
        },
      }));
      toast(t('tenants.created', { name: tenant.name }));
    });
    if (created) {
      form.reset();
      onCreated();
    }
  };
  return (
    <Card title={t('tenants.createTitle')}>
      <form onSubmit={submit}>
        <ProblemAlert error={error} />
        <TextField label={t('tenants.slug')} name="slug" required maxLength={48} pattern={SLUG_PATTERN} autoComplete="off" hint={t('tenants.slugHint')} />
        <TextField label={t('tenants.name')} name="name" required maxLength={120} autoComplete="off" />
        <SelectField label={t('tenants.tier')} value={tier} onChange={(event) => setTier(event.target.value as 'standard' | 'enterprise')} hint={t('tenants.tierHint')}
          options={[{ value: 'standard', label: t('tier.standard') }, { value: 'enterprise', label: t('tier.enterprise') }]} />
        <fieldset className="checks">
          <legend>{t('tenants.firstAdmin')}</legend>
          <p className="hint" style={{ margin: 0 }}>{t('tenants.firstAdminHint')}</p>
          <TextField label={t('tenants.adminEmail')} name="adminEmail" type="email" maxLength={254} autoComplete="off" />
          <TextField label={t('tenants.adminName')} name="adminName" maxLength={120} autoComplete="off" />
        </fieldset>
        <Button type="submit" busy={busy}>{t('tenants.create')}</Button>
      </form>
    </Card>
  );
}

function TenantTable({ tenants }: { tenants: PlatformTenant[] }) {
  const { t, i18n } = useTranslation('platform');
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <DataTable caption={t('tenants.listTitle')} columns={[t('tenants.slug'), t('tenants.name'), t('tenants.tier'), t('tenants.status'), t('tenants.createdAt')]}>
      {tenants.map((tenant) => (
        <tr key={tenant.id}>
          <td><Link to={`/platform/tenants/${tenant.id}`}>{tenant.slug}</Link></td>
          <td>{tenant.name}</td>
          <td>{t(`tier.${tenant.tier}`)}</td>
          <td><StatusBadge status={tenant.status} /></td>
          <td>{date.format(new Date(tenant.createdAt))}</td>
        </tr>
      ))}
    </DataTable>
  );
}
