import { AppError, type Tx } from '@tessera/platform';
import type { EnrollmentSettings, EnrollmentSettingsBody } from '../contract/schemas.js';
import { findCourse, lockCourse, updateSettings } from '../db/course.repository.js';
import { countSeats, countWithStatus } from '../db/enrollment.repository.js';
import type { CourseRow, EnrollmentDatabase } from '../db/enrollment.table.js';
import type { EnrollmentDeps } from './deps.js';
import { courseNotFound } from './errors.js';
import { settleSeats } from './seats.js';

type Db = Tx<EnrollmentDatabase>;

/** A course's enrollment settings with its seats in use. */
export async function getSettings(deps: EnrollmentDeps, tenantId: string, courseId: string): Promise<EnrollmentSettings> {
  return deps.db.withTenant<EnrollmentDatabase, EnrollmentSettings>(tenantId, async (tx) => {
    const course = await findCourse(tx, tenantId, courseId);
    if (!course) throw courseNotFound(courseId);
    return present(tx, tenantId, course);
  });
}

/**
 * Replaces a course's capacity, window and waitlist switch if the caller saw the current version (If-Match).
 * Lowering the capacity below the seats in use removes nobody; raising it promotes waitlisted students at once.
 */
export async function putSettings(deps: EnrollmentDeps, tenantId: string, courseId: string, body: EnrollmentSettingsBody, expectedVersion: number, now = new Date()): Promise<EnrollmentSettings> {
  const opensAt = body.opensAt ? new Date(body.opensAt) : null;
  const closesAt = body.closesAt ? new Date(body.closesAt) : null;
  if (opensAt && closesAt && closesAt <= opensAt) {
    throw new AppError('unprocessable', 'ENROLLMENT.INVALID_WINDOW', 'closesAt must be after opensAt',
      { errors: [{ pointer: '/body/closesAt', detail: 'must be after opensAt' }] });
  }
  return deps.db.withTenant<EnrollmentDatabase, EnrollmentSettings>(tenantId, async (tx) => {
    const locked = await lockCourse(tx, tenantId, courseId);
    if (!locked) throw courseNotFound(courseId);
    const change = { capacity: body.capacity, opensAt, closesAt, waitlistEnabled: body.waitlistEnabled };
    const course = await updateSettings(tx, tenantId, courseId, change, expectedVersion);
    if (!course) {
      throw new AppError('precondition_failed', 'ENROLLMENT.SETTINGS_VERSION_MISMATCH',
        `The settings of course ${courseId} are at version ${locked.settings_version}, not ${expectedVersion}`);
    }
    await settleSeats(deps, tx, tenantId, course, now);
    return present(tx, tenantId, course);
  });
}

async function present(tx: Db, tenantId: string, course: CourseRow): Promise<EnrollmentSettings> {
  return {
    courseId: course.course_id,
    capacity: course.capacity,
    opensAt: course.opens_at?.toISOString() ?? null,
    closesAt: course.closes_at?.toISOString() ?? null,
    waitlistEnabled: course.waitlist_enabled,
    seatsTaken: await countSeats(tx, tenantId, course.course_id),
    waitlisted: await countWithStatus(tx, tenantId, course.course_id, ['waitlisted']),
    version: course.settings_version,
  };
}
