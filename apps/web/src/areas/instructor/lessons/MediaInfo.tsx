import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { mediaLinks } from '../../../api/media-links';
import { useResource } from '../../../api/use-resource';
import { ResourceView } from '../../../ui';
import type { Media } from '../lib/upload';

/** What an uploaded file is (kind, name, size, duration) and, for images, its thumbnail (by signed link). */
export function MediaInfo({ mediaId }: { mediaId: string }) {
  const { t } = useTranslation('instructor');
  const media = useResource(() => unwrap(api.GET('/api/v1/media/{mediaId}', { params: { path: { mediaId } } })), [mediaId]);
  return (
    <ResourceView resource={media}>
      {(data) => (
        <div className="row">
          {data.thumbnail ? <Thumbnail media={data} /> : null}
          <div>
            <strong>{data.filename}</strong>
            <div className="muted">{t(`media.kind.${data.kind}`)} · {formatSize(data.size)}{data.durationSeconds ? ` · ${t('media.duration', { seconds: Math.round(data.durationSeconds) })}` : ''}{data.pageCount ? ` · ${t('media.pages', { count: data.pageCount })}` : ''}</div>
          </div>
        </div>
      )}
    </ResourceView>
  );
}

function Thumbnail({ media }: { media: Media }) {
  const { t } = useTranslation('instructor');
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    mediaLinks(media.id).then((links) => live && setUrl(links.thumbnailUrl), () => undefined);
    return () => {
      live = false;
    };
  }, [media.id]);
  return url ? <img src={url} alt={t('media.thumbnailOf', { name: media.filename })} width={96} /> : null;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
