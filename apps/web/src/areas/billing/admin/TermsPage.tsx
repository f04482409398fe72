import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { namesField } from '../../../api/field-errors';
import { ApiError } from '../../../api/problem';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import type { Versioned } from '../../../api/versioned';
import { Button, Card, PageHeader, ProblemAlert, ResourceView, TextField, toast } from '../../../ui';
import { fetchBillingSettings, saveBillingSettings, type BillingSettings } from '../billing-api';
import { BillingAdminNav } from './BillingAdminNav';
import { API_FIELD, termsChangeOf, termsDraftOf, type TermsDraft, type TermsField } from './terms-draft';

/** `/admin/billing/terms`: the tenant's currency, commission, tax and refund window. */
export default function TermsPage() {
  const { t } = useTranslation('billing');
  const settings = useResource(fetchBillingSettings, []);
  return (
    <>
      <PageHeader title={t('admin.terms.title')} description={t('admin.terms.description')} />
      <BillingAdminNav />
      <ResourceView resource={settings}>
        {(loaded) => <TermsForm key={loaded.etag} saved={loaded} onSaved={(next) => settings.update(() => next)} onStale={settings.reload} />}
      </ResourceView>
    </>
  );
}

function TermsForm({ saved, onSaved, onStale }: { saved: Versioned<BillingSettings>; onSaved: (next: Versioned<BillingSettings>) => void; onStale: () => void }) {
  const { t } = useTranslation('billing');
  const [draft, setDraft] = useState<TermsDraft>(() => termsDraftOf(saved.data));
  const [unreadable, setUnreadable] = useState<TermsField[]>([]);
  const { busy, error, run } = useAction();
  const set = (field: TermsField) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [field]: event.target.value }));
  const errorOf = (field: TermsField) => (unreadable.includes(field) || namesField(error, API_FIELD[field]) ? t(`admin.terms.invalid.${field}`) : undefined);
  const fieldsNamed = (Object.keys(API_FIELD) as TermsField[]).some((field) => namesField(error, API_FIELD[field]));

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { change, invalid } = termsChangeOf(saved.data, draft);
    setUnreadable(invalid);
    if (invalid.length > 0) return;
    if (Object.keys(change).length === 0) {
      toast(t('admin.terms.unchanged'));
      return;
    }
    void run(async () => {
      const next = await saveBillingSettings(saved.etag, change);
      toast(t('admin.terms.saved'));
      onSaved(next);
    });
  };

  return (
    <form onSubmit={save} className="stack" noValidate>
      {error?.status === 412 ? (
        <ProblemAlert error={error} message={t('admin.terms.stale')}>
          <Button variant="secondary" small onClick={onStale}>{t('admin.terms.reload')}</Button>
        </ProblemAlert>
      ) : fieldsNamed && error ? <ProblemAlert error={new ApiError({ ...error.problem, errors: [] })} message={t('admin.terms.fixFields')} /> : <ProblemAlert error={error} />}
      <Card title={t('admin.terms.money')}>
        <TextField label={t('admin.terms.currency')} hint={t('admin.terms.currencyHint')} error={errorOf('currency')}
          value={draft.currency} onChange={set('currency')} maxLength={3} spellCheck={false} autoCapitalize="characters" />
        <TextField label={t('admin.terms.commission')} hint={t('admin.terms.commissionHint')} error={errorOf('commission')}
          value={draft.commission} onChange={set('commission')} inputMode="decimal" />
        <TextField label={t('admin.terms.tax')} hint={t('admin.terms.taxHint')} error={errorOf('tax')}
          value={draft.tax} onChange={set('tax')} inputMode="decimal" />
        <TextField label={t('admin.terms.refundWindow')} hint={t('admin.terms.refundWindowHint')} error={errorOf('refundWindowDays')}
          value={draft.refundWindowDays} onChange={set('refundWindowDays')} inputMode="numeric" />
      </Card>
      <div><Button type="submit" busy={busy}>{t('admin.terms.save')}</Button></div>
    </form>
  );
}
