import { Readable } from 'node:stream';
import { blobKeySegments, measure } from './blob-store.js';
import type { BlobBody, BlobInfo, BlobRange, BlobStore, PutBlobOptions, StoredBlob } from './blob-store.js';

/** Blobs kept in this process only: tests and `memory://` data folders. Same rules as the folder store. */
export class MemoryBlobStore implements BlobStore {
  readonly kind = 'memory' as const;
  private readonly blobs = new Map<string, { bytes: Buffer; info: BlobInfo }>();

  async put(key: string, body: BlobBody, options: PutBlobOptions = {}): Promise<StoredBlob> {
    blobKeySegments(key);
    const measured = measure(body, options.maxBytes);
    const chunks: Uint8Array[] = [];
    for await (const chunk of measured.bytes) chunks.push(chunk);
    const stored = measured.result();
    this.blobs.set(key, { bytes: Buffer.concat(chunks), info: { ...stored, contentType: options.contentType } });
    return stored;
  }

  async get(key: string, range?: BlobRange): Promise<Readable | undefined> {
    blobKeySegments(key);
    const blob = this.blobs.get(key);
    if (!blob) return undefined;
    const bytes = range ? blob.bytes.subarray(range.start, range.end === undefined ? undefined : range.end + 1) : blob.bytes;
    return Readable.from([bytes]);
  }

  async stat(key: string): Promise<BlobInfo | undefined> {
    blobKeySegments(key);
    const blob = this.blobs.get(key);
    return blob && { ...blob.info };
  }

  async delete(key: string): Promise<boolean> {
    blobKeySegments(key);
    return this.blobs.delete(key);
  }

  async deletePrefix(prefix: string): Promise<void> {
    blobKeySegments(prefix);
    for (const key of [...this.blobs.keys()]) {
      if (key === prefix || key.startsWith(`${prefix}/`)) this.blobs.delete(key);
    }
  }

  async close(): Promise<void> {}
}
