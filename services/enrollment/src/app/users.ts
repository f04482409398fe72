import type { Tx } from '@tessera/platform';
import type { EnrollmentDatabase } from '../db/enrollment.table.js';
import { findUser } from '../db/user.repository.js';
import { userDeactivated, userNotFound } from './errors.js';

/**
 * Refuses to enroll a user who is deactivated, or (when staff name them) unknown. A student enrolling themselves
 * is signed in, so they exist even if identity's event about them has not arrived yet; only a known
 * deactivation refuses them.
 */
export async function assertEnrollable(tx: Tx<EnrollmentDatabase>, tenantId: string, userId: string, self: boolean): Promise<void> {
  const user = await findUser(tx, tenantId, userId);
  if (!user && !self) throw userNotFound(userId);
  if (user?.status === 'deactivated') throw userDeactivated(userId, self);
}

/** A deactivated user keeps their enrollments and progress as records, but records nothing new. */
export async function assertMayLearn(tx: Tx<EnrollmentDatabase>, tenantId: string, userId: string): Promise<void> {
  if ((await findUser(tx, tenantId, userId))?.status === 'deactivated') throw userDeactivated(userId, true);
}
