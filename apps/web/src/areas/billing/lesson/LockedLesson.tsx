import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { asApiError } from '../../../api/problem';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { Alert, Button, Loading, ProblemAlert } from '../../../ui';
import { fetchLessonOffers, orderLesson } from '../lesson-api';
import { formatMoney } from '../money';
import { coursePath, orderCheckoutPath } from '../paths';
import { pollUntil } from '../poll';

/** The problem code catalog answers for a paid course's lesson the caller may not open. */
export const CONTENT_LOCKED = 'CATALOG.CONTENT_LOCKED';
/** How long a bought lesson is waited for: catalog hears of the payment from an event, a moment later. */
const OPEN_WAIT_MS = 20_000;

/**
 * A lesson of a paid course the student may not open yet: buy it on its own (when it is sold so) or see the
 * course to buy a place. A lesson already bought, or a place just taken (`placeTaken`), opens as soon as catalog
 * knows (`onOpened`).
 */
export function LockedLesson({ courseId, lessonId, placeTaken, onOpened }: { courseId: string; lessonId: string; placeTaken: boolean; onOpened: () => void }) {
  const { t, i18n } = useTranslation('billing');
  const navigate = useNavigate();
  const offers = useResource(() => (placeTaken ? Promise.resolve([]) : fetchLessonOffers(courseId)), [courseId, placeTaken]);
  const { busy, error, run } = useAction();
  if (placeTaken) return <OpeningLesson lessonId={lessonId} onOpened={onOpened} />;
  if (offers.state.status === 'loading') return <Loading />;
  const offer = offers.state.data?.find((candidate) => candidate.lessonId === lessonId);
  if (offer?.owned) return <OpeningLesson lessonId={lessonId} onOpened={onOpened} />;
  const buy = () => run(async () => {
    try {
      navigate(orderCheckoutPath((await orderLesson(lessonId)).id));
    } catch (failure) {
      // Bought or enrolled meanwhile (another tab): the lesson is the caller's, so look again.
      if (!['BILLING.LESSON_OWNED', 'BILLING.ALREADY_ENROLLED'].includes(asApiError(failure).code ?? '')) throw failure;
      onOpened();
    }
  });
  return (
    <section className="card" aria-labelledby="locked-heading" data-testid="locked-lesson">
      <h2 id="locked-heading">{t('lesson.lockedHeading')}</h2>
      <p>{t('lesson.locked')}</p>
      <ProblemAlert error={offers.state.error ?? error} />
      <div className="row">
        {offer ? <Button busy={busy} onClick={() => void buy()}>{t('lesson.buy', { price: formatMoney(offer.price.amountMinor, offer.price.currency, i18n.language) })}</Button> : null}
        <Link className={offer ? 'btn secondary' : 'btn'} to={coursePath(courseId)}>{t('lesson.seeCourse')}</Link>
      </div>
    </section>
  );
}

/** Bought: waits until catalog opens the lesson, then shows it; says so when it takes too long. */
function OpeningLesson({ lessonId, onOpened }: { lessonId: string; onOpened: () => void }) {
  const { t } = useTranslation('billing');
  const [late, setLate] = useState(false);
  useEffect(() => {
    let live = true;
    pollUntil(async () => {
      try {
        await unwrap(api.GET('/api/v1/lessons/{lessonId}', { params: { path: { lessonId } } }));
        return true;
      } catch (error) {
        if (asApiError(error).code !== CONTENT_LOCKED) throw error;
        return undefined;
      }
    }, { timeoutMs: OPEN_WAIT_MS, intervalMs: 500, live: () => live }).then(
      (opened) => live && (opened ? onOpened() : setLate(true)),
      () => live && setLate(true),
    );
    return () => {
      live = false;
    };
  }, [lessonId, onOpened]);
  if (!late) return <Loading label={t('lesson.opening')} />;
  return <Alert tone="info">{t('lesson.openingLate')} <Button variant="secondary" onClick={onOpened}>{t('lesson.lookAgain')}</Button></Alert>;
}
