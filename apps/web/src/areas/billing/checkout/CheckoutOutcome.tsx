import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAction } from '../../../api/use-action';
import { Alert, Button, Loading, ProblemAlert } from '../../../ui';
import type { Order } from '../billing-api';
import { api, unwrap } from '../../../api/client';
import { orderLesson } from '../lesson-api';
import { checkoutPath, coursePath, lessonPath, orderCheckoutPath, receiptPath } from '../paths';
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
  if (order.productKind === 'lesson') return <PaidLesson order={order} />;
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

/** A lesson bought on its own: it opens to the buyer (the lesson page waits the moment catalog needs to hear of it). */
function PaidLesson({ order }: { order: Order }) {
  const { t } = useTranslation('billing');
  const courseId = useLessonCourse(order.productId);
  return (
    <div className="stack" data-testid="checkout-paid">
      <Alert tone="success">
        <p><strong>{t('checkout.lessonBought')}</strong></p>
        <p>{t('checkout.paidThanks')}</p>
      </Alert>
      <div className="row">
        {courseId ? <Link className="btn" to={lessonPath(courseId, order.productId)}>{t('checkout.toLesson')}</Link> : null}
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
  const lessonCourse = useLessonCourse(order.productKind === 'lesson' ? order.productId : null);
  const tryAgain = () => run(async () => {
    if (order.productKind === 'lesson') {
      navigate(orderCheckoutPath((await orderLesson(order.productId)).id));
      return;
    }
    const enrolled = await enrollToBuy(order.productId, order.enrollmentId);
    navigate(enrolled.toPay ? checkoutPath(enrolled.enrollmentId) : coursePath(order.productId));
  });
  const back = order.productKind === 'lesson' ? (lessonCourse ? coursePath(lessonCourse) : null) : coursePath(order.productId);
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
        {back ? <Link className="btn secondary" to={back}>{t('checkout.backToCourse')}</Link> : null}
      </div>
    </div>
  );
}

/** The course a lesson belongs to (catalog's published lesson says), null while unknown or for no lesson. */
function useLessonCourse(lessonId: string | null): string | null {
  const [courseId, setCourseId] = useState<string | null>(null);
  useEffect(() => {
    if (!lessonId) return undefined;
    let live = true;
    unwrap(api.GET('/api/v1/lessons/{lessonId}/next', { params: { path: { lessonId } } })).then((next) => live && setCourseId(next.courseId), () => undefined);
    return () => {
      live = false;
    };
  }, [lessonId]);
  return courseId;
}
