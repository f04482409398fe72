import { useEffect, useState } from 'react';
import { API_ORIGIN, api, authHeaders, unwrap } from '../../../api/client';
import { ApiError, asApiError, toProblem } from '../../../api/problem';
import type { Media } from '../api-types';

export function mediaInfo(mediaId: string): Promise<Media> {
  return unwrap(api.GET('/api/v1/media/{mediaId}', { params: { path: { mediaId } } }));
}

/**
 * The file's bytes as an object URL. Media content needs the bearer token, which <video src> and <a href>
 * cannot send, so the file is fetched with it and handed to the element as a blob.
 */
export async function mediaObjectUrl(mediaId: string, signal?: AbortSignal): Promise<string> {
  const response = await fetch(`${API_ORIGIN}/api/v1/media/${encodeURIComponent(mediaId)}/content`, { headers: await authHeaders(), ...(signal ? { signal } : {}) });
  if (!response.ok) throw new ApiError(toProblem(await response.json().catch(() => null), response));
  return URL.createObjectURL(await response.blob());
}

export type MediaState = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; media: Media; url: string | null };

/** Metadata, and (when `withContent`) the content as an object URL released when the block goes away. */
export function useMedia(mediaId: string, withContent: (media: Media) => boolean): MediaState {
  const [state, setState] = useState<MediaState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    let url: string | null = null;
    (async () => {
      const media = await mediaInfo(mediaId);
      if (withContent(media)) url = await mediaObjectUrl(mediaId, controller.signal);
      if (!controller.signal.aborted) setState({ status: 'ready', media, url });
    })().catch((error: unknown) => {
      if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(error) });
    });
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
    // `withContent` is a rule fixed per block kind.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mediaId]);
  return state;
}
