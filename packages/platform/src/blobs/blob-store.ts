import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/** What `put` accepts: a stream (an upload being received), any async iterable of bytes, or bytes in memory. */
export type BlobBody = Readable | AsyncIterable<Uint8Array> | Uint8Array;

export interface PutBlobOptions {
  /** Kept with the blob and returned by `stat`. */
  contentType?: string;
  /** Refuse bodies longer than this: the write stops at the first byte over and nothing is stored. */
  maxBytes?: number;
}

/** What the store measured while writing a blob. */
export interface StoredBlob {
  size: number;
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
}

/** A stored blob's description. */
export interface BlobInfo extends StoredBlob {
  contentType: string | undefined;
}

/** Bytes `start` through `end`, both inclusive as in HTTP ranges; `end` past the blob's last byte is clamped. */
export interface BlobRange {
  start: number;
  end?: number;
}

/**
 * Where services keep files (uploads, derivatives, exports): a local folder by default, in memory for tests.
 * Keys are slash-separated paths such as `tenants/<tenantId>/media/<id>/original`; callers put the tenant
 * first so a tenant's blobs can be found and erased together. Blobs are written whole and atomically: a
 * reader sees the old blob or the new one, never a part. A key cannot also be a prefix of another key.
 */
export interface BlobStore {
  readonly kind: 'folder' | 'memory';
  /** Stores `body` under `key`, replacing what was there; throws `BlobTooLargeError` past `maxBytes`. */
  put(key: string, body: BlobBody, options?: PutBlobOptions): Promise<StoredBlob>;
  /** The blob's bytes (or a range of them), or undefined when there is no such blob. */
  get(key: string, range?: BlobRange): Promise<Readable | undefined>;
  stat(key: string): Promise<BlobInfo | undefined>;
  /** Removes the blob; false when there was none. */
  delete(key: string): Promise<boolean>;
  /** Removes every blob whose key is `prefix` or starts with `prefix/` (a tenant's files on erasure). */
  deletePrefix(prefix: string): Promise<void>;
  close(): Promise<void>;
}

/** Thrown by `put` when the body is longer than its `maxBytes`. */
export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The blob is larger than ${maxBytes} bytes`);
    this.name = 'BlobTooLargeError';
  }
}

/** Thrown for a key that is not a plain relative path of safe segments. */
export class InvalidBlobKeyError extends TypeError {
  constructor(key: string) {
    super(`Invalid blob key: ${JSON.stringify(key.slice(0, 200))}`);
    this.name = 'InvalidBlobKeyError';
  }
}

// No leading dot (so no `.`, `..` or hidden files), no `~` (the folder store's own files use it), nothing
// a file system treats specially (`/`, `\`, `:`, NUL). Keys become file paths, so this is the first guard.
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.=-]{0,199}$/;
const MAX_KEY_LENGTH = 1024;
const MAX_SEGMENTS = 16;

/** The segments of a valid key; throws `InvalidBlobKeyError` for anything else. */
export function blobKeySegments(key: string): string[] {
  const segments = key.split('/');
  if (key.length > MAX_KEY_LENGTH || segments.length > MAX_SEGMENTS || !segments.every((s) => SEGMENT.test(s))) {
    throw new InvalidBlobKeyError(key);
  }
  return segments;
}

/**
 * Passes `body` through while hashing and counting it, failing with `BlobTooLargeError` at the first chunk
 * that goes past `maxBytes`; `result()` gives the size and digest once the body is fully consumed.
 */
export function measure(body: BlobBody, maxBytes = Number.POSITIVE_INFINITY): { bytes: AsyncIterable<Uint8Array>; result(): StoredBlob } {
  const hash = createHash('sha256');
  let size = 0;
  let sha256: string | undefined;
  const source: AsyncIterable<Uint8Array> = body instanceof Uint8Array ? oneChunk(body) : body;
  async function* bytes(): AsyncIterable<Uint8Array> {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) throw new BlobTooLargeError(maxBytes);
      hash.update(chunk);
      yield chunk;
    }
    sha256 = hash.digest('hex');
  }
  return {
    bytes: bytes(),
    result() {
      if (sha256 === undefined) throw new Error('The body was not fully read');
      return { size, sha256 };
    },
  };
}

async function* oneChunk(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

/** The key prefix under which every blob of `tenantId` lives; erasing the tenant deletes it whole. */
export function tenantBlobPrefix(tenantId: string): string {
  return `tenants/${tenantId}`;
}
