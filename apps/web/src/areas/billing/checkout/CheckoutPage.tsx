import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Loading, PageHeader, ProblemAlert } from '../../../ui';
import type { Order } from '../billing-api';
import '../billing.css';
import { receiptPath } from '../paths';
import { IN_FLIGHT } from './checkout-flow';
import { PaidOutcome, RetryOutcome } from './CheckoutOutcome';
import { OrderSummary } from './OrderSummary';
import { PayForm } from './PayForm';
import { SecureDialog } from './SecureDialog';
import { useCheckout, type Checkout, type CheckoutOf } from './use-checkout';

/**
 * `/checkout/:enrollmentId`: pay for a paid course's enrollment (card, coupon, 3-D Secure), then start learning;
 * `/checkout/order/:orderId`: pay for an order itself (a lesson bought on its own), then open it.
 */
export default function CheckoutPage() {
  const { t } = useTranslation('billing');
  const { enrollmentId, orderId } = useParams();
  const of: CheckoutOf = orderId ? { orderId } : { enrollmentId: enrollmentId ?? '' };
  return (
    <>
      <PageHeader title={t('checkout.title')} description={t('checkout.description')} />
      {/* A fresh enrollment or order (buying again) is a fresh checkout: nothing of the previous order stays. */}
      <CheckoutScreen key={orderId ?? enrollmentId} of={of} />
    </>
  );
}

function CheckoutScreen({ of }: { of: CheckoutOf }) {
  const { t } = useTranslation('billing');
  const checkout = useCheckout(of);
  if (checkout.loadError) {
    const missing = checkout.loadError.status === 404;
    return <ProblemAlert error={checkout.loadError} message={missing ? t('checkout.noOrder') : undefined} onRetry={checkout.reload} />;
  }
  if (!checkout.order) return <Loading label={t('checkout.opening')} />;
  const { order } = checkout;
  return (
    <div className="checkout">
      <Card title={t('summary.title')}>
        <OrderSummary order={order} caption={t('summary.title')} />
      </Card>
      <Card title={t('checkout.payment')}>
        <PaymentStep checkout={checkout} order={order} />
      </Card>
    </div>
  );
}

function PaymentStep({ checkout, order }: { checkout: Checkout; order: Order }) {
  const { t } = useTranslation('billing');
  const [dismissed, setDismissed] = useState(false);
  const { action } = checkout;
  switch (order.status) {
    case 'awaiting_payment':
      return <PayForm order={order} busy={action.running === 'pay'} error={action.error} onPay={(input) => void checkout.pay(input)} />;
    case 'requires_action':
      return (
        <div className="stack">
          <Alert tone="info">{t('secure.waiting')}</Alert>
          <div><Button onClick={() => setDismissed(false)}>{t('secure.open')}</Button></div>
          <SecureDialog open={!dismissed} challenge={order.challenge ?? t('secure.defaultChallenge')} busy={action.running === 'confirm'} error={action.error}
            onAnswer={(response) => void checkout.confirm(response)} onClose={() => setDismissed(true)} />
        </div>
      );
    case 'paid':
      return <PaidOutcome order={order} />;
    case 'failed':
    case 'cancelled':
      return <RetryOutcome order={order} />;
    default:
      if (IN_FLIGHT.includes(order.status)) return <Loading label={t('checkout.processing')} />;
      return <Alert tone="info"><Link to={receiptPath(order.id)}>{t('checkout.receipt')}</Link></Alert>;
  }
}
