import type { AssessmentDatabase } from '../db/assessment.table.js';
import { findExam, releaseExam } from '../db/exam.repository.js';
import type { AssessmentDeps } from './deps.js';
import { assessmentErrors } from './errors.js';

/** Releases results (and feedback, which implies results) of an exam to its students from now on. */
export async function releaseResults(deps: Pick<AssessmentDeps, 'db'>, tenantId: string, examId: string, what: { results: boolean; feedback: boolean }): Promise<void> {
  await deps.db.withTenant<AssessmentDatabase, void>(tenantId, async (tx) => {
    if (!await findExam(tx, tenantId, examId)) throw assessmentErrors.examNotFound(examId);
    await releaseExam(tx, tenantId, examId, what);
  });
}
