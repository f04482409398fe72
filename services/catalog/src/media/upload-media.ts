import { randomUUID } from 'node:crypto';
import { AppError, BlobTooLargeError, type ServiceContext, type StoredBlob } from '@tessera/platform';
import { deriveImage, type ImageDerivatives } from './image-derivatives.js';
import { mediaBlobKeys, safeFilename } from './media-files.js';
import { extractMediaMetadata, type MediaMetadata } from './media-metadata.js';
import { insertMedia, type NewMedia } from './media.repository.js';
import type { Media } from './media.schemas.js';
import type { MediaDatabase } from './media.table.js';
import { assertDeclaredTypeFits, detectMediaType, SNIFF_BYTES, type MediaKind, type MediaLimits } from './media-types.js';
import { peek } from './peek.js';

/** One upload as the route received it; `body` is still streaming in. */
export interface MediaUpload {
  tenantId: string;
  uploadedBy: string | null;
  body: AsyncIterable<Uint8Array>;
  /** The Content-Type the client declared; only checked for fitting the detected type. */
  declaredType: string | undefined;
  /** Content-Length, when sent: lets an oversize upload be refused before any byte is read. */
  declaredLength: number | undefined;
  filename: string | undefined;
}

/**
 * Stores an upload: recognises its type from its first bytes (415 unless allowed), streams it into the blob
 * store under that type's size limit (413), and for images records the dimensions and stores a thumbnail.
 * Video, audio and PDF files are read back for their duration, frame size or page count, which they may
 * lack without being refused. The row is written last; if anything fails, the blobs written so far are removed.
 */
export async function uploadMedia(context: ServiceContext, upload: MediaUpload, limits: MediaLimits): Promise<Media> {
  const largest = Math.max(...Object.values(limits));
  if (upload.declaredLength !== undefined && upload.declaredLength > largest) throw tooLarge(upload.declaredLength, largest);
  const { head, whole } = await peek(upload.body, SNIFF_BYTES);
  if (head.length === 0) throw new AppError('invalid', 'MEDIA.EMPTY', 'The upload has no content: send the file as the request body');
  const type = await detectMediaType(head);
  assertDeclaredTypeFits(upload.declaredType, type);
  const limit = limits[type.kind];
  if (upload.declaredLength !== undefined && upload.declaredLength > limit) throw tooLarge(upload.declaredLength, limit, type.kind);

  const id = randomUUID();
  const keys = mediaBlobKeys(upload.tenantId, id);
  // Images are at most a few megabytes: they are kept in memory for sharp while being stored.
  const imageChunks: Uint8Array[] | undefined = type.kind === 'image' ? [] : undefined;
  try {
    const original = await context.blobs.put(keys.original, collecting(whole, imageChunks), { contentType: type.mime, maxBytes: limit })
      .catch((error: unknown) => {
        throw error instanceof BlobTooLargeError ? tooLarge(undefined, limit, type.kind) : isAborted(error) ? incomplete() : error;
      });
    const image = imageChunks ? await deriveImage(Buffer.concat(imageChunks)) : undefined;
    const thumbnail = image && await context.blobs.put(keys.thumbnail, image.thumbnail.bytes, { contentType: 'image/webp' });
    const metadata = image ? undefined : await extractMediaMetadata({ blobs: context.blobs, key: keys.original, type, size: original.size }, context.logger);
    const row: NewMedia = {
      id,
      kind: type.kind,
      content_type: type.mime,
      filename: safeFilename(upload.filename, type, id),
      size_bytes: original.size,
      sha256: original.sha256,
      uploaded_by: upload.uploadedBy,
      ...describingColumns(image, metadata),
      ...thumbnailColumns(image, thumbnail),
    };
    return await context.db.withTenant<MediaDatabase, Media>(upload.tenantId, (tx) => insertMedia(tx, upload.tenantId, row));
  } catch (error) {
    await context.blobs.deletePrefix(keys.prefix).catch((cleanup: unknown) =>
      context.logger.warn({ err: cleanup, key: keys.prefix }, 'could not remove the blobs of a failed upload'));
    throw error;
  }
}

async function* collecting(source: AsyncIterable<Uint8Array>, into: Uint8Array[] | undefined): AsyncIterable<Uint8Array> {
  for await (const chunk of source) {
    into?.push(chunk);
    yield chunk;
  }
}

function describingColumns(image: ImageDerivatives | undefined, metadata: MediaMetadata | undefined) {
  return {
    width: image?.width ?? metadata?.width ?? null,
    height: image?.height ?? metadata?.height ?? null,
    duration_seconds: metadata?.durationSeconds ?? null,
    page_count: metadata?.pageCount ?? null,
  };
}

function thumbnailColumns(image: ImageDerivatives | undefined, thumbnail: StoredBlob | undefined) {
  return {
    thumbnail_sha256: thumbnail?.sha256 ?? null,
    thumbnail_size: thumbnail?.size ?? null,
    thumbnail_width: image?.thumbnail.width ?? null,
    thumbnail_height: image?.thumbnail.height ?? null,
  };
}

/** The client closed the connection mid-upload: its fault, not a server error. */
function isAborted(error: unknown): boolean {
  return error instanceof Error && ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || error.message === 'aborted');
}

function incomplete(): AppError {
  return new AppError('invalid', 'MEDIA.UPLOAD_INCOMPLETE', 'The upload ended before the whole file arrived');
}

function tooLarge(size: number | undefined, limit: number, kind?: MediaKind): AppError {
  const what = kind ? `${kind} files` : 'uploads';
  return new AppError('too_large', 'MEDIA.TOO_LARGE',
    `The file${size === undefined ? '' : ` (${size} bytes)`} is larger than the ${limit} bytes allowed for ${what}`, { limit, kind: kind ?? null });
}
