import type { PermissionGrants } from '@tessera/platform';

/** Permissions of the assessment service; routes name them, roles hold them (see `assessmentGrants`). */
export const AssessmentPermissions = {
  /** Start attempts, answer, submit, and read one's own results when released. */
  take: 'assessment.take',
  /** Author and publish exams, set accommodations, release results, regrade. */
  manage: 'assessment.exams.manage',
  /** Grade essays by hand. */
  grade: 'assessment.grade',
  /** Read every submission of an exam, item analysis and gradebooks. */
  readResults: 'assessment.results.read',
} as const;

/** Who holds the assessment permissions. */
export const assessmentGrants: PermissionGrants = {
  [AssessmentPermissions.take]: ['student', 'instructor', 'tutor', 'tenant_admin'],
  [AssessmentPermissions.manage]: ['instructor', 'tenant_admin'],
  [AssessmentPermissions.grade]: ['instructor', 'tutor', 'tenant_admin'],
  [AssessmentPermissions.readResults]: ['instructor', 'tutor', 'tenant_admin'],
};
