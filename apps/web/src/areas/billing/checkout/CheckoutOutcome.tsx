import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAction } from '../../../api/use-action';
import { Alert, Button, Loading, ProblemAlert } from '../../../ui';
import type { Order } from '../billing-api';
import { checkoutPath, coursePath, receiptPath } from '../paths';
import { enrollToBuy, waitUntilLearning } from './checkout-flow';

/** Paid: the place is confirmed a moment later (enrollment hears of the payment), then the course opens. */
export function PaidOutcome({ order }: { order: Order }) {
  const { t } = useTranslation('billing');
  const [learning, setLearning] = useState<boolean | null>(order.enrollmentId ? null : true);
  useEffect(() => {
    if (!order.enrollmentId) return undefined;
    let live = true;
    waitUntilLearning(order.enrollmentId, () => live).then((active) => live && setLearning(active), () => live && setLearning(false));
    return () => {
      live = false;
    };
  }, [order.enrollmentId]);
  if (learning === null) return <Loading label={t('checkout.confirmingPlace')} />;
  return (
    <div className="stack" data-testid="checkout-paid">
      <Alert tone="success">
        <p><strong>{learning ? t('checkout.enrolled') : t('checkout.paidPending')}</strong></p>
        <p>{t('checkout.paidThanks')}</p>
      </Alert>
      <div className="row">
        <Link className="btn" to={coursePath(order.productId)}>{t('checkout.toCourse')}</Link>
        <Link className="btn secondary" to={receiptPath(order.id)}>{t('checkout.receipt')}</Link>
      </div>
    </div>
  );
}

/** Refused or withdrawn: why, that nothing was charged, and a fresh try (enrolling again opens a new order). */
export function RetryOutcome({ order }: { order: Order }) {
  const { t } = useTranslation('billing');
  const navigate = useNavigate();
  const { busy, error, run } = useAction();
  const failed = order.status === 'failed';
  const tryAgain = () => run(async () => {
    const enrolled = await enrollToBuy(order.productId, order.enrollmentId);
    navigate(enrolled.toPay ? checkoutPath(enrolled.enrollmentId) : coursePath(order.productId));
  });
  return (
    <div className="stack" data-testid="checkout-failed">
      <Alert tone="error">
        <p><strong>{failed ? t('checkout.declined') : t('checkout.cancelled')}</strong></p>
        {order.failure ? <p data-testid="failure-message">{order.failure.message}</p> : null}
        <p>{t('checkout.notCharged')}</p>
      </Alert>
      <ProblemAlert error={error} />
      <div className="row">
        <Button busy={busy} onClick={() => void tryAgain()}>{t('checkout.tryAgain')}</Button>
        <Link className="btn secondary" to={coursePath(order.productId)}>{t('checkout.backToCourse')}</Link>
      </div>
    </div>
  );
}
