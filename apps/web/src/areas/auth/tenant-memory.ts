const KEY = 'tessera.tenant';

/** The institution this browser signed in to last, so the sign-in form is prefilled next time. */
export function lastTenant(): string {
  const fromHost = globalThis.location?.hostname.split('.');
  // `<slug>.<domain>` hosts name the institution; a bare host or an IP address does not.
  if (fromHost && fromHost.length > 2 && !/^\d+$/.test(fromHost[0] ?? '')) return fromHost[0] ?? '';
  return globalThis.localStorage?.getItem(KEY) ?? '';
}

export function rememberTenant(slug: string): void {
  globalThis.localStorage?.setItem(KEY, slug);
}
