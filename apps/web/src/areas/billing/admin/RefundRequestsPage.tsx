import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { ConfirmButton, DataTable, EmptyState, PageHeader, ProblemAlert, ResourceView, toast } from '../../../ui';
import { approveRefund, fetchOrder, fetchRequestedRefunds, newIdempotencyKey, rejectRefund, type Order, type Refund } from '../billing-api';
import '../billing.css';
import { formatMoney } from '../money';
import { receiptPath } from '../paths';
import { dateTime } from '../status';
import { BillingAdminNav } from './BillingAdminNav';

/** A request with the order it is about: a refund carries no currency or title of its own. */
interface RequestOfOrder { refund: Refund; order: Order }

async function fetchRequests(): Promise<RequestOfOrder[]> {
  const refunds = await fetchRequestedRefunds();
  const orders = await Promise.all([...new Set(refunds.map((refund) => refund.orderId))].map(fetchOrder));
  const byId = new Map(orders.map((order) => [order.id, order]));
  return refunds.flatMap((refund) => {
    const order = byId.get(refund.orderId);
    return order ? [{ refund, order }] : [];
  });
}

/** `/admin/billing/refunds`: the refunds students asked for, oldest first, each to approve or reject. */
export default function RefundRequestsPage() {
  const { t } = useTranslation('billing');
  const requests = useResource(fetchRequests, []);
  return (
    <>
      <PageHeader title={t('admin.refunds.title')} description={t('admin.refunds.description')} />
      <BillingAdminNav />
      <ResourceView resource={requests}>
        {(loaded) => loaded.length === 0 ? <EmptyState>{t('admin.refunds.none')}</EmptyState> : (
          <DataTable caption={t('admin.refunds.caption')} columns={[t('refunds.date'), t('orders.product'), t('refunds.amount'), t('refunds.reason'), t('orders.actions')]}>
            {loaded.map((request) => <RequestRow key={request.refund.id} request={request} onDecided={requests.reload} />)}
          </DataTable>
        )}
      </ResourceView>
    </>
  );
}

function RequestRow({ request: { refund, order }, onDecided }: { request: RequestOfOrder; onDecided: () => void }) {
  const { t, i18n } = useTranslation('billing');
  // One key per request on screen: an approval sent again after a lost answer refunds once.
  const [key] = useState(newIdempotencyKey);
  const { running, error, run } = useAction();
  const amount = formatMoney(refund.amountMinor, order.currency, i18n.language);
  const title = order.productTitle ?? t('summary.untitled');
  const decide = (name: 'approve' | 'reject') => run(name, async () => {
    await (name === 'approve' ? approveRefund(refund.id, key) : rejectRefund(refund.id));
    toast(t(`admin.refunds.${name}d`, { amount, title }));
    onDecided();
  });
  return (
    <tr data-testid="refund-request">
      <td>{dateTime(refund.createdAt, i18n.language)}</td>
      <td><Link to={receiptPath(order.id)}>{title}</Link></td>
      <td className="money">{amount}</td>
      <td>{refund.reason}<ProblemAlert error={error} /></td>
      <td className="row">
        <ConfirmButton small variant="primary" label={t('admin.refunds.approve')} ariaLabel={t('admin.refunds.approveNamed', { title })} busy={running === 'approve'}
          title={t('admin.refunds.approveTitle', { amount, title })} confirmLabel={t('admin.refunds.approve')} onConfirm={() => decide('approve')}>
          {t('admin.refunds.approveBody', { amount })}
        </ConfirmButton>
        <ConfirmButton small variant="secondary" label={t('admin.refunds.reject')} ariaLabel={t('admin.refunds.rejectNamed', { title })} busy={running === 'reject'}
          title={t('admin.refunds.rejectTitle', { title })} confirmLabel={t('admin.refunds.reject')} onConfirm={() => decide('reject')}>
          {t('admin.refunds.rejectBody')}
        </ConfirmButton>
      </td>
    </tr>
  );
}
