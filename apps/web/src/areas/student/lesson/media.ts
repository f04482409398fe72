import { useCallback, useEffect, useState } from 'react';
import { mediaLinks } from '../../../api/media-links';
import { api, unwrap } from '../../../api/client';
import { asApiError, type ApiError } from '../../../api/problem';
import type { Media } from '../api-types';

export function mediaInfo(mediaId: string): Promise<Media> {
  return unwrap(api.GET('/api/v1/media/{mediaId}', { params: { path: { mediaId } } }));
}

export type MediaState = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; media: Media; url: string };

/**
 * The file's metadata and a signed link to its content, which the browser streams (ranges, seeking) without
 * a bearer token. `renewLink()` asks for a fresh link when the old one has expired (links live 15 minutes).
 */
export function useMedia(mediaId: string): { state: MediaState; renewLink: () => void } {
  const [state, setState] = useState<MediaState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    Promise.all([mediaInfo(mediaId), mediaLinks(mediaId)]).then(
      ([media, links]) => live && setState({ status: 'ready', media, url: links.contentUrl }),
      (error: unknown) => live && setState({ status: 'error', error: asApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [mediaId, generation]);
  const renewLink = useCallback(() => setGeneration((n) => n + 1), []);
  return { state, renewLink };
}
