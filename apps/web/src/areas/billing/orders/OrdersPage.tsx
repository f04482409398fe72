import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../../api/use-resource';
import { Badge, DataTable, EmptyState, PageHeader, Pager, ResourceView, useCursorPaging } from '../../../ui';
import { fetchMyOrders, type Order } from '../billing-api';
import '../billing.css';
import { formatMoney } from '../money';
import { checkoutPath, receiptPath } from '../paths';
import { dateTime, STATUS_TONE } from '../status';

/** `/account/orders`: everything the person bought or tried to, newest first, each with its receipt. */
export default function OrdersPage() {
  const { t } = useTranslation('billing');
  const paging = useCursorPaging();
  const orders = useResource(() => fetchMyOrders(paging.cursor), [paging.cursor]);
  return (
    <>
      <PageHeader title={t('orders.title')} description={t('orders.description')} />
      <ResourceView resource={orders}>
        {(page) => (
          <div className="stack">
            {page.items.length === 0 ? <EmptyState>{t('orders.none')}</EmptyState> : <OrderTable orders={page.items} />}
            <Pager paging={paging} nextCursor={page.nextCursor} label={t('orders.pages')} />
          </div>
        )}
      </ResourceView>
    </>
  );
}

function OrderTable({ orders }: { orders: Order[] }) {
  const { t, i18n } = useTranslation('billing');
  return (
    <DataTable caption={t('orders.caption')} columns={[t('orders.date'), t('orders.product'), t('orders.total'), t('orders.status'), t('orders.actions')]}>
      {orders.map((order) => (
        <tr key={order.id} data-testid="order">
          <td>{dateTime(order.createdAt, i18n.language)}</td>
          <td>{order.productTitle ?? t('summary.untitled')}</td>
          <td className="money">{formatMoney(order.totalMinor, order.currency, i18n.language)}</td>
          <td><Badge tone={STATUS_TONE[order.status]}>{t(`status.${order.status}`)}</Badge></td>
          <td>
            {order.status === 'awaiting_payment' && order.enrollmentId
              ? <Link to={checkoutPath(order.enrollmentId)}>{t('orders.pay')}</Link>
              : <Link to={receiptPath(order.id)} aria-label={t('orders.receiptOf', { title: order.productTitle ?? '' })}>{t('orders.receipt')}</Link>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
