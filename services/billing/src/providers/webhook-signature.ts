import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookRejected } from './provider.js';

/**
 * Tessera's webhook signature: `Tessera-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 * The timestamp is inside the signed content, so a captured webhook cannot be replayed with a fresh `t`.
 */

/** The header name, lower case as node:http hands incoming headers over. */
export const SIGNATURE_HEADER = 'tessera-signature';

/** How far (seconds, either way) a webhook's timestamp may be from the receiver's clock. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const HEX_SHA256 = /^[0-9a-f]{64}$/;
const UNIX_SECONDS = /^\d{1,12}$/;

/** The header value signing `rawBody` at `at`. */
export function signatureHeader(rawBody: string, secret: string, at: Date): string {
  requireSecret(secret);
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmacHex(secret, t, rawBody)}`;
}

/**
 * Throws WebhookRejected unless `header` carries a valid signature of `rawBody` made within
 * `toleranceSeconds` of `now`. Several `v1` entries are allowed, so a secret can be rotated.
 */
export function verifySignature(rawBody: string, header: string | undefined, secret: string, now: Date, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS): void {
  requireSecret(secret);
  if (header === undefined || header.trim() === '') throw new WebhookRejected('signature', 'The webhook carries no signature');
  const { t, signatures } = parseHeader(header);
  const expected = Buffer.from(hmacHex(secret, t, rawBody), 'hex');
  // Every candidate is compared (no early exit), each in constant time.
  const matches = signatures.filter((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
  if (matches.length === 0) throw new WebhookRejected('signature', 'The webhook signature does not match its body');
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - t);
  if (skew > toleranceSeconds) throw new WebhookRejected('timestamp', `The webhook was signed ${skew} s from now, more than ${toleranceSeconds} s`);
}

/** Finds a header by name whatever its case: frameworks differ in how they hand headers over. */
export function headerValue(headers: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

function parseHeader(header: string): { t: number; signatures: string[] } {
  let t: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...rest] = part.trim().split('=');
    if (value === undefined || rest.length > 0) throw malformedHeader();
    if (key === 't') {
      if (t !== null || !UNIX_SECONDS.test(value)) throw malformedHeader();
      t = Number(value);
    } else if (key === 'v1') {
      if (!HEX_SHA256.test(value)) throw malformedHeader();
      signatures.push(value);
    }
    // Other schemes (a future v2) are ignored rather than refused, as Stripe does.
  }
  if (t === null || signatures.length === 0) throw malformedHeader();
  return { t, signatures };
}

function malformedHeader(): WebhookRejected {
  return new WebhookRejected('malformed', 'The webhook signature header is not t=<seconds>,v1=<hex>');
}

function hmacHex(secret: string, t: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${t}.${rawBody}`, 'utf8').digest('hex');
}

function requireSecret(secret: string): void {
  // An empty key would make every signature forgeable by anyone who knows the scheme.
  if (secret === '') throw new Error('A webhook secret is required');
}
