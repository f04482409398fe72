import { Type } from '@sinclair/typebox';
import { hasPermission, personOf, principalOf } from '@tessera/platform';
import type { FastifyRequest } from 'fastify';
import type { Reader } from '../app/results.js';
import { AssessmentPermissions } from '../contract/permissions.js';

export const tags = ['assessment'];
const Uuid = Type.String({ format: 'uuid' });
export const CourseParams = Type.Object({ courseId: Uuid });
export const ExamParams = Type.Object({ examId: Uuid });
export const AttemptParams = Type.Object({ attemptId: Uuid });
export const SubmissionParams = Type.Object({ submissionId: Uuid });
export const AccommodationParams = Type.Object({ examId: Uuid, userId: Uuid });

/** Staff who read every result (instructors, tutors, admins), or the student themselves. */
export function readerOf(request: FastifyRequest): Reader {
  const principal = principalOf(request);
  const staff = hasPermission(request, AssessmentPermissions.readResults);
  return { tenantId: principal.tenantId, userId: staff ? principal.subject : personOf(request).subject, staff };
}
