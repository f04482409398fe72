/** Paths that already name a screen of this app. */
const APP_AREAS = /^\/(learn|teach|admin|account|platform|notifications)(\/|$|\?)/;

/**
 * Where a notification's link leads in this app. The notify service names what a notice is about with
 * area-free paths (`/attempts/<id>`, `/practice`, `/courses/<id>`); a student reads those under /learn,
 * staff read a course under /teach. Anything else (another site, a path of no area) is not followed.
 */
export function appPathOf(link: string | null, roles: readonly string[]): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  if (APP_AREAS.test(link)) return link;
  if (roles.includes('student')) return `/learn${link}`;
  if (/^\/courses\//.test(link) && roles.some((role) => role === 'instructor' || role === 'tutor' || role === 'tenant_admin')) return `/teach${link}`;
  return null;
}
