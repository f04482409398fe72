import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../api/use-resource';
import { ResourceView } from '../../../ui';
import { formatDateTime, shortId } from '../lib/dates';

/** Who submitted, approved, rejected, published or archived the item, newest last, with their comments. */
export function ItemReviewHistory({ itemId, nonce }: { itemId: string; nonce: number }) {
  const { t, i18n } = useTranslation('instructor');
  const history = useResource(() => unwrap(api.GET('/api/v1/items/{itemId}/review', { params: { path: { itemId } } })), [itemId, nonce]);
  return (
    <section className="card" aria-labelledby="item-history-heading">
      <h2 id="item-history-heading">{t('review.history')}</h2>
      <ResourceView resource={history}>
        {(data) => data.items.length === 0 ? <p className="muted">{t('review.none')}</p> : (
          <ol className="stack">
            {data.items.map((entry, index) => (
              <li key={index}>
                <strong>{t(`review.action.${entry.action}`)}</strong> · {formatDateTime(entry.at, i18n.language)}
                {entry.actorId ? ` · ${t('review.by', { id: shortId(entry.actorId) })}` : ''}
                {entry.version ? ` · ${t('review.version', { version: entry.version })}` : ''}
                {entry.comment ? <blockquote className="muted">{entry.comment}</blockquote> : null}
              </li>
            ))}
          </ol>
        )}
      </ResourceView>
    </section>
  );
}
