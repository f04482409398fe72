import type { PermissionGrants } from '@tessera/platform';

/** Permissions of the enrollment service; routes name them, roles hold them (see `enrollmentGrants`). */
export const EnrollmentPermissions = {
  /** Enroll oneself, cancel one's own enrollments, record and read one's own progress. */
  self: 'enrollment.self',
  /** Enroll others (one or a CSV), cancel anyone's enrollment, set a course's capacity, window and waitlist. */
  manage: 'enrollment.manage',
  /** See a course's roster and every student's enrollment and progress. */
  readRoster: 'enrollment.roster.read',
} as const;

/** Who holds the enrollment permissions. */
export const enrollmentGrants: PermissionGrants = {
  [EnrollmentPermissions.self]: ['student', 'instructor', 'tutor', 'tenant_admin'],
  [EnrollmentPermissions.manage]: ['instructor', 'tenant_admin'],
  [EnrollmentPermissions.readRoster]: ['instructor', 'tutor', 'tenant_admin'],
};
