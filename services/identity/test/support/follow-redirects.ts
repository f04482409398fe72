/**
 * Plays the browser between an authorization URL and the relying party's redirect URI: follows redirects
 * by hand, keeping cookies, and returns the URL the provider finally sent the browser to (without
 * requesting it). Only loopback hosts are contacted.
 */
export async function followToRedirectUri(authorizationUrl: string, redirectUri: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 20; hop++) {
    if (url.hostname !== '127.0.0.1') throw new Error(`refusing to leave the loopback interface for ${url.href}`);
    const response = await fetch(url, { redirect: 'manual', headers: cookieHeader(cookies) });
    keepCookies(cookies, response.headers.getSetCookie());
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`expected a redirect from ${url.href}, got ${response.status}: ${await response.text()}`);
    }
    await response.body?.cancel();
    url = new URL(location, url);
    if (url.href.startsWith(redirectUri)) return url;
  }
  throw new Error('too many redirects');
}

function cookieHeader(cookies: Map<string, string>): Record<string, string> {
  if (cookies.size === 0) return {};
  return { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
}

// A deliberately tiny jar: one host, paths ignored (sending a cookie to a wider path is harmless here).
function keepCookies(cookies: Map<string, string>, setCookies: string[]): void {
  for (const setCookie of setCookies) {
    const [pair = '', ...attributes] = setCookie.split(';').map((part) => part.trim());
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    if (value === '' || attributes.some(isExpiry)) cookies.delete(name);
    else cookies.set(name, value);
  }
}

/** True for the attribute a server uses to delete a cookie: `Max-Age=0` or an `Expires` in the past. */
function isExpiry(attribute: string): boolean {
  const [key = '', value = ''] = attribute.split('=');
  if (key.toLowerCase() === 'max-age') return Number(value) <= 0;
  if (key.toLowerCase() === 'expires') return Date.parse(value) <= Date.now();
  return false;
}
