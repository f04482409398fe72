import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, ProblemAlert } from '../../../ui';
import { useMedia } from './media';

const POSITION_KEY = (mediaId: string) => `tessera.video-position.${mediaId}`;
const SAVE_EVERY_S = 5;
const MAX_LINK_RENEWALS = 3;

/**
 * A video (or audio) file in the browser's own player, streamed through a signed link. The API keeps no
 * playback position, so this browser remembers where the student stopped and starts there next time; when
 * the link expires mid-lesson the player gets a new one and carries on from the same second.
 */
export function VideoBlock({ mediaId, title }: { mediaId: string; title: string | null }) {
  const { t } = useTranslation('student');
  const { state, renewLink } = useMedia(mediaId);
  const lastSaved = useRef(0);
  const renewals = useRef(0);
  if (state.status === 'loading') return <Loading label={t('lesson.loadingVideo')} />;
  if (state.status === 'error') return <ProblemAlert error={state.error} />;
  const { media, url } = state;
  const label = title ?? media.filename;

  const resume = (element: HTMLMediaElement) => {
    const saved = Number(globalThis.localStorage?.getItem(POSITION_KEY(mediaId)) ?? 0);
    if (saved > 0 && Number.isFinite(element.duration) && saved < element.duration - 2) element.currentTime = saved;
  };
  const remember = (element: HTMLMediaElement) => {
    if (Math.abs(element.currentTime - lastSaved.current) < SAVE_EVERY_S) return;
    lastSaved.current = element.currentTime;
    globalThis.localStorage?.setItem(POSITION_KEY(mediaId), String(Math.floor(element.currentTime)));
  };
  const forget = () => globalThis.localStorage?.removeItem(POSITION_KEY(mediaId));
  const renewExpiredLink = (element: HTMLMediaElement) => {
    // A few renewals at most: an error that a fresh link does not cure is shown by the player itself.
    if (renewals.current >= MAX_LINK_RENEWALS) return;
    renewals.current += 1;
    globalThis.localStorage?.setItem(POSITION_KEY(mediaId), String(Math.floor(element.currentTime)));
    renewLink();
  };
  const handlers = {
    onError: (event: { currentTarget: HTMLMediaElement }) => renewExpiredLink(event.currentTarget),
    onLoadedMetadata: (event: { currentTarget: HTMLMediaElement }) => resume(event.currentTarget),
    onTimeUpdate: (event: { currentTarget: HTMLMediaElement }) => remember(event.currentTarget),
    onEnded: forget,
  };

  return (
    <figure className="media-figure">
      {media.kind === 'audio' ? (
        <audio controls preload="metadata" src={url} aria-label={label} {...handlers} />
      ) : (
        <video controls preload="metadata" src={url} aria-label={label} width={media.width ?? undefined} height={media.height ?? undefined} {...handlers} />
      )}
      <figcaption className="muted small">{label}</figcaption>
    </figure>
  );
}
