import { AppError, type BlobStore } from '@tessera/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ifRangeHolds, noneMatchHits, parseRange } from './byte-ranges.js';

/** One stored representation to send: where its bytes are and what the client is told about them. */
export interface BlobRepresentation {
  key: string;
  size: number;
  sha256: string;
  contentType: string;
  /** `Content-Disposition`, for files the browser should download rather than show. */
  disposition?: string;
}

// The bytes behind a media id never change, so clients and the browser cache may keep them for good; but
// they belong to one tenant, so no shared cache (CDN, proxy) may.
const CACHE_CONTROL = 'private, max-age=31536000, immutable';
// Opened directly, a file gets no script, plugin or same-origin access, whatever it turns out to contain.
const CONTENT_SECURITY_POLICY = "default-src 'none'; media-src 'self'; img-src 'self'; sandbox";

/**
 * Sends stored bytes with validators and ranges: 304 when `If-None-Match` has the ETag (the SHA-256),
 * 206 with `Content-Range` for one satisfiable range, 416 (naming the size) for a bad one, else 200.
 */
export async function sendBlob(request: FastifyRequest, reply: FastifyReply, blobs: BlobStore, blob: BlobRepresentation): Promise<FastifyReply> {
  const etag = `"${blob.sha256}"`;
  if (noneMatchHits(request.headers['if-none-match'], etag)) {
    return reply.code(304).header('etag', etag).header('cache-control', CACHE_CONTROL).send();
  }
  const range = ifRangeHolds(single(request.headers['if-range']), etag) ? parseRange(request.headers.range, blob.size) : { kind: 'whole' as const };
  if (range.kind === 'unsatisfiable') {
    reply.header('content-range', `bytes */${blob.size}`);
    throw new AppError('range_not_satisfiable', 'MEDIA.RANGE_NOT_SATISFIABLE',
      `The Range header must ask for bytes within the ${blob.size} of this file, e.g. "bytes=0-1023"`, { size: blob.size });
  }
  const span = range.kind === 'range' ? range : { start: 0, end: blob.size - 1 };
  // Opened before any header is set, so a failure is an ordinary problem response, not one marked immutable.
  // A HEAD request gets the headers only: no file is opened.
  const bytes = request.method === 'HEAD' ? undefined : await blobs.get(blob.key, span);
  if (request.method !== 'HEAD' && !bytes) throw missingBytes(blob.key);
  reply.header('etag', etag).header('cache-control', CACHE_CONTROL).header('accept-ranges', 'bytes')
    .header('x-content-type-options', 'nosniff').header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('content-length', span.end - span.start + 1).type(blob.contentType);
  if (blob.disposition) reply.header('content-disposition', blob.disposition);
  if (range.kind === 'range') reply.code(206).header('content-range', `bytes ${span.start}-${span.end}/${blob.size}`);
  return reply.send(bytes);
}

/** A header Node may give as a list when sent twice: only an unambiguous single value counts. */
function single(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? (header.length === 1 ? header[0] : '') : header;
}

function missingBytes(key: string): AppError {
  return new AppError('unavailable', 'MEDIA.CONTENT_UNAVAILABLE', `The stored bytes of this media are not available (${key.split('/').slice(-1)[0]})`);
}
