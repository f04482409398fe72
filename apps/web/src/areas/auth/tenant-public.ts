import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { paths } from '../../api/openapi';

export type TenantPublic = paths['/api/v1/tenants/{slug}/public']['get']['responses'][200]['content']['application/json'];

/** `null` while unknown or loading, `'missing'` when no active institution has this slug. */
export type TenantLookup = TenantPublic | 'missing' | null;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

/** What an institution's sign-in page may show: its name, whether it allows sign-up and single sign-on. */
export function useTenantPublic(slug: string): TenantLookup {
  const [found, setFound] = useState<{ slug: string; value: TenantLookup }>({ slug: '', value: null });
  useEffect(() => {
    if (!SLUG.test(slug)) return;
    let live = true;
    api.GET('/api/v1/tenants/{slug}/public', { params: { path: { slug } } }).then(
      ({ data, response }) => live && setFound({ slug, value: data ?? (response.status === 404 ? 'missing' : null) }),
      () => live && setFound({ slug, value: null }),
    );
    return () => {
      live = false;
    };
  }, [slug]);
  // A lookup for an earlier slug says nothing about the one typed now.
  return found.slug === slug ? found.value : null;
}
