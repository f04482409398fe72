import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { Button, DataTable, EmptyState, PageHeader, Pager, ResourceView, SelectField, TextField, useCursorPaging } from '../../ui';
import '../auth/components/identity.css';
import { ResendInvitation } from './ResendInvitation';
import { RoleList } from './RoleChecks';
import { StatusBadge } from './StatusBadge';
import { TENANT_ROLES, USER_STATUSES, type TenantRole, type User, type UserStatus } from './types';

const PAGE_SIZE = 20;

/** The tenant's users: search, filter by role and status, page through; invite one or many. */
export default function Users() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const role = (params.get('role') ?? '') as TenantRole | '';
  const status = (params.get('status') ?? '') as UserStatus | '';
  const paging = useCursorPaging();

  const users = useResource(() => unwrap(api.GET('/api/v1/users', {
    params: { query: { limit: PAGE_SIZE, ...(paging.cursor ? { cursor: paging.cursor } : {}), ...(q ? { q } : {}), ...(role ? { role } : {}), ...(status ? { status } : {}) } },
  })), [paging.cursor, q, role, status]);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    paging.reset();
  };

  return (
    <>
      <PageHeader title={t('users.title')} description={t('users.description')} actions={(
        <>
          <Link className="btn" to="/admin/users/invite">{t('users.invite')}</Link>
          <Link className="btn secondary" to="/admin/users/import">{t('users.import')}</Link>
        </>
      )} />
      <Filters q={q} role={role} status={status} onChange={setFilter} />
      <ResourceView resource={users}>
        {(page) => (
          <>
            {page.items.length === 0 ? <EmptyState>{q || role || status ? t('users.noMatch') : t('users.none')}</EmptyState> : <UserTable users={page.items} />}
            <Pager paging={paging} nextCursor={page.nextCursor} label={t('users.pages')} />
          </>
        )}
      </ResourceView>
    </>
  );
}

function Filters({ q, role, status, onChange }: { q: string; role: string; status: string; onChange: (name: string, value: string) => void }) {
  const { t } = useTranslation('admin');
  const [search, setSearch] = useState(q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange('q', search.trim());
  };
  return (
    <form role="search" aria-label={t('users.filters')} className="filters card" onSubmit={submit} style={{ marginBottom: 'var(--space-4)' }}>
      <TextField label={t('users.search')} type="search" value={search} onChange={(event) => setSearch(event.target.value)} maxLength={100} />
      <SelectField label={t('users.role')} value={role} onChange={(event) => onChange('role', event.target.value)}
        options={[{ value: '', label: t('users.anyRole') }, ...TENANT_ROLES.map((value) => ({ value, label: t(`role.${value}`) }))]} />
      <SelectField label={t('users.status')} value={status} onChange={(event) => onChange('status', event.target.value)}
        options={[{ value: '', label: t('users.anyStatus') }, ...USER_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))]} />
      <div><Button type="submit">{t('users.searchButton')}</Button></div>
    </form>
  );
}

function UserTable({ users }: { users: User[] }) {
  const { t } = useTranslation('admin');
  return (
    <DataTable caption={t('users.caption')} columns={[t('users.name'), t('users.email'), t('users.roles'), t('users.status'), t('users.mfa'), <span className="sr-only">{t('users.actions')}</span>]}>
      {users.map((user) => (
        <tr key={user.id}>
          <td><Link to={`/admin/users/${user.id}`}>{user.name}</Link></td>
          <td>{user.email}</td>
          <td><RoleList roles={user.roles} /></td>
          <td><StatusBadge status={user.status} /></td>
          <td>{user.mfaEnabled ? t('users.mfaOn') : t('users.mfaOff')}</td>
          <td>{user.status === 'invited' ? <ResendInvitation user={user} /> : null}</td>
        </tr>
      ))}
    </DataTable>
  );
}
