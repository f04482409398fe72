import type { PermissionGrants } from '@tessera/platform';

/** Permissions of the analytics service; routes name them, roles hold them (see `analyticsGrants`). */
export const AnalyticsPermissions = {
  /** Send one's own learning events (the web app, mobile clients, tools acting for the signed-in user). */
  ingest: 'analytics.events.write',
  /** One's own time, streaks and progress. */
  self: 'analytics.self.read',
  /** A course's activity, struggling students, hardest items, mastery (instructors, tutors, admins). */
  course: 'analytics.course.read',
  /** The tenant's usage, courses, completion and cost report. */
  tenant: 'analytics.tenant.read',
} as const;

export const analyticsGrants: PermissionGrants = {
  [AnalyticsPermissions.ingest]: ['student', 'instructor', 'tutor', 'tenant_admin'],
  [AnalyticsPermissions.self]: ['student', 'instructor', 'tutor', 'tenant_admin'],
  [AnalyticsPermissions.course]: ['instructor', 'tutor', 'tenant_admin'],
  [AnalyticsPermissions.tenant]: ['tenant_admin'],
};
