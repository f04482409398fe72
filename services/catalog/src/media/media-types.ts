import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '@tessera/platform';

/** How a media file is treated: images get metadata and a thumbnail; documents are served as downloads. */
export type MediaKind = 'image' | 'video' | 'audio' | 'document';

/** An accepted file type, as recognised from the file's first bytes. */
export interface MediaType {
  kind: MediaKind;
  /** The Content-Type it is stored and served with. */
  mime: string;
  /** Extensions a filename of this type may end with; the first is used when a name has none that fits. */
  extensions: readonly string[];
}

/** Largest upload per kind, in bytes. */
export type MediaLimits = Readonly<Record<MediaKind, number>>;

const MB = 1024 * 1024;

/** Default size limits: images 10 MB, video 500 MB, audio and documents 50 MB. */
export const MEDIA_LIMITS: MediaLimits = { image: 10 * MB, video: 500 * MB, audio: 50 * MB, document: 50 * MB };

/**
 * The allow-list, keyed by the MIME type `file-type` reports. Text formats (SVG, HTML, XML) are absent on
 * purpose: they can carry script, and they have no magic bytes to recognise them by.
 */
const ACCEPTED: Readonly<Record<string, MediaType>> = Object.fromEntries(([
  ['image', 'image/png', ['png']],
  ['image', 'image/apng', ['png', 'apng']],
  ['image', 'image/jpeg', ['jpg', 'jpeg']],
  ['image', 'image/gif', ['gif']],
  ['image', 'image/webp', ['webp']],
  ['video', 'video/mp4', ['mp4', 'm4v']],
  ['video', 'video/x-m4v', ['m4v', 'mp4']],
  ['video', 'video/webm', ['webm']],
  ['video', 'video/ogg', ['ogv', 'ogg']],
  ['audio', 'audio/mpeg', ['mp3']],
  ['audio', 'audio/ogg', ['ogg', 'oga']],
  ['audio', 'audio/ogg; codecs=opus', ['opus', 'ogg']],
  ['audio', 'audio/wav', ['wav']],
  ['audio', 'audio/mp4', ['m4a', 'mp4']],
  ['audio', 'audio/x-m4a', ['m4a']],
  ['document', 'application/pdf', ['pdf']],
] as const).map(([kind, mime, extensions]) => [mime, { kind, mime, extensions }]));

/** How many leading bytes type detection looks at: `file-type` needs about 4 kB; ID3 tags push MP3 frames further. */
export const SNIFF_BYTES = 64 * 1024;

/** The accepted type of a file from its first bytes; 415 for anything unrecognised or not on the allow-list. */
export async function detectMediaType(head: Uint8Array): Promise<MediaType> {
  const detected = await fileTypeFromBuffer(head);
  const accepted = detected && ACCEPTED[detected.mime];
  if (accepted) return accepted;
  throw new AppError('unsupported_media_type', 'MEDIA.TYPE_NOT_ALLOWED',
    detected
      ? `Files of type ${detected.mime} are not accepted`
      : 'The file type could not be recognised from its content (SVG, HTML and other text files are not accepted)',
    { detectedType: detected?.mime ?? null, acceptedTypes: [...new Set(Object.keys(ACCEPTED))] });
}

/**
 * Refuses an upload whose declared Content-Type names another family (`image/png` for a PDF): the client
 * would embed it as something it is not. Within a family the content wins (a "PNG" that is a JPEG is stored
 * as image/jpeg); a generic or missing declaration says nothing.
 */
export function assertDeclaredTypeFits(declared: string | undefined, type: MediaType): void {
  const base = declared?.split(';')[0]?.trim().toLowerCase();
  if (!base || base === 'application/octet-stream') return;
  if (familyOf(base) === familyOf(type.mime)) return;
  throw new AppError('unsupported_media_type', 'MEDIA.TYPE_MISMATCH',
    `The file was sent as ${base} but its content is ${type.mime}`, { declaredType: base, detectedType: type.mime });
}

// Audio and video share containers (MP4, Ogg, WebM), so a declared audio type fits a video file and back.
function familyOf(mime: string): string {
  const top = mime.split('/')[0] ?? '';
  return top === 'audio' || top === 'video' || mime === 'application/ogg' ? 'audio-video' : top;
}
