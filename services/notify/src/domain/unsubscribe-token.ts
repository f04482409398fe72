import { createHmac, timingSafeEqual } from 'node:crypto';
import { CATEGORIES, type Category } from '../contract/schemas.js';

/** Whose email of which category a one-click link stops. */
export interface UnsubscribeClaim {
  tenantId: string;
  userId: string;
  category: Category;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `<claim>.<HMAC-SHA256 of the claim>`, both base64url: the link works without signing in, and cannot be forged for anyone else. */
export function signUnsubscribe(key: Buffer, claim: UnsubscribeClaim): string {
  const payload = Buffer.from(`${claim.tenantId}.${claim.userId}.${claim.category}`).toString('base64url');
  return `${payload}.${mac(key, payload)}`;
}

/** The claim of a token this key signed, or null for anything else (tampered, truncated, another key's). */
export function verifyUnsubscribe(key: Buffer, token: string): UnsubscribeClaim | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(mac(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [tenantId, userId, category, ...extra] = Buffer.from(payload, 'base64url').toString('utf8').split('.');
  if (extra.length > 0 || !tenantId || !userId || !UUID.test(tenantId) || !UUID.test(userId)) return null;
  if (!(CATEGORIES as readonly string[]).includes(category ?? '')) return null;
  return { tenantId, userId, category: category as Category };
}

function mac(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}
