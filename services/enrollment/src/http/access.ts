import { AppError, decodeCursor, hasPermission, principalOf } from '@tessera/platform';
import type { FastifyRequest } from 'fastify';
import { enrollmentNotFound } from '../app/errors.js';
import { EnrollmentPermissions } from '../contract/permissions.js';
import type { EnrollmentWithPlace } from '../db/enrollment.repository.js';

/**
 * Object-level checks of enrollments. A student sees only their own: another student's enrollment id is answered
 * 404, exactly like an id that does not exist, so ids cannot be probed. Staff who may read rosters see all of
 * the tenant's, and are told 403 when they may see but not change one.
 */
export function mayRead(request: FastifyRequest) {
  return (enrollment: EnrollmentWithPlace): void => {
    if (isOwn(request, enrollment) || hasPermission(request, EnrollmentPermissions.readRoster)) return;
    throw enrollmentNotFound(enrollment.id);
  };
}

/** The student, or staff holding `enrollment.manage`, may cancel an enrollment. */
export function mayCancel(request: FastifyRequest) {
  return (enrollment: EnrollmentWithPlace): void => {
    if (isOwn(request, enrollment) || hasPermission(request, EnrollmentPermissions.manage)) return;
    mayRead(request)(enrollment);
    throw notOwner(EnrollmentPermissions.manage);
  };
}

/** Only the enrolled student records their own progress. */
export function mayReport(request: FastifyRequest) {
  return (enrollment: EnrollmentWithPlace): void => {
    if (isOwn(request, enrollment)) return;
    mayRead(request)(enrollment);
    throw new AppError('forbidden', 'AUTH.NOT_OWNER', 'Only the enrolled student records their progress');
  };
}

function isOwn(request: FastifyRequest, enrollment: EnrollmentWithPlace): boolean {
  return enrollment.user_id === principalOf(request).subject;
}

function notOwner(permission: string): AppError {
  return new AppError('forbidden', 'AUTH.NOT_OWNER', `Only its student or a holder of ${permission} may do this`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes a list cursor: (requestedAt, id) of the last item of the previous page; anything else is a 400. */
export function afterOf(cursor: string | undefined): { requestedAt: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [requestedAt, id] = decodeCursor(cursor, 2, ([at, key]) =>
    typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof key === 'string' && UUID.test(key));
  return { requestedAt: String(requestedAt), id: String(id) };
}
