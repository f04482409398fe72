import type { PermissionGrants } from '@tessera/platform';

/** Permissions of the notify service; routes name them, roles hold them (see `notifyGrants`). */
export const NotifyPermissions = {
  /** Read and mark one's own notifications, follow them live, and choose one's preferences. */
  self: 'notify.self',
  /** Read the tenant's delivery log (every notification's email per recipient: queued, held, sent, failed). */
  deliveries: 'notify.deliveries',
  /** Set the tenant's email brand and send-rate limit. */
  settings: 'notify.settings',
  /** Announce to the students of a course, now or later (and see one's own announcements). */
  announce: 'notify.announce',
  /** Announce to everyone holding a role, and see every announcement of the tenant. */
  announceToAll: 'notify.announce_all',
} as const;

export const notifyGrants: PermissionGrants = {
  [NotifyPermissions.self]: ['student', 'instructor', 'tutor', 'tenant_admin'],
  [NotifyPermissions.deliveries]: ['tenant_admin'],
  [NotifyPermissions.settings]: ['tenant_admin'],
  [NotifyPermissions.announce]: ['instructor', 'tenant_admin'],
  [NotifyPermissions.announceToAll]: ['tenant_admin'],
};
