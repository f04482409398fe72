import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '@tessera/platform';
import type { IdentityDeps } from './deps.js';
import type { SignInResult } from './sign-in.js';

/** How long the app has to exchange the code it was redirected with. */
export const HANDOFF_MS = 60_000;

interface SealedOutcome {
  iv: string;
  data: string;
  tag: string;
  /** SHA-256 of the browser binding (the SSO cookie) the exchange must present again. */
  binding: string;
}

/**
 * Keeps a finished SSO sign-in (tokens, or an MFA challenge) for the app to collect with a one-time code:
 * the redirect back to the app carries only the code, never tokens. The cache holds the outcome encrypted
 * under a key derived from the code and is keyed by the code's hash, so what sits in Redis is of no use to
 * anyone without the code itself.
 */
export async function storeHandoff(deps: IdentityDeps, outcome: SignInResult, binding: string): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(code), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(outcome), 'utf8'), cipher.final()]);
  const sealed: SealedOutcome = {
    iv: iv.toString('base64url'), data: data.toString('base64url'), tag: cipher.getAuthTag().toString('base64url'), binding: digest(binding),
  };
  await deps.cache.set(cacheKey(code), sealed, HANDOFF_MS);
  return code;
}

/**
 * The outcome stored under `code`, once: the first caller claims it (an atomic counter, so two concurrent
 * exchanges cannot both win), and only from the browser that started the login (`binding`).
 */
export async function takeHandoff(deps: IdentityDeps, code: string, binding: string | undefined): Promise<SignInResult> {
  const key = cacheKey(code);
  if ((await deps.cache.increment(`${key}:claimed`, HANDOFF_MS)) !== 1) throw invalidHandoff();
  const sealed = await deps.cache.get<SealedOutcome>(key);
  await deps.cache.delete(key);
  if (!sealed || binding === undefined || sealed.binding !== digest(binding)) throw invalidHandoff();
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(code), Buffer.from(sealed.iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as SignInResult;
  } catch {
    throw invalidHandoff();
  }
}

function keyOf(code: string): Buffer {
  return Buffer.from(hkdfSync('sha256', code, 'tessera-sso-handoff', 'outcome-key', 32));
}

function cacheKey(code: string): string {
  return `sso-handoff:${digest(code)}`;
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

function invalidHandoff(): AppError {
  return new AppError('unauthorized', 'AUTH.INVALID_HANDOFF', 'This sign-in code is unknown, expired or already used: sign in again');
}
