import { isAppError } from '@tessera/platform';
import type { Enrollment, RosterImportError, RosterImportResult } from '../contract/schemas.js';
import { findCourse } from '../db/course.repository.js';
import type { EnrollmentDatabase, UserRow } from '../db/enrollment.table.js';
import { findUsersByEmail } from '../db/user.repository.js';
import { emailKey } from '../domain/email.js';
import type { EnrollmentDeps } from './deps.js';
import { enroll } from './enroll.js';
import { courseNotFound } from './errors.js';
import { readRosterCsv } from './roster-csv.js';

/**
 * Enrolls every valid row of a roster CSV as a staff grant and lists the others with their line and why (bad id,
 * unknown or deactivated user, duplicate row — the same user named twice, by id or by email —, already enrolled,
 * course full). Users are checked against the read model of identity's users. Each row is enrolled in a
 * transaction of its own, so one refused row does not stop the rest and a row is never half done.
 */
export async function importRoster(deps: EnrollmentDeps, tenantId: string, courseId: string, csv: string, enrolledBy: string | null): Promise<RosterImportResult> {
  const { rows, errors } = readRosterCsv(csv);
  const byEmail = await deps.db.withTenant<EnrollmentDatabase, Map<string, UserRow>>(tenantId, async (tx) => {
    if (!await findCourse(tx, tenantId, courseId)) throw courseNotFound(courseId);
    return findUsersByEmail(tx, tenantId, rows.flatMap((row) => (row.email === undefined ? [] : [emailKey(row.email)])));
  });
  const enrolled: Enrollment[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const named = row.email === undefined ? {} : { email: row.email };
    const userId = row.userId ?? byEmail.get(emailKey(row.email))?.user_id;
    const refuse = (detail: string): void => void errors.push({ line: row.line, userId: userId ?? null, ...named, detail });
    if (!userId) {
      refuse('no user with this email in the tenant');
      continue;
    }
    const first = firstLineOf.get(userId);
    if (first !== undefined) {
      refuse(`the same user is already on line ${first}`);
      continue;
    }
    firstLineOf.set(userId, row.line);
    const refused = await enrollRow(deps, tenantId, courseId, userId, enrolledBy, enrolled);
    if (refused) refuse(refused);
  }
  errors.sort((a: RosterImportError, b: RosterImportError) => a.line - b.line);
  return { enrolled, errors };
}

/** Enrolls one row; the reason when the enrollment rules refuse it. */
async function enrollRow(deps: EnrollmentDeps, tenantId: string, courseId: string, userId: string, enrolledBy: string | null, enrolled: Enrollment[]): Promise<string | undefined> {
  try {
    enrolled.push(await enroll(deps, tenantId, { courseId, userId, enrolledBy, grant: true }));
    return undefined;
  } catch (error) {
    // A course that vanished is the whole request's problem, not this row's.
    if (!isAppError(error) || error.kind === 'not_found') throw error;
    return error.message;
  }
}

