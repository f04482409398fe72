import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useResource } from '../../api/use-resource';
import { Alert, Button, Card, CheckboxField, ConfirmButton, CopyButton, DataTable, EmptyState, PageHeader, Pager, ProblemAlert, ResourceView, TextField, toast, useCursorPaging } from '../../ui';
import '../auth/components/identity.css';
import { SCOPE_GROUPS, scopeKey } from './scopes';
import { StatusBadge } from './StatusBadge';
import type { ApiKey, CreatedApiKey } from './types';

/** Credentials for integrations: create one with scopes (its secret is shown once), list them, revoke. */
export default function ApiKeys() {
  const { t } = useTranslation('admin');
  const paging = useCursorPaging();
  const keys = useResource(() => unwrap(api.GET('/api/v1/api-keys', { params: { query: { limit: 20, ...(paging.cursor ? { cursor: paging.cursor } : {}) } } })), [paging.cursor]);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  return (
    <>
      <PageHeader title={t('apiKeys.title')} description={t('apiKeys.description')} />
      <div className="stack">
        {created ? <NewKey created={created} onDismiss={() => setCreated(null)} /> : <CreateKey onCreated={(key) => { setCreated(key); paging.reset(); keys.reload(); }} />}
        <section>
          <h2>{t('apiKeys.listTitle')}</h2>
          <ResourceView resource={keys}>
            {(page) => (
              <>
                {page.items.length === 0 ? <EmptyState>{t('apiKeys.none')}</EmptyState> : <KeyTable keys={page.items} onRevoked={keys.reload} />}
                <Pager paging={paging} nextCursor={page.nextCursor} label={t('apiKeys.pages')} />
              </>
            )}
          </ResourceView>
        </section>
      </div>
    </>
  );
}

function CreateKey({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const { t } = useTranslation('admin');
  const [scopes, setScopes] = useState<string[]>([]);
  const [noScope, setNoScope] = useState(false);
  const { busy, error, run } = useAction();
  const toggle = (scope: string) => setScopes((held) => (held.includes(scope) ? held.filter((s) => s !== scope) : [...held, scope]));
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNoScope(scopes.length === 0);
    if (scopes.length === 0) return;
    const form = new FormData(event.currentTarget);
    const expires = String(form.get('expires') ?? '');
    await run(async () => {
      onCreated(await unwrap(api.POST('/api/v1/api-keys', {
        body: { name: String(form.get('name')).trim(), scopes, ...(expires ? { expiresAt: new Date(`${expires}T23:59:59`).toISOString() } : {}) },
      })));
    });
  };
  return (
    <Card title={t('apiKeys.createTitle')}>
      <form onSubmit={submit}>
        <ProblemAlert error={error} />
        <TextField label={t('apiKeys.name')} name="name" required maxLength={120} hint={t('apiKeys.nameHint')} autoComplete="off" />
        {SCOPE_GROUPS.map(({ group, scopes: inGroup }) => (
          <fieldset key={group} className="checks">
            <legend>{t(`scopeGroup.${group}`)}</legend>
            <div className="check-grid">
              {inGroup.map((scope) => <CheckboxField key={scope} label={t(scopeKey(scope))} checked={scopes.includes(scope)} onChange={() => toggle(scope)} />)}
            </div>
          </fieldset>
        ))}
        {noScope ? <p className="error" role="alert">{t('apiKeys.pickScope')}</p> : null}
        <TextField label={t('apiKeys.expires')} name="expires" type="date" hint={t('apiKeys.expiresHint')} />
        <Button type="submit" busy={busy}>{t('apiKeys.create')}</Button>
      </form>
    </Card>
  );
}

function NewKey({ created, onDismiss }: { created: CreatedApiKey; onDismiss: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Card title={t('apiKeys.newTitle', { name: created.name })}>
      <Alert tone="warning">{t('apiKeys.onlyOnce')}</Alert>
      <p>{t('apiKeys.keyLabel')} <code className="api-key">{created.key}</code></p>
      <div className="row">
        <CopyButton text={created.key} label={t('apiKeys.copy')} />
        <Button onClick={onDismiss}>{t('apiKeys.stored')}</Button>
      </div>
    </Card>
  );
}

function KeyTable({ keys, onRevoked }: { keys: ApiKey[]; onRevoked: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const { error, run } = useAction();
  const date = (value: string | null) => (value ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(value)) : '—');
  const revoke = (key: ApiKey) => run(async () => {
    await unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id: key.id } } }));
    toast(t('apiKeys.revoked', { name: key.name }));
    onRevoked();
  });
  return (
    <>
      <ProblemAlert error={error} />
      <DataTable caption={t('apiKeys.listTitle')} columns={[t('apiKeys.name'), t('apiKeys.prefix'), t('apiKeys.scopes'), t('users.status'), t('apiKeys.lastUsed'), t('apiKeys.expiresAt'), <span className="sr-only">{t('users.actions')}</span>]}>
        {keys.map((key) => (
          <tr key={key.id}>
            <td>{key.name}</td>
            <td><code>{key.prefix}</code></td>
            <td>{key.scopes.join(', ')}</td>
            <td><StatusBadge status={key.status} /></td>
            <td>{date(key.lastUsedAt)}</td>
            <td>{date(key.expiresAt)}</td>
            <td>
              {key.status === 'active' ? (
                <ConfirmButton small label={t('apiKeys.revoke')} ariaLabel={t('apiKeys.revokeNamed', { name: key.name })} title={t('apiKeys.revokeTitle', { name: key.name })}
                  confirmLabel={t('apiKeys.revoke')} onConfirm={() => revoke(key)}>
                  {t('apiKeys.revokeConfirm')}
                </ConfirmButton>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
