import type { FastifyRequest } from 'fastify';
import type { IdentityDeps } from '../app/deps.js';
import { SSO_LOGIN_MS } from '../app/sso-sign-in.js';

/** The cookie that binds an SSO login to the browser that started it (against login CSRF, RFC 6749 §10.12). */
export const SSO_COOKIE = 'tessera_sso';
// Sent only to the SSO routes (callback and exchange), never script-readable. Lax: the provider's redirect
// back is a top-level GET navigation from another site, which Lax cookies accompany.
const PATH = '/api/v1/auth/sso';

/** Set-Cookie that stores `value` for the length of a login. */
export function ssoCookie(deps: IdentityDeps, value: string): string {
  return `${SSO_COOKIE}=${value}; Path=${PATH}; Max-Age=${SSO_LOGIN_MS / 1000}; HttpOnly; SameSite=Lax${secure(deps)}`;
}

/** Set-Cookie that removes it (the login is over). */
export function clearedSsoCookie(deps: IdentityDeps): string {
  return `${SSO_COOKIE}=; Path=${PATH}; Max-Age=0; HttpOnly; SameSite=Lax${secure(deps)}`;
}

/** The cookie's value in a request, if it came with one. */
export function ssoCookieOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === SSO_COOKIE) {
      const value = pair.slice(separator + 1).trim();
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}

function secure(deps: IdentityDeps): string {
  return deps.config.TESSERA_PUBLIC_URL.startsWith('https:') ? '; Secure' : '';
}
