import { AppError } from '@tessera/platform';
import type { EnrollmentStatus } from '../contract/schemas.js';

/** A course the tenant never published (or another tenant's course: equally "not found"). */
export function courseNotFound(courseId: string): AppError {
  return new AppError('not_found', 'ENROLLMENT.COURSE_NOT_FOUND', `No published course ${courseId}`);
}

/** An enrollment the caller may not see is as absent as one that does not exist. */
export function enrollmentNotFound(id: string): AppError {
  return new AppError('not_found', 'ENROLLMENT.NOT_FOUND', `No enrollment ${id}`);
}

export function alreadyEnrolled(enrollmentId: string, status: EnrollmentStatus): AppError {
  return new AppError('conflict', 'ENROLLMENT.ALREADY_ENROLLED', `The student already has an enrollment in this course (${status})`,
    { enrollmentId, currentStatus: status });
}

/** Staff named a user this tenant's read model of identity does not know. */
export function userNotFound(userId: string): AppError {
  return new AppError('unprocessable', 'ENROLLMENT.USER_NOT_FOUND', `No user ${userId} in this tenant`, { userId });
}

/**
 * A deactivated user is not enrolled, and records no progress. `self` says the caller is that user (403);
 * otherwise staff named them (422).
 */
export function userDeactivated(userId: string, self: boolean): AppError {
  return new AppError(self ? 'forbidden' : 'unprocessable', 'ENROLLMENT.USER_DEACTIVATED', `User ${userId} is deactivated`, { userId });
}
