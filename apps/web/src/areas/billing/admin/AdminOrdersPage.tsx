import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../../api/use-resource';
import { Badge, Button, DataTable, EmptyState, PageHeader, Pager, ResourceView, useCursorPaging } from '../../../ui';
import { fetchTenantOrders, keepTitle, type Order } from '../billing-api';
import '../billing.css';
import { formatMoney } from '../money';
import { receiptPath } from '../paths';
import { dateTime, REFUNDABLE, STATUS_TONE } from '../status';
import { BillingAdminNav } from './BillingAdminNav';
import { RefundDialog } from './RefundDialog';

/** `/admin/billing/orders`: every order of the tenant, newest first, with refunds of paid ones. */
export default function AdminOrdersPage() {
  const { t } = useTranslation('billing');
  const paging = useCursorPaging();
  const orders = useResource(() => fetchTenantOrders(paging.cursor), [paging.cursor]);
  const [refunding, setRefunding] = useState<Order | null>(null);
  const refunded = (order: Order) => {
    setRefunding(null);
    orders.update((page) => ({ ...page, items: page.items.map((item) => (item.id === order.id ? keepTitle(order, item) : item)) }));
  };
  return (
    <>
      <PageHeader title={t('admin.orders.title')} description={t('admin.orders.description')} />
      <BillingAdminNav />
      <ResourceView resource={orders}>
        {(page) => (
          <div className="stack">
            {page.items.length === 0 ? <EmptyState>{t('admin.orders.none')}</EmptyState> : <OrderTable orders={page.items} onRefund={setRefunding} />}
            <Pager paging={paging} nextCursor={page.nextCursor} label={t('orders.pages')} />
          </div>
        )}
      </ResourceView>
      {refunding ? <RefundDialog order={refunding} onClose={() => setRefunding(null)} onRefunded={refunded} /> : null}
    </>
  );
}

function OrderTable({ orders, onRefund }: { orders: Order[]; onRefund: (order: Order) => void }) {
  const { t, i18n } = useTranslation('billing');
  const money = (order: Order, minor: number) => formatMoney(minor, order.currency, i18n.language);
  return (
    <DataTable caption={t('admin.orders.caption')} columns={[t('orders.date'), t('orders.product'), t('orders.total'), t('admin.orders.refunded'), t('orders.status'), t('orders.actions')]}>
      {orders.map((order) => (
        <tr key={order.id} data-testid="admin-order">
          <td>{dateTime(order.createdAt, i18n.language)}</td>
          <td>{order.productTitle ?? t('summary.untitled')}</td>
          <td className="money">{money(order, order.totalMinor)}</td>
          <td className="money">{order.refundedMinor > 0 ? money(order, order.refundedMinor) : '—'}</td>
          <td><Badge tone={STATUS_TONE[order.status]}>{t(`status.${order.status}`)}</Badge></td>
          <td className="row">
            <Link to={receiptPath(order.id)}>{t('orders.receipt')}</Link>
            {REFUNDABLE.includes(order.status) && order.refundedMinor < order.totalMinor ? (
              <Button small variant="secondary" onClick={() => onRefund(order)} aria-label={t('admin.orders.refundNamed', { title: order.productTitle ?? '' })}>{t('admin.orders.refund')}</Button>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
