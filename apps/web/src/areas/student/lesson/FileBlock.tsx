import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaLinks } from '../../../api/media-links';
import { asApiError, type ApiError } from '../../../api/problem';
import { Button, Loading, ProblemAlert } from '../../../ui';
import { useFormat } from '../components/format';
import { useMedia } from './media';

/** A file to download; images are shown in place. */
export function FileBlock({ mediaId, title }: { mediaId: string; title: string | null }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  const { state } = useMedia(mediaId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ProblemAlert error={state.error} />;
  const { media, url } = state;

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      // A fresh link: the one the page loaded with may have expired while the student read.
      const link = document.createElement('a');
      link.href = (await mediaLinks(mediaId)).contentUrl;
      link.download = media.filename;
      link.click();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      {media.kind === 'image' && url ? <img className="lesson-image" src={url} alt={title ?? media.filename} width={media.width ?? undefined} height={media.height ?? undefined} /> : null}
      <div className="row">
        <Button variant="secondary" busy={busy} onClick={download}>{t('lesson.download', { name: media.filename })}</Button>
        <span className="muted small">{format.bytes(media.size)}{media.pageCount ? ` · ${t('lesson.pages', { count: media.pageCount })}` : ''}</span>
      </div>
      <ProblemAlert error={error} />
    </div>
  );
}
