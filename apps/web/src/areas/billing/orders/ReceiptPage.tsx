import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useResource } from '../../../api/use-resource';
import { Badge, Button, PageHeader, ResourceView } from '../../../ui';
import { fetchOrder, type Order } from '../billing-api';
import { OrderSummary } from '../checkout/OrderSummary';
import '../billing.css';
import { dateTime, STATUS_TONE } from '../status';
import { OrderRefunds } from './OrderRefunds';

/** `/orders/:orderId`: one order as a receipt, laid out to print on its own. */
export default function ReceiptPage() {
  const { t } = useTranslation('billing');
  const { orderId = '' } = useParams();
  const order = useResource(() => fetchOrder(orderId), [orderId]);
  const actions = (
    <span className="row no-print">
      <Button variant="secondary" onClick={() => window.print()}>{t('receipt.print')}</Button>
      <Link to="/account/orders">{t('receipt.allOrders')}</Link>
    </span>
  );
  return (
    <>
      <PageHeader title={t('receipt.title')} actions={actions} />
      <ResourceView resource={order}>
        {(loaded) => (
          <div className="stack">
            <Receipt order={loaded} />
            {/* Only money taken can be given back: an order never paid has no refunds to show or ask for. */}
            {loaded.paidAt ? <OrderRefunds order={loaded} /> : null}
          </div>
        )}
      </ResourceView>
    </>
  );
}

function Receipt({ order }: { order: Order }) {
  const { t, i18n } = useTranslation('billing');
  return (
    <section className="card receipt stack" aria-labelledby="receipt-heading" data-testid="receipt">
      <h2 id="receipt-heading" style={{ marginTop: 0 }}>{order.productTitle ?? t('summary.untitled')}</h2>
      <dl>
        <dt>{t('receipt.number')}</dt>
        <dd>{order.id}</dd>
        <dt>{t('receipt.status')}</dt>
        <dd><Badge tone={STATUS_TONE[order.status]}>{t(`status.${order.status}`)}</Badge></dd>
        <dt>{t('receipt.ordered')}</dt>
        <dd>{dateTime(order.createdAt, i18n.language)}</dd>
        {order.paidAt ? <><dt>{t('receipt.paid')}</dt><dd>{dateTime(order.paidAt, i18n.language)}</dd></> : null}
        {order.failure ? <><dt>{t('receipt.failure')}</dt><dd>{order.failure.message}</dd></> : null}
      </dl>
      <OrderSummary order={order} caption={t('receipt.amounts')} />
    </section>
  );
}
