import type { Tx } from '@tessera/platform';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { courseExists } from '../db/course.repository.js';
import { assessmentErrors } from './errors.js';

/** 404 unless the tenant has published the course (another tenant's course is as unknown as a made-up id). */
export async function assertCourseKnown(tx: Tx<AssessmentDatabase>, tenantId: string, courseId: string): Promise<void> {
  if (!await courseExists(tx, tenantId, courseId)) throw assessmentErrors.courseNotFound(courseId);
}
