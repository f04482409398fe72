import { API_ORIGIN, api, unwrap } from './client';

export interface MediaLinks {
  /** Absolute URL of the file: works in `<video src>`, `<img src>` and `<a href download>` until `expiresAt`. */
  contentUrl: string;
  thumbnailUrl: string | null;
  expiresAt: Date;
}

/**
 * Signed links to a media file. Browsers cannot send the bearer token from `<video>` or `<img>`, so the API
 * hands out short-lived links instead (15 minutes); ask again when one has expired — a video does so when
 * its element reports an error, and resumes where it was.
 */
export async function mediaLinks(mediaId: string): Promise<MediaLinks> {
  const links = await unwrap(api.GET('/api/v1/media/{mediaId}/links', { params: { path: { mediaId } } }));
  return {
    contentUrl: `${API_ORIGIN}${links.contentUrl}`,
    thumbnailUrl: links.thumbnailUrl ? `${API_ORIGIN}${links.thumbnailUrl}` : null,
    expiresAt: new Date(links.expiresAt),
  };
}
