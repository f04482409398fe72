import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button, Card, ConfirmButton, PageHeader, ProblemAlert, ResourceView, TextField, toast } from '../../ui';
import { api } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useResource } from '../../api/use-resource';
import { withEtag } from '../../api/versioned';
import '../auth/components/identity.css';
import { RoleChecks } from './RoleChecks';
import { StatusBadge } from './StatusBadge';
import { TENANT_ROLES, type TenantRole, type User } from './types';
import { ResendInvitation } from './ResendInvitation';

type Loaded = { data: User; etag: string };

/** One user: their name and roles (changed with If-Match), deactivation and the invitation. */
export default function UserDetail() {
  const { t } = useTranslation('admin');
  const { userId = '' } = useParams();
  const user = useResource(() => withEtag(api.GET('/api/v1/users/{id}', { params: { path: { id: userId } } })), [userId]);
  const title = user.state.status === 'ready' ? user.state.data.data.name : t('user.title');
  return (
    <>
      <PageHeader title={title} actions={<Link to="/admin/users">{t('user.back')}</Link>} />
      <ResourceView resource={user}>
        {(loaded) => <UserPanels key={loaded.etag} loaded={loaded} onChange={(next) => user.update(() => next)} onStale={user.reload} />}
      </ResourceView>
    </>
  );
}

function UserPanels({ loaded, onChange, onStale }: { loaded: Loaded; onChange: (next: Loaded) => void; onStale: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const { data: user } = loaded;
  return (
    <div className="stack">
      <Card title={t('user.about')}>
        <dl className="key-value">
          <dt>{t('users.email')}</dt>
          <dd>{user.email} {user.emailVerified ? null : <span className="muted">({t('user.unverified')})</span>}</dd>
          <dt>{t('users.status')}</dt>
          <dd><StatusBadge status={user.status} /></dd>
          <dt>{t('users.mfa')}</dt>
          <dd>{user.mfaEnabled ? t('users.mfaOn') : t('users.mfaOff')}</dd>
          <dt>{t('user.created')}</dt>
          <dd>{new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(user.createdAt))}</dd>
        </dl>
      </Card>
      <EditUser loaded={loaded} onChange={onChange} onStale={onStale} />
      <UserStatusCard user={user} onChange={onChange} />
    </div>
  );
}

function EditUser({ loaded, onChange, onStale }: { loaded: Loaded; onChange: (next: Loaded) => void; onStale: () => void }) {
  const { t } = useTranslation('admin');
  const [name, setName] = useState(loaded.data.name);
  const [roles, setRoles] = useState<TenantRole[]>(loaded.data.roles.filter((role): role is TenantRole => (TENANT_ROLES as string[]).includes(role)));
  const { busy, error, run } = useAction();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const next = await withEtag(api.PATCH('/api/v1/users/{id}', {
        params: { path: { id: loaded.data.id } },
        headers: { 'if-match': loaded.etag },
        body: { name: name.trim(), roles },
      }));
      toast(t('user.saved'));
      onChange(next);
    });
  };
  return (
    <Card title={t('user.rolesTitle')}>
      <form onSubmit={save}>
        <ProblemAlert error={error} onRetry={error?.status === 412 ? onStale : undefined} />
        <TextField label={t('users.name')} value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} />
        <RoleChecks legend={t('users.roles')} value={roles} onChange={setRoles} hint={t('user.rolesHint')} />
        <Button type="submit" busy={busy} disabled={roles.length === 0}>{t('user.save')}</Button>
      </form>
    </Card>
  );
}

function UserStatusCard({ user, onChange }: { user: User; onChange: (next: Loaded) => void }) {
  const { t } = useTranslation('admin');
  const { busy, error, run } = useAction();
  const change = (action: 'deactivate' | 'reactivate') => run(async () => {
    const path = action === 'deactivate' ? '/api/v1/users/{id}/deactivate' : '/api/v1/users/{id}/reactivate';
    const next = await withEtag(api.POST(path, { params: { path: { id: user.id } } }));
    toast(t(action === 'deactivate' ? 'user.deactivated' : 'user.reactivated', { name: user.name }));
    onChange(next);
  });
  return (
    <Card title={t('user.accessTitle')}>
      <ProblemAlert error={error} />
      {user.status === 'deactivated' ? (
        <>
          <p>{t('user.deactivatedText')}</p>
          <Button busy={busy} onClick={() => change('reactivate')}>{t('user.reactivate')}</Button>
        </>
      ) : (
        <div className="stack">
          {user.status === 'invited' ? (
            <div>
              <p>{t('user.invitedText')}</p>
              <ResendInvitation user={user} />
            </div>
          ) : null}
          <p>{t('user.deactivateText')}</p>
          <div>
            <ConfirmButton label={t('user.deactivate')} title={t('user.deactivateTitle', { name: user.name })} confirmLabel={t('user.deactivate')}
              busy={busy} onConfirm={() => change('deactivate')}>
              {t('user.deactivateConfirm')}
            </ConfirmButton>
          </div>
        </div>
      )}
    </Card>
  );
}
