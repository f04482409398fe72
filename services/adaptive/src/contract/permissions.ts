import type { PermissionGrants } from '@tessera/platform';

/** Permissions of the adaptive service; routes name them, roles hold them (see `adaptiveGrants`). */
export const AdaptivePermissions = {
  /** Practise, and read one's own mastery, reviews, learning paths and predictions. */
  self: 'adaptive.self',
  /** Read every student's mastery and predictions, the students at risk and the items that misfit. */
  insights: 'adaptive.insights',
  /** Change a course's selection settings. */
  manage: 'adaptive.manage',
  /** Refit the tenant's models now and read their quality. */
  models: 'adaptive.models',
} as const;

export const adaptiveGrants: PermissionGrants = {
  [AdaptivePermissions.self]: ['student', 'instructor', 'tutor', 'tenant_admin'],
  [AdaptivePermissions.insights]: ['instructor', 'tutor', 'tenant_admin'],
  [AdaptivePermissions.manage]: ['instructor', 'tenant_admin'],
  [AdaptivePermissions.models]: ['tenant_admin'],
};
