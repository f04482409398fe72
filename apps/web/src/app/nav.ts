/**
 * The navigation of each role. A service that brings screens (adaptive practice, billing, analytics) adds
 * its entries here and its routes to `routes.tsx`. A user's own notifications are reached from the shell's bell instead.
 */
export interface NavEntry {
  to: string;
  /** Key in the `common` catalog. */
  label: string;
  roles: string[];
  /** Matches only the exact path (home pages), not everything below it. */
  end?: boolean;
}

export const navigation: NavEntry[] = [
  { to: '/learn', label: 'nav.home', roles: ['student'], end: true },
  { to: '/learn/practice', label: 'nav.practice', roles: ['student'] },
  { to: '/learn/catalog', label: 'nav.catalog', roles: ['student'] },
  { to: '/learn/grades', label: 'nav.grades', roles: ['student'] },
  { to: '/account/orders', label: 'nav.orders', roles: ['student'] },
  { to: '/teach', label: 'nav.teach', roles: ['instructor', 'tutor'], end: true },
  { to: '/teach/items', label: 'nav.items', roles: ['instructor'] },
  { to: '/teach/skills', label: 'nav.skills', roles: ['instructor'] },
  { to: '/teach/earnings', label: 'nav.earnings', roles: ['instructor'] },
  { to: '/admin/users', label: 'nav.users', roles: ['tenant_admin'] },
  { to: '/admin/security', label: 'nav.security', roles: ['tenant_admin'] },
  { to: '/admin/api-keys', label: 'nav.apiKeys', roles: ['tenant_admin'] },
  { to: '/admin/branding', label: 'nav.branding', roles: ['tenant_admin'] },
  { to: '/admin/notifications', label: 'nav.notifications', roles: ['tenant_admin'] },
  { to: '/admin/billing', label: 'nav.billing', roles: ['tenant_admin'] },
  { to: '/platform/tenants', label: 'nav.tenants', roles: ['platform_admin'] },
  { to: '/platform/health', label: 'nav.health', roles: ['platform_admin'] },
];

/** Where a user lands after signing in: the first area their roles open. */
export function homeFor(roles: string[]): string {
  if (roles.includes('student')) return '/learn';
  if (roles.includes('instructor') || roles.includes('tutor')) return '/teach';
  if (roles.includes('tenant_admin')) return '/admin/users';
  if (roles.includes('platform_admin')) return '/platform/tenants';
  return '/account';
}
