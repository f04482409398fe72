import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { Alert, Button, Loading, ProblemAlert } from '../../../ui';
import { fetchCoursePrice } from '../billing-api';
import { enrollToBuy } from '../checkout/checkout-flow';
import { LessonOffers } from '../lesson/LessonOffers';
import { formatMoney } from '../money';
import { checkoutPath } from '../paths';

/** What the course page knows of the student's place in a course. */
export interface PlaceInCourse {
  courseId: string;
  /** The student's latest enrollment in the course, or null. */
  enrollment: { id: string; status: string } | null;
}

const ENDED = ['cancelled', 'expired'];

/**
 * The course page's place panel for a paid course: "Buy for €49.99" while the student has no place, and the way
 * back to the checkout while a place waits for payment, and the lessons sold on their own. Anything else (learning, waitlisted) is `children`'s,
 * as for a free course; so is a course whose price billing does not know (it is free then).
 */
export function CoursePurchase({ place, onChanged, children }: { place: PlaceInCourse; onChanged: () => void; children: ReactNode }) {
  const { enrollment } = place;
  if (enrollment?.status === 'pending_payment') return <PaymentDue enrollmentId={enrollment.id}>{children}</PaymentDue>;
  if (enrollment && !ENDED.includes(enrollment.status)) return <>{children}</>;
  return <BuyPanel place={place} onChanged={onChanged}>{children}</BuyPanel>;
}

function BuyPanel({ place, onChanged, children }: { place: PlaceInCourse; onChanged: () => void; children: ReactNode }) {
  const { t, i18n } = useTranslation('billing');
  const navigate = useNavigate();
  const price = useResource(() => fetchCoursePrice(place.courseId), [place.courseId]);
  const { busy, error, run } = useAction();
  if (price.state.status === 'loading') return <section className="card"><Loading /></section>;
  // Without a price billing would not open an order: the ordinary enroll panel says what is possible.
  if (price.state.status === 'error' || price.state.data === null) return <>{children}<LessonOffers courseId={place.courseId} /></>;
  const { amountMinor, currency } = price.state.data.data;
  const buy = () => run(async () => {
    const enrolled = await enrollToBuy(place.courseId, place.enrollment?.id ?? null);
    if (enrolled.toPay) navigate(checkoutPath(enrolled.enrollmentId));
    else onChanged();
  });
  return (
    <>
      <section className="card" aria-labelledby="buy-heading" data-testid="buy-panel">
        <h2 id="buy-heading">{t('course.heading')}</h2>
        {place.enrollment ? <p>{t(`course.ended.${place.enrollment.status}`, { defaultValue: t('course.notEnrolled') })}</p> : <p>{t('course.notEnrolled')}</p>}
        <ProblemAlert error={error} />
        <Button busy={busy} onClick={() => void buy()}>{t('course.buy', { price: formatMoney(amountMinor, currency, i18n.language) })}</Button>
      </section>
      <LessonOffers courseId={place.courseId} />
    </>
  );
}

function PaymentDue({ enrollmentId, children }: { enrollmentId: string; children: ReactNode }) {
  const { t } = useTranslation('billing');
  return (
    <>
      {children}
      <Alert tone="info">
        <p>{t('course.paymentDue')}</p>
        <Link className="btn" to={checkoutPath(enrollmentId)}>{t('course.toCheckout')}</Link>
      </Alert>
    </>
  );
}
