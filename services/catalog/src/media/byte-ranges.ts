/** What a `Range` header asks of a representation of `size` bytes (RFC 9110 §14). */
export type RangeRequest =
  | { kind: 'whole' }
  | { kind: 'range'; start: number; end: number }
  | { kind: 'unsatisfiable' };

const WHOLE: RangeRequest = { kind: 'whole' };
const UNSATISFIABLE: RangeRequest = { kind: 'unsatisfiable' };
// Up to 15 digits keeps every number exact in a double; longer is past any file we store anyway.
const BYTE_RANGE = /^(\d{0,15})-(\d{0,15})$/;

/**
 * Reads a `bytes=` range: `first-last`, `first-` (open-ended) or `-suffix` (the last bytes). A malformed
 * `bytes=` range, or one that starts past the end, is unsatisfiable (416). Other units are ignored, as
 * RFC 9110 requires; so is a list of several ranges: sending the whole representation is always allowed,
 * and multipart/byteranges is not worth its cost for media players, which ask for one range at a time.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return WHOLE;
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!match) return WHOLE;
  const specs = (match[1] ?? '').split(',').map((spec) => spec.trim());
  if (specs.length > 1) return specs.every((spec) => BYTE_RANGE.test(spec)) ? WHOLE : UNSATISFIABLE;
  const parts = BYTE_RANGE.exec(specs[0] ?? '');
  if (!parts) return UNSATISFIABLE;
  const [, first = '', last = ''] = parts;
  if (first === '' && last === '') return UNSATISFIABLE;
  if (first === '') {
    const suffix = Number(last);
    return suffix === 0 || size === 0 ? UNSATISFIABLE : { kind: 'range', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return UNSATISFIABLE;
  if (start >= size) return UNSATISFIABLE;
  return { kind: 'range', start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

/** Whether `If-None-Match` lists `etag` (weak comparison, as RFC 9110 §13.1.2 asks) or is `*`. */
export function noneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * Whether a range request may be served as a range: without `If-Range`, yes; with it, only if it is our
 * current strong ETag (a date or another tag means the client's partial copy is stale: send it all).
 */
export function ifRangeHolds(header: string | undefined, etag: string): boolean {
  return header === undefined || header.trim() === etag;
}
