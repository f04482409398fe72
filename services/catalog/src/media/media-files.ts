import { tenantBlobPrefix } from '@tessera/platform';
import type { MediaType } from './media-types.js';

/** Where a media item's bytes live in the blob store; the tenant comes first so erasure finds them all. */
export const mediaBlobKeys = (tenantId: string, mediaId: string) => {
  const prefix = `${tenantBlobPrefix(tenantId)}/media/${mediaId}`;
  return { prefix, original: `${prefix}/original`, thumbnail: `${prefix}/thumbnail.webp` };
};

// eslint-disable-next-line no-control-regex -- control characters are what it removes, with what file systems or Content-Disposition treat specially
const UNSAFE = /[\u0000-\u001f\u007f"\\/:*?<>|]+/g;

/**
 * A filename safe to show and to offer for download: the last path segment of what the client sent, without
 * control or reserved characters, and with an extension that matches the detected type — a PDF offered as
 * `notes.html` could be opened by a browser as a page.
 */
export function safeFilename(sent: string | undefined, type: MediaType, mediaId: string): string {
  const lastSegment = (sent ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment.replace(UNSAFE, '_').trim().replace(/^\.+/, '');
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned) || mediaId;
  const fitting = type.extensions.includes(extension) ? extension : type.extensions[0];
  return `${stem.slice(0, 240)}.${fitting}`;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the exact name in RFC 8187 form. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRFC8187(filename)}`;
}

function encodeRFC8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
