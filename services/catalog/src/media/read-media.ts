import { AppError, type Database } from '@tessera/platform';
import { attachmentDisposition, mediaBlobKeys } from './media-files.js';
import { findMedia } from './media.repository.js';
import type { Media } from './media.schemas.js';
import type { MediaDatabase } from './media.table.js';
import type { BlobRepresentation } from './serve-blob.js';

/** The tenant's media with `id`; 404 when the tenant has none (another tenant's id included). */
export async function getMedia(db: Database, tenantId: string, id: string): Promise<Media> {
  const media = await db.withTenant<MediaDatabase, Media | undefined>(tenantId, (tx) => findMedia(tx, tenantId, id));
  if (!media) throw new AppError('not_found', 'MEDIA.NOT_FOUND', `No media ${id}`);
  return media;
}

/** The original file; documents are offered as downloads, media is shown inline. */
export function originalOf(tenantId: string, media: Media): BlobRepresentation {
  return {
    key: mediaBlobKeys(tenantId, media.id).original,
    size: media.size,
    sha256: media.sha256,
    contentType: media.contentType,
    disposition: media.kind === 'document' ? attachmentDisposition(media.filename) : undefined,
  };
}

/** The thumbnail; 404 for media that has none (anything but images). */
export function thumbnailOf(tenantId: string, media: Media): BlobRepresentation {
  if (!media.thumbnail) throw new AppError('not_found', 'MEDIA.NO_THUMBNAIL', `Media ${media.id} has no thumbnail (only images have one)`);
  const { size, sha256, contentType } = media.thumbnail;
  return { key: mediaBlobKeys(tenantId, media.id).thumbnail, size, sha256, contentType };
}
