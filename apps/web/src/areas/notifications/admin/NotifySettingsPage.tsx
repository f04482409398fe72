import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { namesField } from '../../../api/field-errors';
import { ApiError } from '../../../api/problem';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import type { Versioned } from '../../../api/versioned';
import { Button, Card, PageHeader, ProblemAlert, ResourceView, TextAreaField, TextField, toast } from '../../../ui';
import { fetchNotifySettings, saveNotifySettings, type NotifySettings } from './admin-api';
import { AdminNav } from './AdminNav';
import { changeOf, draftOf, SETTINGS_FIELDS, type SettingsDraft, type SettingsField } from './settings-draft';

/** `/admin/notifications/settings`: the brand on the tenant's emails and how many messages it sends a minute. */
export default function NotifySettingsPage() {
  const { t } = useTranslation('notifications');
  const settings = useResource(fetchNotifySettings, []);
  return (
    <>
      <PageHeader title={t('admin.settings.title')} description={t('admin.settings.description')} />
      <AdminNav />
      <ResourceView resource={settings}>
        {(loaded) => <SettingsForm key={loaded.etag} saved={loaded} onSaved={(next) => settings.update(() => next)} onStale={settings.reload} />}
      </ResourceView>
    </>
  );
}

function SettingsForm({ saved, onSaved, onStale }: { saved: Versioned<NotifySettings>; onSaved: (next: Versioned<NotifySettings>) => void; onStale: () => void }) {
  const { t, i18n } = useTranslation('notifications');
  const effective = saved.data.effectiveSendsPerMinute.toLocaleString(i18n.language);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(saved.data));
  const { busy, error, run } = useAction();
  const set = (field: SettingsField) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [field]: event.target.value }));
  const errorOf = (field: SettingsField) => (namesField(error, field) ? t(`admin.settings.invalid.${field}`) : undefined);
  const fieldsNamed = SETTINGS_FIELDS.some((field) => namesField(error, field));

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const change = changeOf(saved.data, draft);
    if (Object.keys(change).length === 0) {
      toast(t('admin.settings.unchanged'));
      return;
    }
    void run(async () => {
      const next = await saveNotifySettings(saved.etag, change);
      toast(t('admin.settings.saved'));
      onSaved(next);
    });
  };

  return (
    // The API checks every value and says which field is wrong: the browser's own checks would speak first, in other words.
    <form onSubmit={save} className="stack" noValidate>
      <FormProblem error={error} fieldsNamed={fieldsNamed} onStale={onStale} />
      <Card title={t('admin.settings.brand')}>
        <p className="muted">{t('admin.settings.brandHint')}</p>
        <TextField label={t('admin.settings.brandName')} hint={t('admin.settings.brandNameHint')} error={errorOf('brandName')}
          value={draft.brandName} onChange={set('brandName')} maxLength={120} />
        <TextField label={t('admin.settings.brandColor')} hint={t('admin.settings.brandColorHint')} error={errorOf('brandColor')}
          value={draft.brandColor} onChange={set('brandColor')} placeholder="#4338ca" spellCheck={false} />
        <TextField label={t('admin.settings.brandLogoUrl')} hint={t('admin.settings.brandLogoUrlHint')} error={errorOf('brandLogoUrl')}
          type="url" inputMode="url" value={draft.brandLogoUrl} onChange={set('brandLogoUrl')} placeholder="https://" />
        <TextAreaField label={t('admin.settings.emailFooter')} hint={t('admin.settings.emailFooterHint')} error={errorOf('emailFooter')}
          value={draft.emailFooter} onChange={set('emailFooter')} rows={3} />
      </Card>
      <Card title={t('admin.settings.rate')}>
        <TextField label={t('admin.settings.sendsPerMinute')} error={errorOf('sendsPerMinute')} type="number" inputMode="numeric" min={1} max={1_000_000} step={1}
          value={draft.sendsPerMinute} onChange={set('sendsPerMinute')}
          hint={t('admin.settings.sendsPerMinuteHint')} />
        <p className="muted" data-testid="effective-rate">
          {saved.data.sendsPerMinute === null
            ? t('admin.settings.effectiveDefault', { effective })
            : t('admin.settings.effectiveOwn', { effective })}
        </p>
      </Card>
      <div><Button type="submit" busy={busy}>{t('admin.settings.save')}</Button></div>
    </form>
  );
}

/** What went wrong saving: a stale read offers to reload; invalid fields are named beside each field, so the summary only points there. */
function FormProblem({ error, fieldsNamed, onStale }: { error: ApiError | null; fieldsNamed: boolean; onStale: () => void }) {
  const { t } = useTranslation('notifications');
  if (!error) return null;
  if (error.status === 412) {
    return (
      <ProblemAlert error={error} message={t('admin.settings.stale')}>
        <Button variant="secondary" small onClick={onStale}>{t('admin.settings.reload')}</Button>
      </ProblemAlert>
    );
  }
  if (fieldsNamed) return <ProblemAlert error={new ApiError({ ...error.problem, errors: [] })} message={t('admin.settings.fixFields')} />;
  return <ProblemAlert error={error} />;
}
