import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** How long a verification code may be used. */
export const CODE_TTL_MS = 10 * 60_000;
/** Wrong tries after which a code is void (a new one must be asked for). */
export const MAX_CODE_ATTEMPTS = 5;
/** Codes one user, or one number, may be sent per hour. */
export const MAX_CODES_PER_HOUR = 5;

/** A random 6-digit code (leading zeros kept). */
export function newPhoneCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * The stored form of a code: an HMAC bound to the tenant, the user and the number it was sent to, so a
 * database dump does not give the codes away and a code sent to one number never verifies another.
 */
export function hashPhoneCode(key: Buffer, owner: { tenantId: string; userId: string; phone: string }, code: string): string {
  return createHmac('sha256', key).update(`${owner.tenantId}\n${owner.userId}\n${owner.phone}\n${code}`).digest('base64url');
}

export function samePhoneCodeHash(stored: string, given: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
