import { AppError } from '@tessera/platform';
import sharp, { type SharpOptions } from 'sharp';

/** The longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 320;

// A 10 MB file can declare a 100,000 × 100,000 canvas (a decompression bomb); 50 megapixels is already
// larger than any photo a lesson needs. Sharp checks the declared size before decoding anything.
const DECODE_OPTIONS: SharpOptions = { limitInputPixels: 50_000_000, autoOrient: true, failOn: 'warning' };

/** What an image upload yields besides its bytes. */
export interface ImageDerivatives {
  /** As displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** A WebP thumbnail with no metadata at all (EXIF, GPS position, camera serials are dropped). */
  thumbnail: { bytes: Buffer; width: number; height: number };
}

/** Reads an image's dimensions and renders its thumbnail; 422 for an image that cannot be decoded. */
export async function deriveImage(bytes: Buffer): Promise<ImageDerivatives> {
  try {
    const metadata = await sharp(bytes, DECODE_OPTIONS).metadata();
    // Sharp writes no metadata unless asked to (`keepMetadata`), which is what strips EXIF here.
    const { data, info } = await sharp(bytes, DECODE_OPTIONS)
      .resize({ width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { ...metadata.autoOrient, thumbnail: { bytes: data, width: info.width, height: info.height } };
  } catch (error) {
    throw unreadableImage(error);
  }
}

function unreadableImage(error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(reason)) {
    return new AppError('too_large', 'MEDIA.IMAGE_DIMENSIONS_TOO_LARGE', 'The image has more than 50 megapixels');
  }
  return new AppError('unprocessable', 'MEDIA.IMAGE_UNREADABLE', 'The file looks like an image but could not be decoded');
}
