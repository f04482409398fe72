import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { Button, ProblemAlert } from '../../../ui';
import { fetchLessonOffers, orderLesson, type LessonOffer } from '../lesson-api';
import { formatMoney } from '../money';
import { lessonPath, orderCheckoutPath } from '../paths';

/** The course page's list of lessons sold on their own: buy one (to the checkout), or open one bought already. */
export function LessonOffers({ courseId }: { courseId: string }) {
  const { t } = useTranslation('billing');
  const offers = useResource(() => fetchLessonOffers(courseId), [courseId]);
  const items = offers.state.data ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="lesson-offers-heading" data-testid="lesson-offers">
      <h2 id="lesson-offers-heading">{t('lesson.offersHeading')}</h2>
      <p className="muted">{t('lesson.offersHint')}</p>
      <ul className="stack">
        {items.map((offer) => <OfferRow key={offer.lessonId} courseId={courseId} offer={offer} />)}
      </ul>
    </section>
  );
}

function OfferRow({ courseId, offer }: { courseId: string; offer: LessonOffer }) {
  const { t, i18n } = useTranslation('billing');
  const navigate = useNavigate();
  const { busy, error, run } = useAction();
  const buy = () => run(async () => navigate(orderCheckoutPath((await orderLesson(offer.lessonId)).id)));
  return (
    <li className="row">
      <span>{offer.title}</span>
      {offer.owned
        ? <Link className="btn secondary small" to={lessonPath(courseId, offer.lessonId)}>{t('lesson.open')}</Link>
        : <Button small busy={busy} onClick={() => void buy()}>{t('lesson.buy', { price: formatMoney(offer.price.amountMinor, offer.price.currency, i18n.language) })}</Button>}
      <ProblemAlert error={error} />
    </li>
  );
}
