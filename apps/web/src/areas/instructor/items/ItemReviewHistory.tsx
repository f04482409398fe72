import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../api/use-resource';
import { ReviewHistory } from '../components/ReviewHistory';

/** The item's review history in a card of its own, read again when `nonce` changes (after each step). */
export function ItemReviewHistory({ itemId, nonce }: { itemId: string; nonce: number }) {
  const { t } = useTranslation('instructor');
  const history = useResource(() => unwrap(api.GET('/api/v1/items/{itemId}/review', { params: { path: { itemId } } })), [itemId, nonce]);
  return (
    <section className="card" aria-labelledby="item-history-heading">
      <h2 id="item-history-heading">{t('review.history')}</h2>
      <ReviewHistory history={history} />
    </section>
  );
}
