import { Readable } from 'node:stream';
import type { BlobRange, BlobStore, Logger } from '@tessera/platform';
import { parseStream } from 'music-metadata';
import { PDFDocument } from 'pdf-lib';
import type { MediaType } from './media-types.js';
import { readMp4Movie } from './mp4-movie.js';

/** What is recorded about a video, audio or PDF file; null wherever the file does not say, or could not be read. */
export interface MediaMetadata {
  /** Seconds, to the millisecond. */
  durationSeconds: number | null;
  /** A video's frame size. */
  width: number | null;
  height: number | null;
  pageCount: number | null;
}

/** A stored original to describe. */
export interface StoredOriginal {
  blobs: BlobStore;
  key: string;
  type: MediaType;
  size: number;
}

export const NO_METADATA: MediaMetadata = Object.freeze({ durationSeconds: null, width: null, height: null, pageCount: null });

const MP4_TYPES = new Set(['video/mp4', 'video/x-m4v', 'audio/mp4', 'audio/x-m4a']);
// The largest value of the int columns.
const MAX_INT = 2 ** 31 - 1;

/**
 * Reads a stored video, audio or PDF file for its duration, frame size or page count. Never throws: a file
 * that passed type detection but cannot be parsed is still worth keeping, so it gets no metadata and a warning.
 */
export async function extractMediaMetadata(original: StoredOriginal, logger: Logger): Promise<MediaMetadata> {
  try {
    return fitting({ ...NO_METADATA, ...(await readMetadata(original)) });
  } catch (error) {
    logger.warn({ err: error, contentType: original.type.mime, key: original.key }, 'could not read the metadata of an uploaded file');
    return NO_METADATA;
  }
}

async function readMetadata(original: StoredOriginal): Promise<Partial<MediaMetadata>> {
  const { kind, mime } = original.type;
  if (kind === 'document') return readPdf(original);
  if (MP4_TYPES.has(mime)) return readMp4Movie((start, length) => readBytes(original, start, length), original.size);
  if (kind === 'video' || kind === 'audio') return readWithMusicMetadata(original);
  return {};
}

/**
 * Duration and frame size as music-metadata finds them (WebM/Matroska, Ogg, MP3, WAV). It reads the stream
 * only as far as it needs, which is the whole file at most, a chunk at a time.
 */
async function readWithMusicMetadata(original: StoredOriginal): Promise<Partial<MediaMetadata>> {
  const stored = await openBlob(original);
  // music-metadata asks for sized reads, which an object-mode stream (the memory store's) would not honour.
  const bytes = Readable.from(stored, { objectMode: false });
  try {
    const { format } = await parseStream(bytes, { mimeType: original.type.mime, size: original.size }, {
      // Ogg gives its length only in its last page: reaching it means reading page headers, which is cheap.
      // Elsewhere a full scan would mean counting every frame of an MP3 without a Xing header; such a file
      // has no duration, unless it has a constant bitrate (estimated from its size).
      duration: original.type.mime.includes('ogg'),
      skipCovers: true,
      skipPostHeaders: true,
    });
    const video = format.trackInfo.find((track) => track.video?.pixelWidth && track.video.pixelHeight)?.video;
    return { durationSeconds: format.duration ?? null, width: video?.pixelWidth ?? null, height: video?.pixelHeight ?? null };
  } finally {
    // The parser may stop before the end; the file must not stay open until the stream is collected.
    bytes.destroy();
    stored.destroy();
  }
}

/** The page count; pdf-lib parses the whole document, so it is read into memory (documents are at most 50 MB). */
async function readPdf(original: StoredOriginal): Promise<Partial<MediaMetadata>> {
  const bytes = await readBytes(original, 0, original.size);
  // The page tree of an encrypted PDF is readable without its password; and the file is only read, not saved.
  const document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  return { pageCount: document.getPageCount() };
}

async function readBytes(original: StoredOriginal, start: number, length: number): Promise<Buffer> {
  if (length <= 0) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of await openBlob(original, { start, end: start + length - 1 })) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function openBlob(original: StoredOriginal, range?: BlobRange): Promise<Readable> {
  const stream = await original.blobs.get(original.key, range);
  if (!stream) throw new Error(`The stored file ${original.key} is missing`);
  return stream;
}

/** Only values the columns take: a parser's odd answer (NaN, a negative length) is as good as none. */
function fitting(metadata: MediaMetadata): MediaMetadata {
  const { durationSeconds, width, height, pageCount } = metadata;
  const hasFrame = isCount(width, 1) && isCount(height, 1);
  return {
    durationSeconds: toMilliseconds(durationSeconds),
    width: hasFrame ? width : null,
    height: hasFrame ? height : null,
    pageCount: isCount(pageCount, 0) ? pageCount : null,
  };
}

function toMilliseconds(seconds: number | null): number | null {
  const rounded = seconds !== null && Number.isFinite(seconds) ? Math.round(seconds * 1000) / 1000 : 0;
  return rounded > 0 ? rounded : null;
}

function isCount(value: number | null, minimum: number): value is number {
  return value !== null && Number.isInteger(value) && value >= minimum && value <= MAX_INT;
}
