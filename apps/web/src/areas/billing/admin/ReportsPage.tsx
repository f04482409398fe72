import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { Button, EmptyState, PageHeader, ProblemAlert, ResourceView, TextField } from '../../../ui';
import { downloadReportCsv, fetchReportSummary, type ReportPeriod, type ReportSummary } from '../billing-api';
import '../billing.css';
import { BillingAdminNav } from './BillingAdminNav';
import { periodOf, reportFileName, thisMonth, type PickedDays } from './report-period';
import { ReportCurrency } from './ReportCurrency';

/** The period on screen: the days as picked, and as the API reads them. */
interface Shown { days: PickedDays; period: ReportPeriod }

/** `/admin/billing/reports`: the financial summary of a period, per currency, as tables, a chart and a CSV file. */
export default function ReportsPage() {
  const { t } = useTranslation('billing');
  const [draft, setDraft] = useState<PickedDays>(() => thisMonth(new Date()));
  const [shown, setShown] = useState<Shown>(() => ({ days: draft, period: periodOf(draft) ?? { from: '', to: '' } }));
  const [invalid, setInvalid] = useState(false);
  const download = useAction();
  const summary = useResource(() => fetchReportSummary(shown.period), [shown.period.from, shown.period.to]);

  const show = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const period = periodOf(draft);
    setInvalid(period === null);
    if (period) setShown({ days: draft, period });
  };
  const downloadCsv = () => void download.run(() => downloadReportCsv(shown.period, reportFileName(shown.days)));

  return (
    <>
      <PageHeader title={t('admin.reports.title')} description={t('admin.reports.description')}
        actions={<Button variant="secondary" busy={download.busy} onClick={downloadCsv}>{t('admin.reports.download')}</Button>} />
      <BillingAdminNav />
      <form onSubmit={show} className="row" noValidate aria-label={t('admin.reports.period')}>
        <TextField type="date" label={t('admin.reports.from')} value={draft.from} onChange={(event) => setDraft((days) => ({ ...days, from: event.target.value }))}
          error={invalid ? t('admin.reports.invalidPeriod') : undefined} />
        <TextField type="date" label={t('admin.reports.to')} value={draft.to} onChange={(event) => setDraft((days) => ({ ...days, to: event.target.value }))} />
        <div><Button type="submit">{t('admin.reports.show')}</Button></div>
      </form>
      <ProblemAlert error={download.error} />
      <ResourceView resource={summary}>{(loaded) => <Summary summary={loaded} />}</ResourceView>
    </>
  );
}

function Summary({ summary }: { summary: ReportSummary }) {
  const { t } = useTranslation('billing');
  if (summary.rows.length === 0) return <EmptyState>{t('admin.reports.none')}</EmptyState>;
  return <div className="stack">{summary.rows.map((row) => <ReportCurrency key={row.currency} row={row} />)}</div>;
}
