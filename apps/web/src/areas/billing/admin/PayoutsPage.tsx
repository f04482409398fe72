import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { Alert, Button, Card, EmptyState, PageHeader, Pager, ProblemAlert, ResourceView, toast, useCursorPaging } from '../../../ui';
import { fetchTenantPayouts, newIdempotencyKey, runPayouts, type Payout } from '../billing-api';
import '../billing.css';
import { formatMoney } from '../money';
import { PayoutTable } from '../payouts-table';
import { BillingAdminNav } from './BillingAdminNav';
import { PayoutMinimum } from './PayoutMinimum';

/** `/admin/billing/payouts`: the minimum payout, paying everyone owed it now, and every payout made. */
export default function PayoutsPage() {
  const { t } = useTranslation('billing');
  const paging = useCursorPaging();
  const payouts = useResource(() => fetchTenantPayouts(paging.cursor), [paging.cursor]);
  return (
    <>
      <PageHeader title={t('admin.payouts.title')} description={t('admin.payouts.description')} />
      <BillingAdminNav />
      <div className="stack">
        <PayoutMinimum />
        <PayoutRun onRan={() => (paging.page === 1 ? payouts.reload() : paging.reset())} />
        <Card title={t('admin.payouts.history')}>
          <ResourceView resource={payouts}>
            {(page) => (
              <div className="stack">
                {page.items.length === 0 ? <EmptyState>{t('admin.payouts.none')}</EmptyState> : <PayoutTable payouts={page.items} caption={t('admin.payouts.caption')} withPayee />}
                <Pager paging={paging} nextCursor={page.nextCursor} label={t('payouts.pages')} />
              </div>
            )}
          </ResourceView>
        </Card>
      </div>
    </>
  );
}

function PayoutRun({ onRan }: { onRan: () => void }) {
  const { t } = useTranslation('billing');
  // A key per run asked for: a retry after a lost answer is the same run, a later click a new one.
  const [key, setKey] = useState(newIdempotencyKey);
  const [paid, setPaid] = useState<Payout[] | null>(null);
  const { busy, error, run } = useAction();
  const start = () => void run(async () => {
    const result = await runPayouts(key);
    setPaid(result.payouts);
    setKey(newIdempotencyKey());
    toast(t('admin.payouts.ran', { count: result.payouts.length }));
    onRan();
  });
  return (
    <Card title={t('admin.payouts.run')}>
      <div className="stack">
        <p className="muted">{t('admin.payouts.runHint')}</p>
        <ProblemAlert error={error} />
        <div><Button busy={busy} onClick={start}>{t('admin.payouts.runNow')}</Button></div>
        {paid ? <RunResult payouts={paid} /> : null}
      </div>
    </Card>
  );
}

function RunResult({ payouts }: { payouts: Payout[] }) {
  const { t, i18n } = useTranslation('billing');
  if (payouts.length === 0) return <Alert tone="info">{t('admin.payouts.nobodyOwed')}</Alert>;
  const totals = totalsByCurrency(payouts).map(([currency, minor]) => formatMoney(minor, currency, i18n.language)).join(', ');
  return (
    <div data-testid="payout-run">
      <Alert tone="success">{t('admin.payouts.paid', { count: payouts.length, total: totals })}</Alert>
    </div>
  );
}

/** What a run paid, per currency: sums of integers of one currency each, never mixed. */
function totalsByCurrency(payouts: Payout[]): Array<[string, number]> {
  const totals = new Map<string, number>();
  for (const payout of payouts) totals.set(payout.currency, (totals.get(payout.currency) ?? 0) + payout.amountMinor);
  return [...totals.entries()];
}
