import { unwrap } from '../../../api/client';

/** A typed call's data with the ETag it came with, for a later write's `If-Match`. */
export async function withEtag<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<{ data: T; etag: string }> {
  let etag = '';
  const data = await unwrap(call.then((result) => {
    etag = result.response.headers.get('etag') ?? '';
    return result;
  }));
  return { data, etag };
}
