/**
 * The permissions a tenant admin holds and may give an API key, by service. The API has no route that
 * lists them, so they are named here (from each service's `contract/permissions.ts`).
 */
export const SCOPE_GROUPS: Array<{ group: string; scopes: string[] }> = [
  { group: 'identity', scopes: ['identity.users.read', 'identity.users.manage', 'identity.tenant.configure', 'identity.api_keys.manage', 'identity.mail.read'] },
  { group: 'catalog', scopes: ['catalog.content.read', 'catalog.items.read', 'catalog.content.author', 'catalog.content.manage_all', 'catalog.content.review', 'catalog.media.upload'] },
  { group: 'enrollment', scopes: ['enrollment.self', 'enrollment.manage', 'enrollment.roster.read'] },
  { group: 'assessment', scopes: ['assessment.take', 'assessment.exams.manage', 'assessment.grade', 'assessment.results.read'] },
  { group: 'operations', scopes: ['platform.dead_letters.read'] },
];

/** The catalog key of a scope's description (i18next reads dots as nesting). */
export function scopeKey(scope: string): string {
  return `scope.${scope.replaceAll('.', '_')}`;
}
