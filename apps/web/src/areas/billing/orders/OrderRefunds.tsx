import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/problem';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { Alert, Badge, Button, Card, DataTable, ProblemAlert, ResourceView, TextAreaField, toast } from '../../../ui';
import { fetchOrderRefunds, requestRefund, type Order, type Refund } from '../billing-api';
import { formatMoney } from '../money';
import { REFUND_TONE, refundInProgress } from '../refund-payout-status';
import { dateTime, REFUNDABLE } from '../status';

/** On a receipt: the order's refunds and, while money is left to give back, the student's request for it. */
export function OrderRefunds({ order }: { order: Order }) {
  const { t } = useTranslation('billing');
  const refunds = useResource(() => fetchOrderRefunds(order.id), [order.id]);
  const waiting = refunds.state.data?.some((refund) => refundInProgress(refund.status)) ?? false;
  const askable = REFUNDABLE.includes(order.status) && order.refundedMinor < order.totalMinor && !waiting;
  return (
    <Card title={t('refunds.title')}>
      <div className="stack no-print">
        <ResourceView resource={refunds}>{(loaded) => <RefundTable order={order} refunds={loaded} />}</ResourceView>
        {askable && refunds.state.status === 'ready' ? <RefundRequestForm orderId={order.id} onSent={refunds.reload} /> : null}
      </div>
    </Card>
  );
}

function RefundTable({ order, refunds }: { order: Order; refunds: Refund[] }) {
  const { t, i18n } = useTranslation('billing');
  if (refunds.length === 0) return <p className="muted">{t('refunds.none')}</p>;
  return (
    <DataTable caption={t('refunds.caption')} columns={[t('refunds.date'), t('refunds.amount'), t('refunds.reason'), t('refunds.status')]}>
      {refunds.map((refund) => (
        <tr key={refund.id} data-testid="order-refund">
          <td>{dateTime(refund.createdAt, i18n.language)}</td>
          <td className="money">{formatMoney(refund.amountMinor, order.currency, i18n.language)}</td>
          <td>{refund.reason}</td>
          <td><Badge tone={REFUND_TONE[refund.status]}>{t(`refundStatus.${refund.status}`)}</Badge></td>
        </tr>
      ))}
    </DataTable>
  );
}

function RefundRequestForm({ orderId, onSent }: { orderId: string; onSent: () => void }) {
  const { t } = useTranslation('billing');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, error, run } = useAction();

  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMissing(reason.trim() === '');
    if (reason.trim() === '') return;
    void run(async () => {
      await requestRefund(orderId, reason.trim());
      toast(t('refunds.sent'));
      setOpen(false);
      onSent();
    });
  };

  if (!open) return <div><Button variant="secondary" onClick={() => setOpen(true)}>{t('refunds.ask')}</Button></div>;
  return (
    <form onSubmit={send} className="stack" noValidate aria-label={t('refunds.ask')}>
      <RequestProblem error={error} />
      <TextAreaField label={t('refunds.why')} value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} rows={3}
        error={missing ? t('refunds.reasonRequired') : undefined} />
      <div className="row">
        <Button type="submit" busy={busy}>{t('refunds.send')}</Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>{t('refunds.cancel')}</Button>
      </div>
    </form>
  );
}

/** The two refusals a student can meet, in their words; anything else as the API says it. */
function RequestProblem({ error }: { error: ApiError | null }) {
  const { t } = useTranslation('billing');
  if (error?.code === 'BILLING.REFUND_WINDOW_CLOSED') return <Alert tone="error">{t('refunds.windowClosed')}</Alert>;
  if (error?.status === 409) return <Alert tone="error">{t('refunds.alreadyAsked')}</Alert>;
  return <ProblemAlert error={error} />;
}
