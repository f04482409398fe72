import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const UUID_HEX = /^[0-9a-f]{32}$/;

/** A secret handed to a client (refresh token, email link, MFA challenge) and the hash we keep of it. */
export interface IssuedToken {
  token: string;
  hash: string;
}

/**
 * Issues an opaque token that names its tenant: `<tenant id hex>.<32 random bytes, base64url>`. The tenant
 * part lets a public endpoint find the right (possibly dedicated) database without a global lookup; the
 * random part is the secret, stored only as its SHA-256.
 */
export function issueToken(tenantId: string): IssuedToken {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${tenantId.replaceAll('-', '')}.${secret}`, hash: hashSecret(secret) };
}

/** The tenant and secret hash of a token made by `issueToken`, or undefined for anything else. */
export function readToken(token: string): { tenantId: string; hash: string } | undefined {
  const [tenantHex, secret, ...rest] = token.split('.');
  if (rest.length > 0 || !tenantHex || !secret || !UUID_HEX.test(tenantHex) || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
  const tenantId = `${tenantHex.slice(0, 8)}-${tenantHex.slice(8, 12)}-${tenantHex.slice(12, 16)}-${tenantHex.slice(16, 20)}-${tenantHex.slice(20)}`;
  return { tenantId, hash: hashSecret(secret) };
}

/** SHA-256 of a high-entropy secret (a slow hash adds nothing for 256 random bits). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two hex digests without leaking where they differ. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
