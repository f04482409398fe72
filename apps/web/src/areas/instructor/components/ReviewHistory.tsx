import { useTranslation } from 'react-i18next';
import type { ResourceHandle } from '../../../api/use-resource';
import { ResourceView } from '../../../ui';
import type { ResponseOf } from '../lib/api-types';
import { formatDateTime, shortId } from '../lib/dates';

type ReviewLog = ResponseOf<'/api/v1/courses/{courseId}/review', 'get'> | ResponseOf<'/api/v1/items/{itemId}/review', 'get'>;

/** Who submitted, approved, rejected, published or archived a course or an item, newest last, with their comments. */
export function ReviewHistory({ history }: { history: ResourceHandle<ReviewLog> }) {
  const { t, i18n } = useTranslation('instructor');
  return (
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
  );
}
