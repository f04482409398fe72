import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useAction } from '../../api/use-action';
import { Button, Card, PageHeader, ProblemAlert, TextField, toast } from '../../ui';
import '../auth/components/identity.css';
import { RoleChecks } from './RoleChecks';
import type { TenantRole } from './types';

/** Invite one person by email with their roles; they get a link valid seven days. */
export default function InviteUser() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const [roles, setRoles] = useState<TenantRole[]>(['student']);
  const [noRole, setNoRole] = useState(false);
  const { busy, error, run } = useAction();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNoRole(roles.length === 0);
    if (roles.length === 0) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email')).trim();
    await run(async () => {
      await unwrap(api.POST('/api/v1/users/invitations', { body: { email, name: String(form.get('name')).trim(), roles } }));
      toast(t('invite.sent', { email }));
      navigate('/admin/users');
    });
  };

  return (
    <>
      <PageHeader title={t('invite.title')} description={t('invite.description')} />
      <Card>
        <form onSubmit={submit}>
          <ProblemAlert error={error} />
          <TextField label={t('invite.email')} name="email" type="email" required maxLength={254} autoComplete="off" />
          <TextField label={t('invite.name')} name="name" required maxLength={120} autoComplete="off" />
          <RoleChecks legend={t('invite.roles')} value={roles} onChange={setRoles} />
          {noRole ? <p className="error" role="alert">{t('invite.pickRole')}</p> : null}
          <div className="row">
            <Button type="submit" busy={busy}>{t('invite.submit')}</Button>
            <Link to="/admin/users">{t('invite.back')}</Link>
          </div>
        </form>
      </Card>
    </>
  );
}
