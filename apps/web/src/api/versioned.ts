import { unwrap } from './client';

/** Data read with the ETag a later If-Match write must send back. */
export interface Versioned<T> {
  data: T;
  etag: string;
}

/** Like `unwrap`, but keeps the response's ETag for optimistic concurrency. */
export async function withEtag<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Versioned<T>> {
  let response: Response | undefined;
  const data = await unwrap(call.then((result) => {
    response = result.response;
    return result;
  }));
  return { data, etag: response?.headers.get('etag') ?? '' };
}

/** The ETag the API gives a resource at `version` (its lists carry versions, not ETags). */
export function etagOf(version: number): string {
  return `"${version}"`;
}
