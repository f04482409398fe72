import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useAction } from '../../api/use-action';
import { Alert, Button, Card, DataTable, PageHeader, ProblemAlert, TextField } from '../../ui';
import '../auth/components/identity.css';
import { RoleList } from './RoleChecks';
import type { BulkInviteResult } from './types';

/** The API's limit on a CSV of invitations. */
const MAX_BYTES = 200 * 1024;
const TEMPLATE = 'email,name,roles\nada@example.org,Ada Lovelace,student\ngrace@example.org,Grace Hopper,instructor;tutor\n';

/** Invite many people from a CSV file: valid rows are invited, the others are listed with their line and why. */
export default function ImportUsers() {
  const { t } = useTranslation('admin');
  const [result, setResult] = useState<BulkInviteResult | null>(null);
  const { busy, error, setError, run } = useAction();
  const [tooBig, setTooBig] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) {
      setError(null);
      return;
    }
    setTooBig(file.size > MAX_BYTES);
    if (file.size > MAX_BYTES) return;
    await run(async () => {
      const csv = await file.text();
      setResult(await unwrap(api.POST('/api/v1/users/invitations/bulk', { body: { csv } })));
    });
  };

  return (
    <>
      <PageHeader title={t('import.title')} description={t('import.description')} />
      <Card>
        <form onSubmit={submit}>
          <ProblemAlert error={error} />
          <p>{t('import.format')}</p>
          <pre className="card scroll-x" role="region" tabIndex={0} aria-label={t('import.sample')} style={{ margin: '0 0 var(--space-3)' }}>{TEMPLATE}</pre>
          <p><a href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`} download="invitations.csv">{t('import.template')}</a></p>
          <TextField className="file-input" label={t('import.file')} name="file" type="file" accept=".csv,text/csv" required hint={t('import.fileHint')}
            error={tooBig ? t('import.tooBig') : undefined} />
          <div className="row">
            <Button type="submit" busy={busy}>{t('import.submit')}</Button>
            <Link to="/admin/users">{t('invite.back')}</Link>
          </div>
        </form>
      </Card>
      {result ? <ImportResult result={result} /> : null}
    </>
  );
}

function ImportResult({ result }: { result: BulkInviteResult }) {
  const { t } = useTranslation('admin');
  return (
    <section aria-labelledby="import-result">
      <h2 id="import-result">{t('import.resultTitle')}</h2>
      <Alert tone={result.errors.length === 0 ? 'success' : 'warning'}>
        {t('import.summary', { invited: result.invited.length, failed: result.errors.length })}
      </Alert>
      {result.invited.length > 0 ? (
        <DataTable caption={t('import.invitedCaption')} columns={[t('users.email'), t('users.name'), t('users.roles')]} captionVisible>
          {result.invited.map((user) => (
            <tr key={user.id}><td><Link to={`/admin/users/${user.id}`}>{user.email}</Link></td><td>{user.name}</td><td><RoleList roles={user.roles} /></td></tr>
          ))}
        </DataTable>
      ) : null}
      {result.errors.length > 0 ? (
        <DataTable caption={t('import.errorsCaption')} columns={[t('import.line'), t('users.email'), t('import.problem')]} captionVisible style={{ marginTop: 'var(--space-4)' }}>
          {result.errors.map((row) => <tr key={`${row.line}-${row.email}`}><td>{row.line}</td><td>{row.email}</td><td>{row.detail}</td></tr>)}
        </DataTable>
      ) : null}
    </section>
  );
}
